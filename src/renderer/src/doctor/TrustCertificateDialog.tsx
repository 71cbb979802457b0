import type { Profile } from '../../../shared/profiles/profile';
import type { CertificateSummary } from '../../../shared/tls/certificate-summary';
import { useAction } from '../data/use-action';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';

interface TrustCertificateDialogProps {
  profile: Profile;
  certificate: CertificateSummary;
  onClose: () => void;
  onTrusted: () => void;
}

/** The confirmation before pinning: the fingerprint to compare, and what trusting means. */
export function TrustCertificateDialog({
  profile,
  certificate,
  onClose,
  onTrusted,
}: TrustCertificateDialogProps) {
  const { run, pending, problem } = useAction('profiles.trustCertificate');
  const trust = () => void run({ id: profile.id, sha256: certificate.sha256 }, () => onTrusted());
  return (
    <ModalDialog
      title="Trust this certificate?"
      onClose={onClose}
      closeLabel="Cancel"
      actions={
        <button type="button" className="primary" disabled={pending} onClick={trust}>
          Trust this certificate
        </button>
      }
    >
      {problem && <ProblemCard problem={problem} />}
      <p>
        Before you trust it, ask the owner of <strong>{profile.name}</strong> for the fingerprint of
        its certificate (by phone, or in a message you trust) and compare it with this one:
      </p>
      <p className="fingerprint mono" aria-label="SHA-256 fingerprint">
        {certificate.sha256}
      </p>
      <p>
        If they are not the same, do not trust it: someone may be listening in on the connection.
      </p>
      <p className="muted">
        Veza Desk will accept exactly this certificate for this instance only, and will stop again
        if the server ever shows a different one.
        {profile.network?.pinnedCertSha256 && ' It replaces the certificate you trusted before.'}
      </p>
    </ModalDialog>
  );
}
