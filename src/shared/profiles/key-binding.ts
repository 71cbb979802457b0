import { z } from 'zod';
import type { Profile } from './profile';

/**
 * What a key was saved for: the instance's origin and the trust settings in force then (the
 * proxy, the CA file and the pinned certificate). Main keeps it in the keychain entry itself,
 * next to the key; the window uses the same comparison to ask before an edit moves the key.
 */
export const keyBindingSchema = z.object({
  origin: z.string().max(2048),
  proxy: z
    .object({ mode: z.enum(['system', 'none', 'manual']), url: z.string().max(2048).optional() })
    .optional(),
  caFile: z.string().max(4096).optional(),
  pinnedCertSha256: z.string().max(200).optional(),
});
export type KeyBinding = z.infer<typeof keyBindingSchema>;

type Bindable = Pick<Profile, 'baseUrl' | 'network'>;

/** What a profile's key would be bound to if it were saved now. */
export function bindingOf(profile: Bindable): KeyBinding {
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
 * The ways a profile now differs from what its key was saved for that could let someone else
 * read the key: another address, another proxy, another or a new CA file or pinned
 * certificate. Taking a proxy, CA file or pin away only makes the connection stricter (direct,
 * or checked against the usual certificate authorities) and is not counted.
 */
export function bindingChanges(binding: KeyBinding, profile: Bindable): BindingChange[] {
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

/** "the address and the proxy", for texts that say what changed. */
export function describeBindingChanges(changes: readonly BindingChange[]): string {
  const words = changes.map((change) => changeWords[change]);
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
