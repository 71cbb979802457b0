import type { VerificationResult } from '../../../shared/doctor/verification';
import type { Profile } from '../../../shared/profiles/profile';

/**
 * Whether a verdict from this session still describes the instance. Main drops the saved
 * verdict when the key or the address changes, so a result that no longer matches it is
 * about a key or an address that is gone. A read-only list records nothing: keep the result.
 */
export function isCurrentResult(
  profile: Profile,
  result: VerificationResult | undefined,
  readOnly: boolean,
): result is VerificationResult {
  if (!result) return false;
  if (readOnly) return true;
  return profile.lastVerification?.at === result.finishedAt;
}
