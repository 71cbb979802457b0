import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium';

// E2E tests drive the built renderer (out/renderer) in Debian's Chromium; no browser download.
// The Electron smoke test (test/electron, its own project: `--project electron`) drives the
// built app on GitHub's runners (VEZA_DESK_APP_PATH) and node_modules' Electron wherever its
// binary exists; here it is skipped, with the reason.
// After them, the "key scan" project searches everything the tests kept for every API key they
// used (test/e2e/key-scan.teardown.ts); a teardown project always runs in full, filters or not.
export default defineConfig({
  testDir: 'test',
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/support/key-scan-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    colorScheme: 'light',
    launchOptions: {
      executablePath: chromiumExecutable,
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'app',
      testMatch: ['e2e/**/*.spec.ts'],
      teardown: 'key scan',
    },
    // The real Electron app: it searches its own data folder for the key it saved.
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
    { name: 'key scan', testMatch: 'e2e/key-scan.teardown.ts' },
  ],
});
