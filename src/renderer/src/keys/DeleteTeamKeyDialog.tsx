import { ConfirmTeamKeyDialog } from './ConfirmTeamKeyDialog';
import type { TeamKeyDialogProps } from './team-key-dialog-props';

/** Deleting is for good; the dialog says so and points to Revoke for "off for a while". */
export function DeleteTeamKeyDialog(props: TeamKeyDialogProps) {
  const { teamKey } = props;
  return (
    <ConfirmTeamKeyDialog
      {...props}
      title={`Delete the team key “${teamKey.name}”?`}
      confirmLabel="Delete for good"
      call="keys.deleteTeamKey"
    >
      <p>
        <strong>This cannot be undone.</strong> The key stops working at once and can never be
        reinstated. To switch it off for a while, choose Revoke instead.
      </p>
      {teamKey.heldBy.length > 0 && (
        <p>
          Saved in Veza Desk as the key of:{' '}
          {teamKey.heldBy.map((holder) => holder.profileName).join(', ')}. Those instances will stop
          working until they get a new key.
        </p>
      )}
    </ConfirmTeamKeyDialog>
  );
}
