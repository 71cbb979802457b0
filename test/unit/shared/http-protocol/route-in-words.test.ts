import { describe, expect, it } from 'vitest';
import { routeInWords } from '../../../../src/shared/http-protocol/route-in-words';

describe('routeInWords', () => {
  it('says direct, or which proxy', () => {
    expect(routeInWords('direct')).toBe('Direct (no proxy)');
    expect(routeInWords('proxy http://proxy.corp:8080')).toBe(
      'Through the proxy http://proxy.corp:8080',
    );
    expect(
      routeInWords('proxy http://proxy.corp:8080 (from the HTTPS_PROXY environment variable)'),
    ).toBe('Through the proxy http://proxy.corp:8080, from the HTTPS_PROXY environment variable');
  });

  it('shows anything else as it came', () => {
    expect(routeInWords('something new')).toBe('something new');
  });
});
