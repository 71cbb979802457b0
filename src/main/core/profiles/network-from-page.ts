import type { NetworkSettings } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';

/**
 * The trust rules for network settings the window sends (create, update): a pinned certificate
 * is set only by main after its own check (trustCertificate), never by what the page names; a
 * CA file only as main's own open dialog chose it. Keeping what is already saved is allowed.
 */
export function checkNetworkFromPage(
  saved: NetworkSettings | undefined,
  sent: NetworkSettings | undefined,
  chosenByDialog: (path: string) => boolean,
): void {
  const pin = sent?.pinnedCertSha256;
  if (pin !== undefined && pin !== saved?.pinnedCertSha256) {
    throw ProblemError.of('IPC_INVALID_ARGUMENT', {
      raw: 'A trusted certificate is set only with Trust this certificate, after a check showed it.',
    });
  }
  const caFile = sent?.caFile;
  if (caFile !== undefined && caFile !== saved?.caFile && !chosenByDialog(caFile)) {
    throw ProblemError.of('IPC_INVALID_ARGUMENT', {
      raw: 'A CA file is taken only as chosen with Choose file in Network settings.',
    });
  }
}
