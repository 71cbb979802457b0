import { displayOrigin } from '../../../shared/profiles/display-origin';
import {
  describeBindingChanges,
  type BindingChange,
  type KeyBinding,
} from '../../../shared/profiles/key-binding';
import type { Profile } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';

/** An origin as the user reads it, with the punycode form too when they differ (look-alikes). */
function shown(origin: string): string {
  const readable = displayOrigin(origin);
  return readable === origin ? origin : `${readable} (${origin})`;
}

/** KEY_BOUND_ELSEWHERE for this profile: which address the key was saved for, which it names now. */
export function keyBoundElsewhere(
  binding: KeyBinding,
  profile: Pick<Profile, 'baseUrl' | 'name'>,
  changes: readonly BindingChange[],
): ProblemError {
  return ProblemError.of('KEY_BOUND_ELSEWHERE', {
    raw: `The key was saved for ${binding.origin}; the instance now names ${profile.baseUrl} (changed: ${changes.join(', ')}).`,
    facts: {
      savedFor: shown(binding.origin),
      nowNames: shown(profile.baseUrl),
      changed: describeBindingChanges(changes),
      name: profile.name,
    },
  });
}
