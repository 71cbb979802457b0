import type { Profile } from '../../../shared/profiles/profile';
import { KeyFingerprint } from '../components/KeyFingerprint';
import { PersonalKeyGuide } from './PersonalKeyGuide';
import { RotationReminderSetting } from './RotationReminderSetting';
import { TeamKeysPanel } from './TeamKeysPanel';
import { formatWhen } from './format-when';
import './keys.css';

/**
 * The API keys tab of an instance: when its own key was saved (the age reminder itself sits
 * above the tabs, for every tab), team keys with their age, and personal keys.
 */
export function KeysView({ profile }: { profile: Profile }) {
  return (
    <div className="keys-view">
      <section className="keys-section" aria-label="This instance’s key">
        <p>
          <KeyFingerprint fingerprint={profile.key} withDate={false} />
          {profile.key && ` — saved ${formatWhen(profile.key.savedAt)}.`}
        </p>
        <RotationReminderSetting />
      </section>
      <TeamKeysPanel profile={profile} />
      <PersonalKeyGuide profile={profile} />
    </div>
  );
}
