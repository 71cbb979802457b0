import { describe, expect, it } from 'vitest';
import { bounds, clipText } from '../../../../src/shared/ipc/bounds';
import { makeProblem } from '../../../../src/shared/problems/make-problem';
import { problemSchema } from '../../../../src/shared/problems/problem';
import { problemFromVezaResponse } from '../../../../src/shared/veza/problem-from-veza-response';

// A problem stays within the contract's bounds whatever a server or the system said: its texts
// are cut rather than the problem failing the contract (which would hide it behind
// INTERNAL_ERROR).
describe('problems within the bounds', () => {
  it('cuts a huge raw text, URL, request id and flood of facts', () => {
    const huge = 'x'.repeat(5 * bounds.problemText);
    const problem = makeProblem('HTTP_NOT_FOUND', {
      raw: huge,
      url: `https://veza.test/${huge}`,
      requestId: huge,
      errorCode: huge,
      facts: Object.fromEntries(
        Array.from({ length: 3 * bounds.problemFacts }, (_, i) => [`f${i}`, huge]),
      ),
    });
    expect(problemSchema.safeParse(problem).error).toBeUndefined();
    expect(problem.detail.raw).toHaveLength(bounds.problemText);
    expect(problem.detail.raw?.endsWith('…')).toBe(true);
    expect(Object.keys(problem.detail.facts ?? {})).toHaveLength(bounds.problemFacts);
  });

  it('cuts an explanation that a long fact made too long', () => {
    const problem = makeProblem('HTTP_NOT_FOUND', {
      facts: { url: 'u'.repeat(3 * bounds.problemText), host: 'h'.repeat(bounds.problemText) },
    });
    expect(problemSchema.safeParse(problem).success).toBe(true);
    expect(problem.explanation.length).toBeLessThanOrEqual(bounds.problemText);
  });

  it("cuts Veza's own words from a hostile error envelope", () => {
    const problem = problemFromVezaResponse({
      status: 400,
      body: {
        code: 'InvalidArgument',
        message: 'm'.repeat(1_000_000),
        request_id: 'r'.repeat(10_000),
        details: [],
      },
    });
    expect(problem).toBeDefined();
    expect(problemSchema.safeParse(problem).success).toBe(true);
  });

  it('leaves ordinary problems as they were', () => {
    const detail = { raw: 'getaddrinfo ENOTFOUND veza.test', facts: { host: 'veza.test' } };
    expect(makeProblem('DNS_NOT_FOUND', detail).detail).toEqual(detail);
  });
});

describe('clipText', () => {
  it('leaves short text alone and cuts long text to the maximum, with …', () => {
    expect(clipText('abc', 3)).toBe('abc');
    expect(clipText('abcd', 3)).toBe('ab…');
  });
  it('never leaves half of a surrogate pair', () => {
    const cut = clipText('ab😀cd', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});
