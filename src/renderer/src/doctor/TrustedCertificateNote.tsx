import { veza } from '../bridge/veza';
import { useProfilesStore } from '../data/profiles-store';

/** Says that this instance accepts one pinned certificate, and lets the user forget it. */
export function TrustedCertificateNote({
  profileId,
  sha256,
}: {
  profileId: string;
  sha256: string;
}) {
  const readOnly = useProfilesStore((state) => state.readOnly);
  const showProblem = useProfilesStore((state) => state.showProblem);
  const showNotice = useProfilesStore((state) => state.showNotice);
  const forget = async () => {
    const answer = await veza.invoke('profiles.forgetCertificate', { id: profileId });
    if (answer.ok) showNotice('The trusted certificate was forgotten.');
    else showProblem(answer.problem);
  };
  return (
    <div className="trusted-certificate">
      <p>
        This instance trusts one certificate, the one with SHA-256 fingerprint{' '}
        <span className="mono fingerprint-inline">{sha256}</span>.
      </p>
      <button type="button" disabled={readOnly} onClick={() => void forget()}>
        Forget trusted certificate
      </button>
    </div>
  );
}
