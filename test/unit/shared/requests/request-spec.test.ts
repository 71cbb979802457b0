import { describe, expect, it } from 'vitest';
import {
  requestSpecSchema,
  stripCredentialHeaders,
  type RequestSpec,
} from '../../../../src/shared/requests/request-spec';
import {
  buildRequestTarget,
  buildRequestUrl,
} from '../../../../src/shared/requests/build-request-url';
import { parseRequestTarget } from '../../../../src/shared/requests/parse-request-target';

const spec = (overrides: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'GET',
  path: '/api/v1/providers',
  query: [],
  headers: [],
  ...overrides,
});

describe('requestSpecSchema', () => {
  it('accepts a plain request', () => {
    expect(requestSpecSchema.safeParse(spec()).success).toBe(true);
  });

  it.each(['authorization', 'Authorization', ' AUTHORIZATION ', 'Cookie', 'proxy-authorization'])(
    'refuses a %s header: the key comes from the keychain',
    (name) => {
      const outcome = requestSpecSchema.safeParse(
        spec({ headers: [{ name, value: 'Bearer abc', enabled: false }] }),
      );
      expect(outcome.success).toBe(false);
      expect(outcome.error?.issues[0]?.message).toMatch(/keychain/);
    },
  );

  it.each([
    'api/v1/providers',
    '//evil.example/api',
    'https://evil.example/',
    '/a?b=c',
    '/a#x',
    '/a\nb',
  ])('refuses the path %j', (path) => {
    expect(requestSpecSchema.safeParse(spec({ path })).success).toBe(false);
  });

  it('refuses line breaks in headers (they would add headers of their own)', () => {
    expect(
      requestSpecSchema.safeParse(
        spec({ headers: [{ name: 'X-A', value: 'a\r\nAuthorization: Bearer x', enabled: true }] }),
      ).success,
    ).toBe(false);
  });

  it('strips credential headers and says which', () => {
    const { spec: clean, removed } = stripCredentialHeaders(
      spec({
        headers: [
          { name: 'authorization', value: 'Bearer k', enabled: true },
          { name: 'Accept', value: 'application/json', enabled: true },
          { name: 'Cookie', value: 'a=b', enabled: true },
        ],
      }),
    );
    expect(removed).toEqual(['authorization', 'Cookie']);
    expect(clean.headers).toEqual([{ name: 'Accept', value: 'application/json', enabled: true }]);
    expect(requestSpecSchema.safeParse(clean).success).toBe(true);
  });
});

describe('buildRequestUrl', () => {
  it('encodes spaces in query values as + (veza-api.md) and skips unticked rows', () => {
    const url = buildRequestUrl(
      'https://acme.vezacloud.com/',
      spec({
        query: [
          { name: 'filter', value: 'name eq "GitHub"', enabled: true },
          { name: 'order_by', value: 'state', enabled: true },
          { name: 'page_size', value: '5', enabled: false },
          { name: '', value: 'nameless', enabled: true },
        ],
      }),
    );
    expect(url).toBe(
      'https://acme.vezacloud.com/api/v1/providers?filter=name+eq+%22GitHub%22&order_by=state',
    );
  });

  it('encodes what a path cannot hold and keeps what is already encoded', () => {
    expect(buildRequestTarget(spec({ path: '/api/v1/teams/a b/ü:x%2F%zz' }))).toBe(
      '/api/v1/teams/a%20b/%C3%BC:x%2F%25zz',
    );
  });

  it('encodes +, & and = in values so they stay values', () => {
    expect(
      buildRequestTarget(spec({ query: [{ name: 'q&x', value: 'a+b=c&d', enabled: true }] })),
    ).toBe('/api/v1/providers?q%26x=a%2Bb%3Dc%26d');
  });

  it('keeps the URL on the instance whatever the path', () => {
    const url = new URL(
      buildRequestUrl('https://acme.vezacloud.com', spec({ path: '/@evil.example/x' })),
    );
    expect(url.origin).toBe('https://acme.vezacloud.com');
  });

  it('works with an environment variable as the base, for generated code', () => {
    expect(buildRequestUrl('$VEZA_URL', spec())).toBe('$VEZA_URL/api/v1/providers');
  });

  it('round-trips through parseRequestTarget', () => {
    const original = spec({
      path: '/api/v1/teams/ü é/x%2Fy',
      query: [
        { name: 'filter', value: 'name eq "A+B" & 100%', enabled: true },
        { name: 'empty', value: '', enabled: true },
        { name: 'emoji 🎉', value: 'it\'s "quoted"\nnext line', enabled: true },
      ],
    });
    expect(parseRequestTarget(buildRequestTarget(original))).toEqual({
      path: original.path,
      query: original.query,
    });
  });
});
