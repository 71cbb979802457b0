import { describe, expect, it } from 'vitest';
import { problemCatalog } from '../../../../src/shared/problems/catalog';
import { makeProblem } from '../../../../src/shared/problems/make-problem';

describe('makeProblem fix steps', () => {
  it('a step marked {!fact} is kept until that fact is known, and never shows its marker', () => {
    const unchecked = makeProblem('TLS_CERT_EXPIRED', { facts: { host: 'acme.vezacloud.com' } });
    expect(unchecked.fix[0]).toMatch(/^Check that this computer's date, time and time zone/);
    expect(unchecked.fix).toHaveLength(problemCatalog.TLS_CERT_EXPIRED.fix.length);
    const checked = makeProblem('TLS_CERT_EXPIRED', {
      facts: { host: 'acme.vezacloud.com', clockChecked: ' The clock is right.' },
    });
    expect(checked.fix).toHaveLength(problemCatalog.TLS_CERT_EXPIRED.fix.length - 1);
    expect(checked.explanation).toMatch(/The clock is right\.$/);
    for (const step of [...unchecked.fix, ...checked.fix]) expect(step).not.toContain('{');
  });

  it("a step that is only another OS's placeholder is left out", () => {
    const problem = makeProblem('CLOCK_WRONG', { facts: { macStep: 'On macOS: do this.' } });
    expect(problem.fix[0]).toBe('On macOS: do this.');
    expect(problem.fix).toHaveLength(2);
  });
});
