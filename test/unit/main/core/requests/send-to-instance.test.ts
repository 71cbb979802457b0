import { describe, expect, it } from 'vitest';
import { urlOnInstance } from '../../../../../src/main/core/requests/send-to-instance';
import type { Profile } from '../../../../../src/shared/profiles/profile';
import type { RequestSpec } from '../../../../../src/shared/requests/request-spec';

const profile = { baseUrl: 'https://acme.vezacloud.com' } as Profile;
const at = (path: string): RequestSpec => ({ method: 'GET', path, query: [], headers: [] });

// The schema already refuses these paths; this is the second lock, behind it.
describe('urlOnInstance', () => {
  it('builds the URL on the instance', () => {
    expect(urlOnInstance(profile, at('/api/v1/providers'))).toBe(
      'https://acme.vezacloud.com/api/v1/providers',
    );
  });

  it.each(['//evil.test/x', '@evil.test/x', 'http://evil.test/x', '.evil.test/x', ':8443/x'])(
    'refuses %s, which would leave the instance',
    (path) => {
      expect(() => urlOnInstance(profile, at(path))).toThrow(/outside this instance/);
      expect(() => urlOnInstance(profile, at(path))).toThrow(
        expect.objectContaining({
          problem: expect.objectContaining({ code: 'REQUEST_OUTSIDE_INSTANCE' }),
        }),
      );
    },
  );
});
