import { defineConfig } from 'vitest/config';

// Unit and integration tests for src/shared, src/main/core, src/cli and src/sandbox, under
// plain Node. They reach real servers on 127.0.0.1 only, and the real keychain when run through
// test/support/with-keychain.sh (npm test does that).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
