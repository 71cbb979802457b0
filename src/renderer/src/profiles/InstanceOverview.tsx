import { displayOrigin } from '../../../shared/profiles/display-origin';
import type { Profile } from '../../../shared/profiles/profile';
import { EnvSnippetPanel } from './EnvSnippetPanel';
import { KeyFingerprint } from '../components/KeyFingerprint';

/** What is saved about an instance: address, key fingerprint, last check, notes. */
export function InstanceOverview({ profile }: { profile: Profile }) {
  const last = profile.lastVerification;
  return (
    <>
      <dl className="facts">
        <dt>Address</dt>
        <dd>{displayOrigin(profile.baseUrl)}</dd>
        <dt>API key</dt>
        <dd>
          <KeyFingerprint fingerprint={profile.key} />
        </dd>
        <dt>Last check</dt>
        <dd>
          {last
            ? `${last.ok ? 'Worked' : 'Failed'}: ${last.summary} (${new Date(last.at).toLocaleString()})`
            : 'Not verified yet'}
        </dd>
        {profile.notes && (
          <>
            <dt>Notes</dt>
            <dd className="notes">{profile.notes}</dd>
          </>
        )}
      </dl>
      <EnvSnippetPanel profile={profile} />
    </>
  );
}
