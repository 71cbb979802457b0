import type { ProxyPasswords } from '../secrets/proxy-passwords';
import type { CallHandlers } from './dispatcher';

export function createNetworkHandlers(deps: {
  proxyPasswords: ProxyPasswords;
}): Pick<
  CallHandlers,
  'network.saveProxyPassword' | 'network.removeProxyPassword' | 'network.hasProxyPassword'
> {
  const { proxyPasswords } = deps;
  return {
    'network.saveProxyPassword': async ({ proxyUrl, password }) => {
      await proxyPasswords.save(proxyUrl, password);
      return undefined;
    },
    'network.removeProxyPassword': ({ proxyUrl }) => proxyPasswords.remove(proxyUrl),
    'network.hasProxyPassword': ({ proxyUrl }) => proxyPasswords.has(proxyUrl),
  };
}
