import type { ProblemCode } from '../../../../shared/problems/problem-codes';
import type { ProxyResponse } from '../connect/connect-failure';

/**
 * 407 with Basic on offer: a user name and password are needed (or the ones sent are wrong).
 * 407 offering only NTLM / Negotiate / Kerberos: Windows sign-in, which we cannot do.
 * Anything else: the proxy refuses to take us there.
 */
export function explainProxyStatus(response: ProxyResponse): ProblemCode {
  if (response.status !== 407) return 'PROXY_REFUSED';
  const schemes = response.authenticate.map((value) => value.split(/\s+/)[0]?.toLowerCase() ?? '');
  const onlyWindowsSignIn =
    schemes.length > 0 &&
    schemes.every((scheme) => scheme === 'ntlm' || scheme === 'negotiate' || scheme === 'kerberos');
  return onlyWindowsSignIn ? 'PROXY_AUTH_UNSUPPORTED' : 'PROXY_AUTH_REQUIRED';
}
