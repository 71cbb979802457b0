import { describe, expect, it } from 'vitest';
import { problemCatalog, updateCheckSteps } from '../../../src/shared/problems/catalog';
import { problemCodes, successCodes } from '../../../src/shared/problems/problem-codes';
import { appInternal } from '../../support/app-internal-codes';
import { certificateChecksOff } from './support/verify-harness';

// Every code of the catalog is produced for real through verify() or `veza-desk check` during
// npm test: the tests record each verdict (test/support/produced-codes.ts) and the
// problem-coverage stage (test/support/check-produced-codes.ts) fails on any code no test
// produced. Here: the app-internal list stays honest, and no advice bypasses certificates.

describe('the catalog is covered by real failures', () => {
  it('every app-internal code exists, and success codes are never app-internal', () => {
    const known: readonly string[] = problemCodes;
    expect(Object.keys(appInternal).filter((code) => !known.includes(code))).toEqual([]);
    expect(successCodes.filter((code) => code in appInternal)).toEqual([]);
  });

  it('no fix step anywhere in the catalog turns certificate checks off', () => {
    for (const [code, entry] of Object.entries(problemCatalog)) {
      for (const step of entry.fix)
        expect([code, step]).not.toEqual([code, expect.stringMatching(certificateChecksOff)]);
    }
    // Nor do the steps the update check shows in place of a network problem's own.
    for (const [kind, steps] of Object.entries(updateCheckSteps)) {
      for (const step of steps)
        expect([kind, step]).not.toEqual([kind, expect.stringMatching(certificateChecksOff)]);
    }
  });
});
