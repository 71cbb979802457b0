import type { ClientCertificateSetting, NetworkSettings } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';

/**
 * The trust rules for network settings the window sends (create, update): a pinned certificate
 * is set only by main after its own check (trustCertificate), never by what the page names; a
 * CA file or a client certificate only as main's own open dialog chose it (a certificate with
 * the hash main read). Keeping what is already saved is allowed.
 */
export function checkNetworkFromPage(
  saved: NetworkSettings | undefined,
  sent: NetworkSettings | undefined,
  chosenByDialog: (path: string) => boolean,
  chosenCertificate: (certificate: ClientCertificateSetting) => boolean = () => false,
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
  const certificate = sent?.clientCertificate;
  const kept =
    certificate?.certFile === saved?.clientCertificate?.certFile &&
    certificate?.certSha256 === saved?.clientCertificate?.certSha256;
  if (certificate && !kept && !chosenCertificate(certificate)) {
    throw ProblemError.of('IPC_INVALID_ARGUMENT', {
      raw: 'A client certificate is taken only as chosen with Choose client certificate in Network settings.',
    });
  }
}
