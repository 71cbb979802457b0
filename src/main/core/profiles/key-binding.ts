import { displayOrigin } from '../../../shared/profiles/display-origin';
import type { Profile } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';
import type { KeyBinding } from '../secrets/key-envelope';

/** What a profile's key would be bound to if it were saved now. */
export function bindingOf(profile: Pick<Profile, 'baseUrl' | 'network'>): KeyBinding {
  const { proxy, caFile, pinnedCertSha256 } = profile.network ?? {};
  return {
    origin: profile.baseUrl,
    ...(proxy && proxy.mode !== 'system'
      ? { proxy: { mode: proxy.mode, ...(proxy.url ? { url: proxy.url } : {}) } }
      : {}),
    ...(caFile ? { caFile } : {}),
    ...(pinnedCertSha256 ? { pinnedCertSha256 } : {}),
  };
}

export type BindingChange = 'address' | 'proxy' | 'caFile' | 'pinnedCertificate';

const proxyText = (proxy: KeyBinding['proxy']): string =>
  !proxy || proxy.mode === 'system' ? 'system' : `${proxy.mode} ${proxy.url ?? ''}`;

/**
 * The ways the profile now differs from what its key was saved for that could let someone else
 * read the key: another address, another proxy, another or a new CA file or pinned
 * certificate. Taking a proxy, CA file or pin away only makes the connection stricter (direct,
 * or checked against the usual certificate authorities) and is not counted.
 */
export function bindingChanges(
  binding: KeyBinding,
  profile: Pick<Profile, 'baseUrl' | 'network'>,
): BindingChange[] {
  const now = bindingOf(profile);
  const changes: BindingChange[] = [];
  if (now.origin !== binding.origin) changes.push('address');
  if (now.proxy?.mode !== 'none' && proxyText(now.proxy) !== proxyText(binding.proxy))
    changes.push('proxy');
  if (now.caFile !== undefined && now.caFile !== binding.caFile) changes.push('caFile');
  if (now.pinnedCertSha256 !== undefined && now.pinnedCertSha256 !== binding.pinnedCertSha256)
    changes.push('pinnedCertificate');
  return changes;
}

const changeWords: Record<BindingChange, string> = {
  address: 'the address',
  proxy: 'the proxy',
  caFile: 'the company root certificate (CA file)',
  pinnedCertificate: 'the trusted certificate',
};

function list(words: string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
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
      savedFor: displayOrigin(binding.origin),
      nowNames: displayOrigin(profile.baseUrl),
      changed: list(changes.map((change) => changeWords[change])),
      name: profile.name,
    },
  });
}
