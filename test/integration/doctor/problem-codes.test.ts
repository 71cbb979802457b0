import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemCatalog } from '../../../src/shared/problems/catalog';
import { problemCodes, successCodes } from '../../../src/shared/problems/problem-codes';
import { certificateChecksOff } from './support/verify-harness';

// Every code of the catalog is produced for real through verify() by one of the layer files
// below; this test keeps the list honest. A new code in problemCodes fails it until a test
// produces the code (or it is named here as app-internal, with the file that tests it).

/** Which file produces each code, by layer. */
const producedIn = {
  'problem-codes-input.test.ts': [
    'URL_MISSING',
    'URL_INVALID',
    'URL_NOT_HTTPS',
    'URL_HAS_PATH',
    'URL_HAS_CREDENTIALS',
    'URL_UNSUPPORTED_SCHEME',
    'KEY_MISSING',
    'KEY_WHITESPACE',
    'KEY_BEARER_PREFIX',
    'KEY_QUOTED',
    'KEY_INVALID_CHARS',
    'KEY_NOT_BASE64',
    'KEY_TOO_LONG',
    'KEYCHAIN_UNAVAILABLE',
  ],
  'problem-codes-network.test.ts': [
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
    'COMPANY_NETWORK_ONLY',
  ],
  'problem-codes-tls.test.ts': [
    'TLS_CERT_EXPIRED',
    'TLS_CERT_NOT_YET_VALID',
    'CLOCK_WRONG',
    'TLS_HOSTNAME_MISMATCH',
    'NETWORK_SIGN_IN',
    'TLS_SELF_SIGNED',
    'TLS_UNTRUSTED_ROOT',
    'TLS_INCOMPLETE_CHAIN',
    'TLS_NOT_TLS',
    'TLS_HANDSHAKE_FAILED',
    'TLS_OLD_PROTOCOL',
    'TLS_NO_COMMON_CIPHER',
    'TLS_CLIENT_CERT_REQUIRED',
    'TLS_PIN_MISMATCH',
    'CA_FILE_INVALID',
  ],
  'problem-codes-gateway.test.ts': [
    'GATEWAY_REFUSED',
    'GATEWAY_UNAVAILABLE',
    'TLS_CLIENT_CERT_INVALID',
  ],
  'problem-codes-interception.test.ts': ['TLS_PROXY_INSPECTION', 'TLS_DEBUG_PROXY'],
  'problem-codes-http.test.ts': [
    'HTTP_TIMEOUT',
    'CHECK_TIMEOUT',
    'HTTP_NOT_VEZA',
    'HTTP_LOGIN_REDIRECT',
    'HTTP_NOT_FOUND',
    'HTTP_TOO_MANY_REDIRECTS',
    'HTTP_BODY_TOO_LARGE',
    'HTTP_BODY_INCOMPLETE',
    'HTTP_BAD_REQUEST',
    'RATE_LIMITED',
    'SERVER_ERROR',
    'SERVICE_UNAVAILABLE',
    'REQUEST_CANCELLED',
    'AUTH_INVALID_KEY',
    // Through problemFromVezaResponse on a real sandbox answer: verify() calls a team key
    // that reaches the OAA calls a working team key (OK_TEAM_KEY), by design.
    'FORBIDDEN_TEAM_KEY',
    'FORBIDDEN_ROLE',
    'OK_PERSONAL_KEY',
    'OK_TEAM_KEY',
  ],
} as const;

/**
 * App-internal codes: they never come out of a connection check, and are tested where they
 * happen (profiles, import, IPC).
 */
