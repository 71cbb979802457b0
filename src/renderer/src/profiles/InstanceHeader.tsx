import { displayOrigin } from '../../../shared/profiles/display-origin';
import type { Profile } from '../../../shared/profiles/profile';

/**
 * The top of the main area. A production instance cannot be mistaken: a red band with the word
 * PRODUCTION stays above everything while it is open.
 */
export function InstanceHeader({ profile, titleId }: { profile: Profile; titleId: string }) {
  return (
    <header className="instance-header" style={{ borderTopColor: profile.colour }}>
      {profile.production && (
        <div className="production-band" role="note" aria-label="Production instance">
          <strong>PRODUCTION</strong>
          <span>Changes made here affect your live Veza instance.</span>
        </div>
      )}
      <div className="instance-title">
        <span
          className="colour-dot large"
          style={{ background: profile.colour }}
          aria-hidden="true"
        />
        <h2 id={titleId}>{profile.name}</h2>
      </div>
      <p className="muted instance-address">{displayOrigin(profile.baseUrl)}</p>
    </header>
  );
}
