import os from 'node:os';
import type { NtlmUser } from './ntlm-messages';

/**
 * The NTLM identity in a proxy URL's user name: ACME\jdoe (domain and user), or jdoe /
 * jdoe@acme.com (no domain: the proxy's default domain, or the UPN's). The workstation is
 * this computer's short name, as Windows sends it.
 */
export function ntlmUser(username: string, password: string): NtlmUser {
  const slash = username.indexOf('\\');
  const workstation = (os.hostname().split('.')[0] ?? '').toUpperCase();
  if (slash < 0) return { username, domain: '', password, workstation };
  return {
    username: username.slice(slash + 1),
    domain: username.slice(0, slash),
    password,
    workstation,
  };
}
