import type { ImportResult } from '../../../shared/profiles/profile-transfer';
import { useUiStore } from '../data/ui-store';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';

/** What an import did: added, left out (and why), and anything to look at. */
export function ImportResultDialog({ result }: { result: ImportResult }) {
  const closeDialog = useUiStore((state) => state.closeDialog);
  const source = result.source === 'environment' ? 'the environment' : result.source;
  return (
    <ModalDialog title="Import finished" onClose={closeDialog}>
      <p role="status">
        {result.imported.length === 0
          ? `No instances were added from ${source}.`
          : `Added ${result.imported.length} instance${result.imported.length === 1 ? '' : 's'} from ${source}: ${result.imported.map((p) => p.name).join(', ')}.`}
      </p>
      {result.skipped.length > 0 && (
        <>
          <h3>Left out</h3>
          <ul>
            {result.skipped.map((entry) => (
              <li key={entry.name}>
                <strong>{entry.name}</strong>: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.withheld.length > 0 && (
        <>
          <h3>Settings not taken from the file</h3>
          <ul>
            {result.withheld.map((entry) => (
              <li key={entry.profileId}>
                <strong>{entry.name}</strong>:{' '}
                {[
                  entry.proxyUrl && `the proxy ${entry.proxyUrl}`,
                  entry.caFile && `the CA file ${entry.caFile}`,
                ]
                  .filter(Boolean)
                  .join(' and ')}
                {(entry.proxyUrl || entry.caFile) &&
                  ' wait for you to accept them on the instance’s page. '}
                {entry.pinnedCertSha256 &&
                  'A trusted certificate is never taken from a file: if this instance has its own certificate, trust it with Verify > Trust this certificate after comparing its fingerprint.'}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.notices.map((problem) => (
        <ProblemCard key={problem.code} problem={problem} role="status" />
      ))}
    </ModalDialog>
  );
}
