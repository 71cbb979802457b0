import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedTeamKey, TeamKey } from '../../../shared/keys/team-keys';
import type { Profile } from '../../../shared/profiles/profile';
import { useAction } from '../data/use-action';
import { ProblemCard } from '../problems/ProblemCard';
import { useDoctorStore } from '../data/doctor-store';
import { useProfilesStore } from '../data/profiles-store';
import { keyPowers } from './key-powers';
import { CreatedKeyNotice } from './CreatedKeyNotice';
import { CreateTeamKeyForm } from './CreateTeamKeyForm';
import { DeleteTeamKeyDialog } from './DeleteTeamKeyDialog';
import { RenameTeamKeyDialog } from './RenameTeamKeyDialog';
import { RevokeTeamKeyDialog } from './RevokeTeamKeyDialog';
import { RotateTeamKeyDialog } from './RotateTeamKeyDialog';
import { TeamKeysTable, type TeamKeyAction } from './TeamKeysTable';
import { useRotationDays } from './use-rotation-days';
import { useTeamKeys } from './use-team-keys';

type OpenDialog = { kind: 'rename' | 'revoke' | 'delete' | 'rotate'; key: TeamKey } | null;

/** Team keys through this instance's key: list, create, rename, revoke, reinstate, rotate, delete. */
export function TeamKeysPanel({ profile }: { profile: Profile }) {
  const titleId = useId();
  const readOnly = useProfilesStore((state) => state.readOnly);
  const rotationDays = useRotationDays();
  const isTeamKey = profile.key?.kind === 'team';
  const verdict = useDoctorStore((state) => state.results[profile.id]);
  // Known before trying (a Verify said who the key acts as): a viewer is told, not refused.
  const powers = keyPowers(profile, verdict);
  const cannot = powers.canManage === false && !isTeamKey ? powers.why : undefined;
  const { listing, teams, problem, loading, reload } = useTeamKeys(
    profile.id,
    Boolean(profile.key) && !isTeamKey,
  );
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const reinstating = useAction('keys.reinstateTeamKey');
  const [notice, setNotice] = useState('');
  const [created, setCreated] = useState<CreatedTeamKey | null>(null);
  const table = useRef<HTMLTableElement & HTMLParagraphElement>(null);

  // Reinstating only switches a key back on; revoking asks first (RevokeTeamKeyDialog).
  const reinstate = (key: TeamKey) =>
    reinstating.run({ profileId: profile.id, keyId: key.id }, async () => {
      setNotice(`“${key.name}” is reinstated: it works again.`);
      await reload();
    });
  const onAction = (action: TeamKeyAction, key: TeamKey) => {
    setNotice('');
    if (action === 'reinstate') void reinstate(key);
    else setDialog({ kind: action, key });
  };
  /**
   * After a change the button that opened the dialog may be gone (a deleted row, Revoke that
   * became Reinstate): focus goes back to the table once it is read again.
   */
  const closeDialog = (changed: boolean, backToTable = false) => {
    setDialog(null);
    if (!changed) return;
    const reloaded = reload();
    if (backToTable) void reloaded.then(() => setFocusTable(true));
  };
  // After the list drawn again, not when the reload answers: the closing dialog hands focus back
  // to its opener first, and a busy machine may draw the new list later than the answer comes.
  const [focusTable, setFocusTable] = useState(false);
  useEffect(() => {
    if (!focusTable || loading) return;
    table.current?.focus();
    setFocusTable(false);
  }, [focusTable, loading, listing]);

  return (
    <section className="card keys-section" aria-labelledby={titleId}>
      <h3 id={titleId}>Team keys</h3>
      <p>
        A team key belongs to one team and can only push integration data into Veza (role oaa_push):
        the custom providers and data that integrations send through the Open Authorization API
        (OAA). Veza Desk manages them with this instance’s key, which must be a personal key of an
        Admin or an Operator.
      </p>
      {!profile.key && <p role="note">Add this instance’s API key first.</p>}
      {isTeamKey && (
        <p role="note">
          This instance’s key is itself a team key, and team keys cannot manage keys. Open the API
          keys tab of an instance that has an Admin’s or Operator’s personal key for this address.
        </p>
      )}
      {cannot && (
        <p role="note" id={`${titleId}-cannot`} className="keys-cannot">
          {cannot} You can see the team keys here; to create, revoke, rotate or delete them, use an
          instance with an Admin’s or Operator’s personal key for this address.
        </p>
      )}
      {problem && <ProblemCard problem={problem} instance={profile} />}
      {reinstating.problem && (
        <ProblemCard
          problem={reinstating.problem}
          instance={profile}
          onDismiss={reinstating.clearProblem}
        />
      )}
      <p role="status" className="keys-notice">
        {notice}
      </p>
      {listing && (
        <>
          <div className="button-row">
            <button type="button" disabled={loading} onClick={() => void reload()}>
              {loading ? 'Refreshing…' : 'Refresh'}
            </button>
          </div>
          <TeamKeysTable
            ref={table}
            keys={listing.keys}
            caption={`Team keys Veza shows to ${profile.name}`}
            rotationDays={rotationDays}
            disabled={readOnly || cannot !== undefined}
            disabledWhy={cannot ? `${titleId}-cannot` : undefined}
            onAction={onAction}
          />
          {!listing.complete && (
            <p role="note">
              Veza’s list was too long to read to the end: some keys may be missing.
            </p>
          )}
          {created && <CreatedKeyNotice created={created} />}
          <CreateTeamKeyForm
            profile={profile}
            teams={teams}
            cannotWhy={cannot ? `${titleId}-cannot` : undefined}
            onCreated={(value) => {
              setCreated(value);
              void reload();
            }}
          />
        </>
      )}
      {dialog?.kind === 'rename' && (
        <RenameTeamKeyDialog profileId={profile.id} teamKey={dialog.key} onClose={closeDialog} />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeTeamKeyDialog
          profileId={profile.id}
          teamKey={dialog.key}
          onClose={(changed) => {
            if (changed)
              setNotice(
                `“${dialog.key.name}” is revoked: it stops working until it is reinstated.`,
              );
            closeDialog(changed, true);
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteTeamKeyDialog
          profileId={profile.id}
          teamKey={dialog.key}
          onClose={(changed) => closeDialog(changed, true)}
        />
      )}
      {dialog?.kind === 'rotate' && (
        <RotateTeamKeyDialog profileId={profile.id} teamKey={dialog.key} onClose={closeDialog} />
      )}
    </section>
  );
}
