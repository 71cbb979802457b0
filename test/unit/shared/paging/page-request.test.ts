import { describe, expect, it } from 'vitest';
import { listEndpointOf, vqlAfterCursor } from '../../../../src/shared/paging/list-endpoints';
import { pageRequest, pagingOf } from '../../../../src/shared/paging/page-request';
import type { RequestSpec } from '../../../../src/shared/requests/request-spec';

const spec = (extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'GET',
  path: '/api/v1/providers',
  query: [{ name: 'page_size', value: '25', enabled: true }],
  headers: [],
  ...extra,
});

describe('paging per endpoint', () => {
  it('knows the documented lists that are not values or do not page by token', () => {
    expect(pagingOf({ method: 'GET', path: '/api/v1/providers/types' })).toEqual({
      listKey: 'provider_types',
      paging: 'token',
    });
    expect(pagingOf({ method: 'GET', path: '/api/preview/events?x=1' }).listKey).toBe('events');
    expect(pagingOf({ method: 'POST', path: '/api/v1/assessments/vql:nodes' })).toEqual({
      listKey: 'path_values',
      paging: 'cursor',
    });
    expect(pagingOf({ method: 'GET', path: '/api/v1/providers' })).toEqual({ paging: 'token' });
    expect(listEndpointOf('GET', '/api/v1/assessments/vql:nodes')).toBeUndefined();
  });

  it('the first page is the request as typed; the next ones set page_token once', () => {
    const typed = spec({
      query: [
        { name: 'page_size', value: '25', enabled: true },
        { name: 'page_token', value: 'old', enabled: true },
      ],
    });
    expect(pageRequest(typed, 'token', undefined)).toBe(typed);
    expect(pageRequest(typed, 'token', 'Na==')?.query).toEqual([
      { name: 'page_size', value: '25', enabled: true },
      { name: 'page_token', value: 'Na==', enabled: true },
    ]);
  });

  it('VQL: the cursor goes into the query text as AFTER CURSOR, not into page_token', () => {
    const vql = spec({
      method: 'POST',
      path: '/api/v1/assessments/vql:nodes',
      query: [],
      body: JSON.stringify({ query: 'SHOW AwsIamRole LIMIT 50;', extra: 1 }),
    });
    const second = pageRequest(vql, 'cursor', 'c-1');
    expect(second?.query).toEqual([]);
    expect(JSON.parse(second?.body ?? '')).toEqual({
      query: "SHOW AwsIamRole AFTER CURSOR 'c-1' LIMIT 50;",
      extra: 1,
    });
    const third = pageRequest(second as RequestSpec, 'cursor', 'c-2');
    expect(JSON.parse(third?.body ?? '').query).toBe(
      "SHOW AwsIamRole AFTER CURSOR 'c-2' LIMIT 50;",
    );
    expect(pageRequest({ ...vql, body: '[]' }, 'cursor', 'c')).toBeUndefined();
    expect(pageRequest({ ...vql, body: 'SHOW x' }, 'cursor', 'c')).toBeUndefined();
  });

  it('a query without ; gets the clause at its end; a cursor that cannot be quoted is refused', () => {
    expect(vqlAfterCursor('SHOW AwsIamRole LIMIT 5  ', 'abc')).toBe(
      "SHOW AwsIamRole AFTER CURSOR 'abc' LIMIT 5  ",
    );
    expect(vqlAfterCursor('SHOW AwsIamRole WHERE a = b', 'abc')).toBe(
      "SHOW AwsIamRole WHERE a = b AFTER CURSOR 'abc'",
    );
    expect(vqlAfterCursor('SHOW AwsIamRole;', 'abc')).toBe("SHOW AwsIamRole AFTER CURSOR 'abc';");
    expect(vqlAfterCursor('SHOW x', "it's")).toBeUndefined();
    expect(vqlAfterCursor('SHOW x', 'a\nb')).toBeUndefined();
  });
});
