/**
 * Every failure a user can meet has one stable code. Codes never change meaning once shipped:
 * the CLI's JSON, saved verification results and support conversations quote them.
 */
export const problemCodes = [
  // The address of the instance
  'URL_MISSING',
  'URL_INVALID',
  'URL_NOT_HTTPS',
  'URL_HAS_PATH',
  'URL_HAS_CREDENTIALS',
  'URL_UNSUPPORTED_SCHEME',
  // The key as typed or pasted
  'KEY_MISSING',
  'KEY_WHITESPACE',
  'KEY_BEARER_PREFIX',
  'KEY_QUOTED',
  'KEY_INVALID_CHARS',
  'KEY_NOT_BASE64',
  'KEY_TOO_LONG',
  'KEYCHAIN_UNAVAILABLE',
  'KEY_BOUND_ELSEWHERE',
  // The way to the server
  'PROXY_UNREACHABLE',
  'PROXY_AUTH_REQUIRED',
  'PROXY_REFUSED',
  'PROXY_AUTH_UNSUPPORTED',
  'DNS_NOT_FOUND',
  'DNS_UNAVAILABLE',
  'TCP_REFUSED',
  'TCP_TIMEOUT',
  'TCP_RESET',
  'NETWORK_UNREACHABLE',
  // The secure connection
  'TLS_CERT_EXPIRED',
  'TLS_CERT_NOT_YET_VALID',
  'CLOCK_WRONG',
  'TLS_HOSTNAME_MISMATCH',
  'TLS_SELF_SIGNED',
  'TLS_UNTRUSTED_ROOT',
  'TLS_INCOMPLETE_CHAIN',
  'TLS_PROXY_INSPECTION',
  'TLS_DEBUG_PROXY',
  'TLS_NOT_TLS',
  'TLS_HANDSHAKE_FAILED',
  'TLS_OLD_PROTOCOL',
  'TLS_NO_COMMON_CIPHER',
  'TLS_PIN_MISMATCH',
  'TLS_CLIENT_CERT_REQUIRED',
  'CA_FILE_INVALID',
  // The HTTP answer
  'HTTP_TIMEOUT',
  'CHECK_TIMEOUT',
  'HTTP_NOT_VEZA',
  'HTTP_LOGIN_REDIRECT',
  'HTTP_NOT_FOUND',
  'HTTP_METHOD_NOT_ALLOWED',
  'HTTP_TOO_MANY_REDIRECTS',
  'HTTP_BODY_TOO_LARGE',
  'HTTP_BODY_INCOMPLETE',
  'HTTP_BAD_REQUEST',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'GATEWAY_REFUSED',
  'GATEWAY_UNAVAILABLE',
  'REQUEST_CANCELLED',
  // Veza's verdict on the key
  'AUTH_INVALID_KEY',
  'AUTH_MALFORMED_KEY',
  'FORBIDDEN_TEAM_KEY',
  'FORBIDDEN_ROLE',
  // Managing API keys
  'KEY_TARGET_OTHER_INSTANCE',
  'ROTATION_KEY_MISMATCH',
  'TEAM_KEY_NOT_FOUND',
  // The app itself
  'PROFILE_NOT_FOUND',
  'PROFILE_NAME_TAKEN',
  'PROFILES_LIMIT_REACHED',
  'PROFILES_FILE_DAMAGED',
  'PROFILES_FILE_TOO_NEW',
  'FILE_UNREADABLE',
  'IMPORT_INVALID',
  'IMPORT_NO_VEZA_SETTINGS',
  'FILE_UNWRITABLE',
  // The request workspace
  'REQUEST_OUTSIDE_INSTANCE',
  'PRODUCTION_NOT_CONFIRMED',
  'KEY_IN_REQUEST',
  'SAVED_REQUESTS_LIMIT_REACHED',
  'PAGING_FAILED',
  'PAGING_LIMIT_REACHED',
  'RESPONSE_BODY_GONE',
  'DATA_FILE_DAMAGED',
  'DATA_FILE_TOO_NEW',
  'DATA_FOLDER_BUSY',
  'IPC_INVALID_ARGUMENT',
  'IPC_UNTRUSTED_SENDER',
  'IPC_UNKNOWN_CALL',
  'INTERNAL_ERROR',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

/** Success outcomes of a verification, reported with the same vocabulary as problems. */
export const successCodes = ['OK_PERSONAL_KEY', 'OK_TEAM_KEY'] as const;
export type SuccessCode = (typeof successCodes)[number];
