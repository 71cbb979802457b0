import { describe, expect, it } from 'vitest';
import { recognizeAnswer } from '../../../../../src/main/core/veza/recognize-answer';
import { readIdentity } from '../../../../../src/main/core/doctor/read-identity';

const answer = (
  contentType: string,
  bodyStart: string,
  finalUrl = 'https://acme.vezacloud.com/api/v1/users/self',
  redirectUrls: string[] = [],
) => recognizeAnswer({ contentType, bodyStart, finalUrl, redirectUrls });

describe('recognizeAnswer', () => {
  it.each([
    ['{"value":{"id":"u1"}}', 'veza-json'],
    ['{"values":[],"has_more":false}', 'veza-json'],
    ['{"code":"Unauthenticated","message":"Invalid API key","request_id":"r"}', 'veza-json'],
    ['{}', 'veza-json'],
    ['{"status":"ok","version":"1.2"}', 'other'],
    ['[1,2,3]', 'other'],
  ])('JSON %s is %s', (body, kind) => {
    expect(answer('application/json', body)).toBe(kind);
  });

  it('an HTML page with a password field is a sign-in page', () => {
    expect(
      answer(
        'text/html; charset=utf-8',
        '<html><form><input type="password" name="p"></form></html>',
      ),
    ).toBe('login-page');
  });

  it('a redirect to an SSO address is a sign-in page, whatever the page says', () => {
    expect(
      answer(
        'text/html',
        '<html><body>Loading…</body></html>',
        'https://login.corp.example/adfs/ls/?SAMLRequest=x',
        ['https://acme.vezacloud.com/api/v1/users/self'],
      ),
    ).toBe('login-page');
  });

  it('another web page is not Veza', () => {
    expect(answer('text/html', '<!doctype html><title>Welcome to nginx!</title>')).toBe(
      'other-html',
    );
  });

  it('recognises HTML sent with a wrong content type', () => {
    expect(
      answer('text/plain', '<!DOCTYPE html><html><body>Sign in to continue</body></html>'),
    ).toBe('login-page');
  });
});

describe('readIdentity', () => {
  it('reads the likely spellings of users/self', () => {
    expect(
      readIdentity({
        value: {
          id: 'u1',
          name: 'Alice Admin',
          email: 'alice@acme.test',
          roles: [{ name: 'admin' }, 'operator'],
          team: { name: 'Security' },
        },
      }),
    ).toEqual({
      name: 'Alice Admin',
      email: 'alice@acme.test',
      team: 'Security',
      roles: ['admin', 'operator'],
    });
  });

  it('falls back to the email or id, and refuses what has neither', () => {
    expect(readIdentity({ value: { email: 'bot@acme.test' } })?.name).toBe('bot@acme.test');
    expect(readIdentity({ value: { id: 'key-7' } })).toEqual({
      name: 'key-7',
      email: undefined,
      team: undefined,
      roles: [],
    });
    expect(readIdentity({ value: {} })).toBeUndefined();
    expect(readIdentity({ values: [] })).toBeUndefined();
    expect(readIdentity(null)).toBeUndefined();
  });
});
