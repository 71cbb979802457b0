import { ageInDays, isDueForRotation } from '../../../shared/keys/key-age';
import type { Profile } from '../../../shared/profiles/profile';
import { useRotationDays } from './use-rotation-days';
import './keys.css';

/**
 * A gentle note when the instance's saved key is older than the rotation reminder. It says
 * how to rotate for the kind of key it is; nothing is blocked.
 */
export function KeyAgeReminder({ profile }: { profile: Profile }) {
  const days = useRotationDays();
  const savedAt = profile.key?.savedAt;
  if (!savedAt || !isDueForRotation(savedAt, new Date(), days)) return null;
  const how =
    profile.key?.kind === 'team'
      ? 'It is a team key: rotate it from the API keys tab of an instance with an Admin’s or Operator’s key.'
      : 'Make a new key in Veza and paste it with Replace key (the API keys tab shows the steps), then revoke the old one in Veza.';
  return (
    <p className="key-age-reminder" role="note" aria-label="Key age reminder">
      This instance’s API key was saved {ageInDays(savedAt, new Date())} days ago. Keys older than{' '}
      {days} days are worth replacing now and then, so a key that leaked unnoticed stops working.{' '}
      {how}
    </p>
  );
}
