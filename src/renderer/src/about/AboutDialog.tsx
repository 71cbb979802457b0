import { useCall } from '../data/use-call';
import { useUiStore } from '../data/ui-store';
import { ModalDialog } from '../components/ModalDialog';

export function AboutDialog() {
  const closeDialog = useUiStore((state) => state.closeDialog);
  const { value: info, problem } = useCall('app.getInfo', undefined);
  return (
    <ModalDialog title="About Veza Desk" onClose={closeDialog}>
      <p>A desktop client for the Veza API, for the people who look after Veza instances.</p>
      {problem && <p role="alert">{problem.title}</p>}
      {!info && !problem && <p aria-live="polite">Loading versions…</p>}
      {info && (
        <dl className="facts" aria-label="Versions">
          <dt>Veza Desk</dt>
          <dd>{info.version}</dd>
          <dt>Electron</dt>
          <dd>{info.versions.electron ?? 'not running in Electron'}</dd>
          <dt>Chromium</dt>
          <dd>{info.versions.chrome ?? '—'}</dd>
          <dt>Node.js</dt>
          <dd>{info.versions.node}</dd>
          <dt>System</dt>
          <dd>
            {info.platform} ({info.arch})
          </dd>
        </dl>
      )}
    </ModalDialog>
  );
}
