/**
 * App-internal codes: they never come out of a connection check, and are tested where they
 * happen (profiles, import, IPC). Every other code must be produced for real by verify() or
 * `veza-desk check` during npm test (test/support/check-produced-codes.ts counts them).
 */
export const appInternal = {
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
  // Help > Check for updates… (issue 19): GitHub's answers, from a local stand-in for it.
  UPDATE_RATE_LIMITED: 'test/integration/updates/check-for-update.test.ts',
  UPDATE_NO_RELEASES: 'test/integration/updates/check-for-update.test.ts',
  UPDATE_ANSWER_UNREADABLE: 'test/integration/updates/check-for-update.test.ts',
} as const;
