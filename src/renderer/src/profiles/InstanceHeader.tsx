import { useEffect, useRef } from 'react';
import { displayOrigin } from '../../../shared/profiles/display-origin';
import type { Profile } from '../../../shared/profiles/profile';
import { useUiStore } from '../data/ui-store';

/**
 * The top of the main area. A production instance cannot be mistaken: a red band with the word
 * PRODUCTION stays above everything while it is open. The name takes focus when the instance
 * was just added, so keyboard users land on what they made.
 */
export function InstanceHeader({ profile, titleId }: { profile: Profile; titleId: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const focusRequest = useUiStore((state) => state.focusRequest);
  const requestFocus = useUiStore((state) => state.requestFocus);
  useEffect(() => {
    if (focusRequest?.kind !== 'instance' || focusRequest.profileId !== profile.id) return;
    heading.current?.focus();
    requestFocus(null);
  }, [focusRequest, profile.id, requestFocus]);
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
        <h2 id={titleId} ref={heading} tabIndex={-1} title={profile.name}>
          {profile.name}
        </h2>
      </div>
      <p className="muted instance-address">{displayOrigin(profile.baseUrl)}</p>
    </header>
  );
}
