import { ModalDialog } from '../components/ModalDialog';

/** Clearing removes answers for good, so it asks first and says what stays. */
export function ClearHistoryDialog({
  instanceName,
  count,
  onConfirm,
  onClose,
}: {
  instanceName: string;
  count: number;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ModalDialog
      title={`Clear the history of ${instanceName}?`}
      onClose={onClose}
      closeLabel="Keep it"
      focusClose
      actions={
        <button type="button" className="danger" onClick={onConfirm}>
          Clear history
        </button>
      }
    >
      <p>
        {count === 1 ? 'The request' : `The ${count} requests`} sent to {instanceName} and{' '}
        {count === 1 ? 'its answer' : 'their answers'} are removed from this computer.{' '}
        <strong>This cannot be undone.</strong> Saved requests and the history of other instances
        are kept.
      </p>
    </ModalDialog>
  );
}
