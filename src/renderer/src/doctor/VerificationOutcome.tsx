import type { VerificationResult } from '../../../shared/doctor/verification';
import type { Profile } from '../../../shared/profiles/profile';
import { ProblemCard } from '../problems/ProblemCard';
import { KeyBindingPanel } from './KeyBindingPanel';
import { SuccessCard } from './SuccessCard';
import { TrustCertificatePanel } from './TrustCertificatePanel';
import { canTrustCertificate } from './can-trust-certificate';

/** The end of a check: who the key acts as, or what is wrong and what to do. */
export function VerificationOutcome({
  profile,
  result,
}: {
  profile: Profile;
  result: VerificationResult;
}) {
  if (result.ok) return <SuccessCard result={result} />;
  return (
    <>
      {result.problem && <ProblemCard problem={result.problem} instance={profile} />}
      {result.problem?.code === 'KEY_BOUND_ELSEWHERE' && (
        <KeyBindingPanel profile={profile} problem={result.problem} />
      )}
      {result.certificate && canTrustCertificate(result) && (
        <TrustCertificatePanel profile={profile} certificate={result.certificate} />
      )}
    </>
  );
}
