import { ConfirmTeamKeyDialog } from './ConfirmTeamKeyDialog';
import type { TeamKeyDialogProps } from './team-key-dialog-props';

/** Revoking stops every integration that uses the key at once, so it asks first. */
export function RevokeTeamKeyDialog(props: TeamKeyDialogProps) {
  const { teamKey } = props;
  return (
    <ConfirmTeamKeyDialog
      {...props}
      title={`Revoke the team key “${teamKey.name}”?`}
      confirmLabel="Revoke"
      call="keys.revokeTeamKey"
    >
      <p>
        Every integration that uses this key stops working at once. You can reinstate the key later
        to make it work again.
      </p>
      {teamKey.heldBy.length > 0 && (
        <p>
          Saved in Veza Desk as the key of:{' '}
          {teamKey.heldBy.map((holder) => holder.profileName).join(', ')}.
        </p>
      )}
    </ConfirmTeamKeyDialog>
  );
}
