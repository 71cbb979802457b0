import type { ProblemCode } from './problem-codes';

/**
 * The buttons a problem card offers next to its fix steps, by what the fix needs: a new key,
 * a corrected address, or the network settings. The window draws them for a saved instance.
 */
export type ProblemAction = 'replace-key' | 'edit-address' | 'network-settings';

const byCode: Partial<Record<ProblemCode, readonly ProblemAction[]>> = {
  KEY_MISSING: ['replace-key'],
  KEY_WHITESPACE: ['replace-key'],
  KEY_BEARER_PREFIX: ['replace-key'],
  KEY_QUOTED: ['replace-key'],
  KEY_INVALID_CHARS: ['replace-key'],
  KEY_NOT_BASE64: ['replace-key'],
  KEY_TOO_LONG: ['replace-key'],
  AUTH_INVALID_KEY: ['replace-key'],
  AUTH_MALFORMED_KEY: ['replace-key'],
  FORBIDDEN_ROLE: ['replace-key'],
  URL_INVALID: ['edit-address'],
  URL_NOT_HTTPS: ['edit-address'],
  URL_HAS_PATH: ['edit-address'],
  URL_HAS_CREDENTIALS: ['edit-address'],
  URL_UNSUPPORTED_SCHEME: ['edit-address'],
  DNS_NOT_FOUND: ['edit-address', 'network-settings'],
  TLS_HOSTNAME_MISMATCH: ['edit-address'],
  NETWORK_SIGN_IN: ['edit-address'],
  TLS_NOT_TLS: ['edit-address', 'network-settings'],
  HTTP_NOT_VEZA: ['edit-address', 'network-settings'],
  HTTP_LOGIN_REDIRECT: ['edit-address', 'network-settings'],
  GATEWAY_REFUSED: ['network-settings'],
  PROXY_UNREACHABLE: ['network-settings'],
  PROXY_AUTH_REQUIRED: ['network-settings'],
  PROXY_REFUSED: ['network-settings'],
  PROXY_AUTH_UNSUPPORTED: ['network-settings'],
  TCP_TIMEOUT: ['network-settings'],
  HTTP_TIMEOUT: ['network-settings'],
  CHECK_TIMEOUT: ['network-settings'],
  TLS_UNTRUSTED_ROOT: ['network-settings'],
  TLS_INCOMPLETE_CHAIN: ['network-settings'],
  TLS_PROXY_INSPECTION: ['network-settings'],
  CA_FILE_INVALID: ['network-settings'],
  TLS_CLIENT_CERT_REQUIRED: ['network-settings'],
  TLS_CLIENT_CERT_INVALID: ['network-settings'],
  TLS_CLIENT_CERT_REFUSED: ['network-settings'],
};

export function problemActions(code: ProblemCode): readonly ProblemAction[] {
  return byCode[code] ?? [];
}
