import type { Ref } from 'react';
import { isDueForRotation } from '../../../shared/keys/key-age';
import { creatorInWords, type TeamKey } from '../../../shared/keys/team-keys';
import { formatWhen } from './format-when';

export type TeamKeyAction = 'rename' | 'revoke' | 'reinstate' | 'rotate' | 'delete';

const statusText: Record<TeamKey['status'], string> = {
  active: 'Active',
  revoked: 'Revoked (switched off)',
  unknown: 'Unknown',
};

const actionWords: Record<TeamKeyAction, string> = {
  rename: 'Rename',
  revoke: 'Revoke',
  reinstate: 'Reinstate',
  rotate: 'Rotate',
  delete: 'Delete',
};

/** Revoked keys can be reinstated; only an active key saved in Veza Desk can be rotated. */
function actionsFor(key: TeamKey): TeamKeyAction[] {
  const rotatable = key.status === 'active' && key.heldBy.length > 0;
  return [
    'rename',
    key.status === 'revoked' ? 'reinstate' : 'revoke',
    ...(rotatable ? (['rotate'] as const) : []),
    'delete',
  ];
}

/** Who made the key, in words; the full user id (when there is one) in the tooltip. */
function CreatorCell({ creator }: { creator: TeamKey['createdBy'] }) {
  const { text, title } = creatorInWords(creator);
  return (
    <td className="key-creator" title={title}>
      {text}
    </td>
  );
}

/** The team keys of the instance: what Veza says about each, and what can be done with it. */
export function TeamKeysTable({
  keys,
  caption,
  rotationDays,
  disabled,
  disabledWhy,
  onAction,
  ref,
}: {
  keys: readonly TeamKey[];
  caption: string;
  rotationDays: number;
  disabled: boolean;
  /** The id of the note that says why the buttons cannot be used. */
  disabledWhy?: string;
  onAction: (action: TeamKeyAction, key: TeamKey) => void;
  /** Focus comes back here after a key was revoked or deleted (its buttons are gone). */
  ref?: Ref<HTMLTableElement & HTMLParagraphElement>;
}) {
  const now = new Date();
  if (keys.length === 0)
    return (
      <p ref={ref} tabIndex={-1}>
        Veza shows no team keys to this instance’s key.
      </p>
    );
  return (
    <table className="keys-table" ref={ref} tabIndex={-1}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Team</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Created by</th>
          <th scope="col">Saved in Veza Desk as</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const label = key.name || key.id;
          const due = key.status === 'active' && isDueForRotation(key.createdAt, now, rotationDays);
          return (
            <tr key={key.id}>
              <th scope="row">{label}</th>
              <td>{key.teamName ?? key.teamId}</td>
              <td className={`key-status key-status-${key.status}`}>{statusText[key.status]}</td>
              <td>
                {key.createdAt ? formatWhen(key.createdAt, now) : 'Veza did not say'}
                {due && (
                  <span className="key-age-due">
                    {' '}
                    Older than {rotationDays} days: consider rotating it.
                  </span>
                )}
              </td>
              <CreatorCell creator={key.createdBy} />
              <td>
                {key.heldBy.length > 0
                  ? key.heldBy.map((holder) => holder.profileName).join(', ')
                  : '—'}
              </td>
              <td>
                <div className="button-row keys-actions">
                  {actionsFor(key).map((action) => (
                    <button
                      key={action}
                      type="button"
                      className={action === 'delete' ? 'danger' : undefined}
                      disabled={disabled}
                      aria-describedby={disabledWhy}
                      aria-label={`${actionWords[action]} ${label}`}
                      onClick={() => onAction(action, key)}
                    >
                      {actionWords[action]}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
