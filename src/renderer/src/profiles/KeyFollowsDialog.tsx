import { ModalDialog } from '../components/ModalDialog';

interface KeyFollowsDialogProps {
  instanceName: string;
  /** The address the key was saved for, and the one the instance names now, as shown to users. */
  savedFor: string;
  nowNames: string;
  /** What changed, in words ("the address and the proxy"). */
  changed: string;
  onUse: () => void;
  /** Shown from the edit form: save the other changes and leave the key where it was saved for. */
  onKeep?: () => void;
  onClose: () => void;
  busy?: boolean;
}

/** The button that carries a key over, worded for what changed. */
export const keyFollowsLabel = (addressChanged: boolean) =>
  addressChanged ? 'Use the key for the new address' : 'Use the key with the new settings';

/**
 * Asks before a saved API key may go to a new address or through new trust settings, naming
 * both addresses. The safe choice has the focus: a typo in an address must not hand the key
 * to whoever owns the typed domain.
 */
export function KeyFollowsDialog(props: KeyFollowsDialogProps) {
  const { instanceName, savedFor, nowNames, changed, onUse, onKeep, onClose, busy } = props;
  const addressChanged = savedFor !== nowNames;
  return (
    <ModalDialog
      title={
        addressChanged
          ? 'Use the saved API key at the new address?'
          : 'Use the saved API key with the new network settings?'
      }
      onClose={onClose}
      closeLabel={onKeep ? 'Back to the form' : 'Cancel'}
      focusClose={!onKeep}
      actions={
        <>
          {onKeep && (
            <button
              type="button"
              className="primary"
              data-safe-choice=""
              disabled={busy}
              onClick={onKeep}
            >
              Save without the key
            </button>
          )}
          <button type="button" className="danger" disabled={busy} onClick={onUse}>
            {keyFollowsLabel(addressChanged)}
          </button>
        </>
      }
    >
      <p>
        The API key of <strong>{instanceName}</strong> was saved for <strong>{savedFor}</strong>.{' '}
        {addressChanged ? (
          <>
            The instance now names <strong>{nowNames}</strong>
            {changed !== 'the address' ? ` (changed: ${changed})` : ''}.
          </>
        ) : (
          <>Since then, {changed} changed.</>
        )}
      </p>
      <p>
        {addressChanged
          ? 'Whoever runs the new address would receive the key and could act as you in Veza. Check the new address letter by letter before you carry the key over.'
          : 'Whoever runs the new proxy, or holds the new certificate, could read the key and act as you in Veza. Carry the key over only if your IT team gave you these settings.'}
      </p>
      {onKeep && (
        <p className="muted">
          Save without the key keeps your other changes; Veza Desk then sends the key nowhere until
          you carry it over on the Verify tab or paste a new key with Replace key.
        </p>
      )}
    </ModalDialog>
  );
}
