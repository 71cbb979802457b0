import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/shared/security/content-security-policy';

const directives = new Map(
  contentSecurityPolicy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name ?? '', values] as const;
  }),
);

describe('the renderer CSP is strict', () => {
  it('denies everything by default', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('runs only the app’s own scripts: no eval, no inline, no remote', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('allows no unsafe keyword and no remote host anywhere', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|https?:|wss?:|\*/);
  });

  it.each(['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action'])(
    '%s is none',
    (name) => {
      expect(directives.get(name)).toEqual(["'none'"]);
    },
  );
});
