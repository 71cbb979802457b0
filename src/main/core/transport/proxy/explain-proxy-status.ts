import type { ProblemCode } from '../../../../shared/problems/problem-codes';
import type { ProxyResponse } from '../connect/connect-failure';

/**
 * 407 offering Basic or NTLM: a user name and password are needed (or the ones sent are
 * wrong). 407 offering only Negotiate / Kerberos: a Windows ticket sign-in, which we cannot do.
 * Anything else: the proxy refuses to take us there.
 */
export function explainProxyStatus(response: ProxyResponse): ProblemCode {
  if (response.status !== 407) return 'PROXY_REFUSED';
  const schemes = response.authenticate.map((value) => value.split(/\s+/)[0]?.toLowerCase() ?? '');
  const onlyTickets =
    schemes.length > 0 &&
    schemes.every((scheme) => scheme === 'negotiate' || scheme === 'kerberos');
  return onlyTickets ? 'PROXY_AUTH_UNSUPPORTED' : 'PROXY_AUTH_REQUIRED';
}
