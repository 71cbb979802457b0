import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../../../src/main/core/transport';

describe('createRedactor', () => {
  const key = 'a2V5LXZhbHVlLWZvci10ZXN0cw==';
  const redact = createRedactor([key, 'proxyPass!']);

  it('masks known secrets, also URL-encoded and base64-encoded', () => {
    expect(redact(`failed with ${key} inside`)).toBe('failed with [redacted] inside');
    expect(redact(`x=${encodeURIComponent(key)}`)).toBe('x=[redacted]');
    expect(redact(Buffer.from('proxyPass!').toString('base64'))).toBe('[redacted]');
  });

  it('masks any Bearer/Basic/NTLM token and passwords in URLs, even unknown ones', () => {
    const r = createRedactor();
    expect(r('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [redacted]');
    expect(r('Proxy-Authorization: Basic dTpw')).toBe('Proxy-Authorization: Basic [redacted]');
    expect(r('via http://jdoe:hunter2@proxy.corp:8080/')).toBe(
      'via http://jdoe:[redacted]@proxy.corp:8080/',
    );
    expect(r('https://proxy.corp:8080/')).toBe('https://proxy.corp:8080/');
  });

  it('leaves ordinary text alone and ignores secrets too short to mask safely', () => {
    expect(createRedactor(['ab'])('tab and cab')).toBe('tab and cab');
    expect(redact('getaddrinfo ENOTFOUND acme.vezacloud.com')).toBe(
      'getaddrinfo ENOTFOUND acme.vezacloud.com',
    );
  });
});