const appInternal = {
  PROFILE_NOT_FOUND: 'test/integration/profiles, IPC handlers',
  PROFILE_NAME_TAKEN: 'test/integration/profiles',
  PROFILES_LIMIT_REACHED: 'test/integration/profiles/profiles-limit.test.ts',
  PROFILES_FILE_DAMAGED: 'test/integration/profiles/profiles-file.test.ts',
  PROFILES_FILE_TOO_NEW: 'test/integration/profiles/profiles-file.test.ts',
  FILE_UNREADABLE: 'test/integration/profiles/import-export.test.ts',
  FILE_UNWRITABLE: 'test/integration/profiles/import-export.test.ts',
  IMPORT_INVALID: 'test/integration/profiles/import-export.test.ts',
  IMPORT_NO_VEZA_SETTINGS: 'test/integration/profiles/import-export.test.ts',
  IPC_INVALID_ARGUMENT: 'test/unit/main/core/dispatcher.test.ts',
  IPC_UNTRUSTED_SENDER: 'test/unit/main/core/dispatcher.test.ts',
  IPC_UNKNOWN_CALL: 'test/unit/main/core/dispatcher.test.ts',
  INTERNAL_ERROR: 'test/unit/main/core/dispatcher.test.ts',
  // The API keys view (issue 8) and the request workspace (issue 7).
  KEY_TARGET_OTHER_INSTANCE: 'test/integration/keys/team-key-life.test.ts',
  // Through verify(), requests and team keys on a saved instance whose address changed.
  KEY_BOUND_ELSEWHERE: 'test/integration/profiles/key-binding.test.ts',
  ROTATION_KEY_MISMATCH: 'test/integration/keys/rotate-team-key.test.ts',
  TEAM_KEY_NOT_FOUND: 'test/integration/keys/rotate-team-key.test.ts',
  // Only for a key saved as it was although it failed the format check: verify() stops such a
  // key at its key step, so requests and team keys meet it.
  AUTH_MALFORMED_KEY: 'test/integration/veza/key-texts.test.ts',
  REQUEST_OUTSIDE_INSTANCE: 'test/unit/main/core/requests/send-to-instance.test.ts',
  PRODUCTION_NOT_CONFIRMED: 'test/integration/requests/send-requests.test.ts',
  KEY_IN_REQUEST: 'test/integration/requests/send-requests.test.ts',
  SAVED_REQUESTS_LIMIT_REACHED: 'test/integration/requests/saved-requests-limit.test.ts',
  RESPONSE_BODY_GONE: 'test/integration/requests/send-requests.test.ts',
  PAGING_FAILED: 'test/integration/requests/request-failures.test.ts',
  PAGING_LIMIT_REACHED: 'test/integration/requests/request-limits.test.ts',
  HTTP_METHOD_NOT_ALLOWED: 'test/integration/requests/method-not-allowed.test.ts',
  DATA_FILE_DAMAGED: 'test/integration/requests/request-failures.test.ts',
  DATA_FILE_TOO_NEW: 'test/integration/persistence/document-store.test.ts',
  DATA_FOLDER_BUSY: 'test/integration/persistence/document-store.test.ts',
} as const;

const produced = Object.values(producedIn).flat() as string[];

describe('the catalog is covered by real failures', () => {
  it('every problem code and success code is produced by a layer test or named app-internal', () => {
    const missing = [...problemCodes, ...successCodes].filter(
      (code) => !produced.includes(code) && !(code in appInternal),
    );
    expect(missing).toEqual([]);
  });

  it('no code is listed twice, and every listed code exists', () => {
    const all = [...produced, ...Object.keys(appInternal)];
    expect(new Set(all).size).toBe(all.length);
    const known: readonly string[] = [...problemCodes, ...successCodes];
    expect(all.filter((code) => !known.includes(code))).toEqual([]);
  });

  it('each layer file really asserts each of its codes', () => {
    for (const [file, codes] of Object.entries(producedIn)) {
      const source = readFileSync(path.join(__dirname, file), 'utf8');
      for (const code of codes) expect([file, source.includes(`'${code}'`)]).toEqual([file, true]);
    }
  });

  it('each app-internal code is asserted in the place named for it', () => {
    const root = path.resolve(__dirname, '../../..');
    for (const [code, where] of Object.entries(appInternal)) {
      // Only single-file places can be read; folders are named for the reader.
      const file = where.split(',')[0]?.trim() ?? '';
      if (!file.endsWith('.ts')) continue;
      expect([code, readFileSync(path.join(root, file), 'utf8').includes(code)]).toEqual([
        code,
        true,
      ]);
    }
  });

  it('no fix step anywhere in the catalog turns certificate checks off', () => {
    for (const [code, entry] of Object.entries(problemCatalog)) {
      for (const step of entry.fix)
        expect([code, step]).not.toEqual([code, expect.stringMatching(certificateChecksOff)]);
    }
  });
});
