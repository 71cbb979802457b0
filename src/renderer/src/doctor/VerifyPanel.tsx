import type { Profile } from '../../../shared/profiles/profile';
import { useProfilesStore } from '../data/profiles-store';
import { ProblemCard } from '../problems/ProblemCard';
import { StepList } from './StepList';
import { TrustedCertificateNote } from './TrustedCertificateNote';
import { VerificationOutcome } from './VerificationOutcome';
import { useDoctorStore } from '../data/doctor-store';
import { isCurrentResult } from './is-current-result';
import { verifyShortcutText } from './use-verify-shortcut';
import './verify.css';

/** The Verify tab: the live steps of a check, then its verdict. */
export function VerifyPanel({ profile }: { profile: Profile }) {
  const live = useDoctorStore((state) => state.live[profile.id]);
  const latest = useDoctorStore((state) => state.results[profile.id]);
  const failure = useDoctorStore((state) => state.failures[profile.id]);
  const readOnly = useProfilesStore((state) => state.readOnly);
  const result = isCurrentResult(profile, latest, readOnly) ? latest : undefined;
  const last = profile.lastVerification;
  const steps = live ?? result?.steps;
  return (
    <div className="verify-panel">
      <p className="muted">
        Verify checks, step by step, that Veza Desk reaches this instance and that its API key
        works. Shortcut: {verifyShortcutText}.
      </p>
      <p role="status" className="verify-status">
        {live ? 'Checking the connection…' : result ? 'Check finished.' : ''}
      </p>
      {!steps && !failure && (
        <p>
          {last
            ? `Last check ${new Date(last.at).toLocaleString()}: ${last.summary}. Press Verify to check again and see the details.`
            : 'Not verified yet. Press Verify to check this instance.'}
        </p>
      )}
      {steps && <StepList steps={steps} />}
      {failure && !live && <ProblemCard problem={failure} />}
      {result && !live && <VerificationOutcome profile={profile} result={result} />}
      {profile.network?.pinnedCertSha256 && (
        <TrustedCertificateNote profileId={profile.id} sha256={profile.network.pinnedCertSha256} />
      )}
    </div>
  );
}
