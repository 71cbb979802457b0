import { useId } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import { useUiStore } from '../data/ui-store';
import { useProfilesStore } from '../data/profiles-store';

/**
 * Personal keys have no public API: they are made in Veza's web page. The steps are Veza's
 * own (from its documentation); the key is then pasted into the keychain with the same
 * checks as anywhere else in Veza Desk (the Replace key dialog).
 */
export function PersonalKeyGuide({ profile }: { profile: Profile }) {
  const titleId = useId();
  const openDialog = useUiStore((state) => state.openDialog);
  const readOnly = useProfilesStore((state) => state.readOnly);
  return (
    <section className="card keys-section" aria-labelledby={titleId}>
      <h3 id={titleId}>Personal keys</h3>
      <p>
        Veza makes personal keys only in its web page; Veza Desk cannot create them for you. To make
        one, sign in to Veza in your browser and:
      </p>
      <ol className="keys-steps">
        <li>
          Open{' '}
          <strong>Administration &gt; API Keys &gt; Personal &gt; Add New Personal API Key</strong>.
        </li>
        <li>
          Enter a descriptive name for the new key (for example “Veza Desk on my laptop”), and click{' '}
          <strong>Save</strong>.
        </li>
        <li>Copy the API key value. Veza will not show it again.</li>
        <li>Come back here and paste it: it goes straight into this computer’s keychain.</li>
      </ol>
      <button
        type="button"
        className="primary"
        disabled={readOnly}
        onClick={() => openDialog({ kind: 'replace-key', profileId: profile.id })}
      >
        Paste the new key
      </button>
      <h4>What a personal key can do</h4>
      <ul>
        <li>It acts as the user who made it, with that user’s roles.</li>
        <li>It belongs to one team: the team chosen when it was made.</li>
        <li>It is deleted when its user is removed from that team, or from the Veza platform.</li>
        <li>
          A team key instead belongs to its team: it survives its creator leaving, and can only push
          integration data into Veza (role oaa_push), through the Open Authorization API (OAA) that
          integrations use.
        </li>
      </ul>
    </section>
  );
}
