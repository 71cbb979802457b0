import { useId, useState } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import type { CertificateSummary } from '../../../shared/tls/certificate-summary';
import { useProfilesStore } from '../data/profiles-store';
import { CertificateFacts } from './CertificateFacts';
import { TrustCertificateDialog } from './TrustCertificateDialog';
import { useDoctorStore } from '../data/doctor-store';

/**
 * The certificate the server showed when the secure connection failed, and the way to trust
 * it for this instance only (after comparing its fingerprint). Checks are never turned off.
 */
export function TrustCertificatePanel({
  profile,
  certificate,
}: {
  profile: Profile;
  certificate: CertificateSummary;
}) {
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const readOnly = useProfilesStore((state) => state.readOnly);
  const verify = useDoctorStore((state) => state.verify);
  return (
    <section className="card certificate-card" aria-labelledby={titleId}>
      <h3 id={titleId}>The server&apos;s certificate</h3>
      <CertificateFacts certificate={certificate} />
      <p>
        If you know this server has its own certificate (a test or lab instance, for example), you
        can trust this one certificate for this instance only.
      </p>
      <button type="button" disabled={readOnly} onClick={() => setConfirming(true)}>
        Trust this certificate
      </button>
      {confirming && (
        <TrustCertificateDialog
          profile={profile}
          certificate={certificate}
          onClose={() => setConfirming(false)}
          onTrusted={() => {
            setConfirming(false);
            void verify(profile.id);
          }}
        />
      )}
    </section>
  );
}
