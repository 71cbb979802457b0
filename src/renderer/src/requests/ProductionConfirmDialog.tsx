import type { Profile } from '../../../shared/profiles/profile';
import { displayOrigin } from '../../../shared/profiles/display-origin';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { ModalDialog } from '../components/ModalDialog';

/** Asks before a request that can change something is sent to a production instance. */
export function ProductionConfirmDialog({
  profile,
  spec,
  onConfirm,
  onClose,
}: {
  profile: Profile;
  spec: RequestSpec;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ModalDialog
      title={`Send a ${spec.method} to the production instance ${profile.name}?`}
      onClose={onClose}
      closeLabel="Don't send"
      focusClose
      actions={
        <button type="button" className="danger" onClick={onConfirm}>
          Send to {profile.name}
        </button>
      }
    >
      <p>
        <strong>{profile.name}</strong> ({displayOrigin(profile.baseUrl)}) is marked as production.
        A {spec.method} request can change or delete data there.
      </p>
      <p className="mono">
        {spec.method} {spec.path}
      </p>
    </ModalDialog>
  );
}
