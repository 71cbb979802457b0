import type { KeyFingerprint as Fingerprint } from '../../../shared/profiles/profile';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What can be said about a saved key without showing it. */
export function KeyFingerprint({ fingerprint }: { fingerprint?: Fingerprint }) {
  if (!fingerprint) return <span>No key saved</span>;
  const kind = fingerprint.kind ? `${fingerprint.kind} key, ` : '';
  return (
    <span>
      Saved in the keychain ({kind}
      {fingerprint.length} characters, ending in …{fingerprint.last4}), {when(fingerprint.savedAt)}
    </span>
  );
}
