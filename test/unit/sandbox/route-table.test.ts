import { describe, expect, it } from 'vitest';
import { createRouter, type Route } from '../../../src/sandbox/http/route-table';

const route = (method: Route['method'], pattern: string): Route => ({
  method,
  pattern,
  access: 'read',
  handle: () => ({ body: {} }),
});

const match = createRouter([
  route('GET', '/api/v1/providers/custom/templates'),
  route('GET', '/api/v1/providers/custom/{id}'),
  route('POST', '/api/v1/providers/custom/{id}/datasources/{ds}:push'),
  route('POST', '/api/preview/teamkeys/{id}:revoke'),
]);

describe('sandbox router', () => {
  it('matches literal paths before parameters', () => {
    expect(match('GET', '/api/v1/providers/custom/templates')).toMatchObject({
      kind: 'found',
      params: {},
    });
    expect(match('GET', '/api/v1/providers/custom/abc')).toMatchObject({
      kind: 'found',
      params: { id: 'abc' },
    });
  });

  it('routes custom methods after a colon, also written %3A or %3a', () => {
    for (const colon of [':', '%3A', '%3a'])
      expect(match('POST', `/api/v1/providers/custom/p1/datasources/d1${colon}push`)).toMatchObject(
        {
          kind: 'found',
          params: { id: 'p1', ds: 'd1' },
        },
      );
    expect(match('POST', '/api/preview/teamkeys/k1:reinstate')).toEqual({ kind: 'none' });
  });

  it('decodes parameters and tolerates a trailing slash', () => {
    expect(match('GET', '/api/v1/providers/custom/a%20b/')).toMatchObject({
      params: { id: 'a b' },
    });
  });

  it('tells a wrong method from a missing path', () => {
    expect(match('DELETE', '/api/preview/teamkeys/k1:revoke')).toEqual({
      kind: 'wrong-method',
      allowed: ['POST'],
    });
    expect(match('GET', '/api/v2/nothing')).toEqual({ kind: 'none' });
  });
});
