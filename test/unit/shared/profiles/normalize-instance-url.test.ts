import { describe, expect, it } from 'vitest';
import { normalizeInstanceUrl } from '../../../../src/shared/profiles/normalize-instance-url';

function ok(typed: string) {
  const result = normalizeInstanceUrl(typed);
  if (!result.ok) throw new Error(`expected ${typed} to be accepted, got ${result.problem.code}`);
  return result;
}
function refused(typed: string): string {
  const result = normalizeInstanceUrl(typed);
  if (result.ok) throw new Error(`expected ${typed} to be refused, got ${result.baseUrl}`);
  return result.problem.code;
}

describe('normalizeInstanceUrl', () => {
  it('keeps a clean https origin as it is, without notices', () => {
    expect(ok('https://acme.vezacloud.com')).toEqual({
      ok: true,
      baseUrl: 'https://acme.vezacloud.com',
      displayUrl: 'https://acme.vezacloud.com',
      notices: [],
    });
  });

  it('adds https:// when no scheme was typed, and says so', () => {
    const result = ok('acme.vezacloud.com');
    expect(result.baseUrl).toBe('https://acme.vezacloud.com');
    expect(result.notices.map((n) => n.code)).toEqual(['SCHEME_ADDED']);
  });

  it('reads host:port without a scheme as a host, not as a scheme', () => {
    expect(ok('acme.vezacloud.com:8443').baseUrl).toBe('https://acme.vezacloud.com:8443');
    expect(ok('localhost:8443/app').baseUrl).toBe('https://localhost:8443');
  });

  it('drops a trailing slash silently and surrounding spaces', () => {
    const result = ok('  https://acme.vezacloud.com/  ');
    expect(result.baseUrl).toBe('https://acme.vezacloud.com');
    expect(result.notices).toEqual([]);
  });

  it('reduces a pasted page address to its origin with a notice', () => {
    const result = ok('https://acme.vezacloud.com/app/dashboard?x=1');
    expect(result.baseUrl).toBe('https://acme.vezacloud.com');
    expect(result.notices.map((n) => n.code)).toEqual(['REDUCED_TO_ORIGIN']);
    expect(result.notices[0]?.message).toContain('https://acme.vezacloud.com');
    expect(ok('https://acme.vezacloud.com/#/x').notices).toHaveLength(1);
  });

  it('lower-cases the host and drops the default port', () => {
    expect(ok('HTTPS://Acme.VezaCloud.com:443').baseUrl).toBe('https://acme.vezacloud.com');
  });

  it('refuses http:// except for this computer (the demo instance)', () => {
    expect(refused('http://acme.vezacloud.com')).toBe('URL_NOT_HTTPS');
    expect(refused('http://10.0.0.5:8080')).toBe('URL_NOT_HTTPS');
    expect(ok('http://127.0.0.1:8080').baseUrl).toBe('http://127.0.0.1:8080');
    expect(ok('http://[::1]:8080/').baseUrl).toBe('http://[::1]:8080');
    expect(ok('http://localhost:3000').baseUrl).toBe('http://localhost:3000');
    // A look-alike must not pass for loopback.
    expect(refused('http://127.0.0.1.example.com')).toBe('URL_NOT_HTTPS');
    expect(refused('http://localhost.example.com')).toBe('URL_NOT_HTTPS');
  });

  it('refuses a user name or password in the address', () => {
    expect(refused('https://admin:secret@acme.vezacloud.com')).toBe('URL_HAS_CREDENTIALS');
    expect(refused('https://admin@acme.vezacloud.com')).toBe('URL_HAS_CREDENTIALS');
    expect(refused('admin:secret@acme.vezacloud.com')).toBe('URL_HAS_CREDENTIALS');
    expect(refused('https://:@acme.vezacloud.com')).toBe('URL_HAS_CREDENTIALS');
  });

  it('refuses javascript: and other schemes', () => {
    expect(refused('javascript:alert(1)')).toBe('URL_UNSUPPORTED_SCHEME');
    expect(refused('JavaScript://acme.vezacloud.com/%0aalert(1)')).toBe('URL_UNSUPPORTED_SCHEME');
    expect(refused('file:///etc/passwd')).toBe('URL_UNSUPPORTED_SCHEME');
    expect(refused('ftp://acme.vezacloud.com')).toBe('URL_UNSUPPORTED_SCHEME');
    expect(refused('data:text/html,hi')).toBe('URL_UNSUPPORTED_SCHEME');
    const problem = normalizeInstanceUrl('javascript:alert(1)');
    expect(!problem.ok && problem.problem.explanation).toContain('"javascript:"');
  });

  it('refuses empty and unreadable addresses with the matching problem', () => {
    expect(refused('')).toBe('URL_MISSING');
    expect(refused('   ')).toBe('URL_MISSING');
    expect(refused('https://acme vezacloud.com')).toBe('URL_INVALID');
    expect(refused('https://')).toBe('URL_INVALID');
    expect(refused('https://acme.vezacloud.com:99999')).toBe('URL_INVALID');
  });

  it('stores an international host as punycode and shows it as typed', () => {
    const result = ok('https://bücher.example/app');
    expect(result.baseUrl).toBe('https://xn--bcher-kva.example');
    expect(result.displayUrl).toBe('https://bücher.example');
    expect(ok('münchen.example').displayUrl).toBe('https://münchen.example');
  });

  it('is idempotent: a stored origin normalises to itself', () => {
    for (const typed of ['acme.vezacloud.com/x', 'http://127.0.0.1:9', 'https://bücher.example']) {
      const first = ok(typed).baseUrl;
      expect(ok(first).baseUrl).toBe(first);
      expect(ok(first).notices).toEqual([]);
    }
  });
});
