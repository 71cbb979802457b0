import type { KeyFingerprint as Fingerprint } from '../../../shared/profiles/profile';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * What can be said about a saved key without showing it. `withDate={false}` where the page
 * gives the date itself (the API keys tab, with the key's age), so it is said once.
 */
export function KeyFingerprint({
  fingerprint,
  withDate = true,
}: {
  fingerprint?: Fingerprint;
  withDate?: boolean;
}) {
  if (!fingerprint) return <span>No key saved</span>;
  const kind = fingerprint.kind ? `${fingerprint.kind} key, ` : '';
  return (
    <span>
      Saved in the keychain ({kind}
      {fingerprint.length} characters, ending in …{fingerprint.last4})
      {withDate && `, ${when(fingerprint.savedAt)}`}
    </span>
  );
}
