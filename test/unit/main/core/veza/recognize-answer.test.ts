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
    ['{"code":"Unauthenticated","message":"Invalid API key","request_id":"r"}', 'veza-json'],
    ['{"status":"ok","version":"1.2"}', 'other'],
    ['{"values":[],"has_more":false}', 'other'],
    ['[1,2,3]', 'other'],
    ['"text"', 'other'],
  ])('users/self: JSON %s is %s (Veza documents {"value"} there for every key)', (body, kind) => {
    expect(answer('application/json', body)).toBe(kind);
  });

  // The shapes docs.veza.com documents besides value/values (veza-api.md, "Checked against
  // Veza's published docs"): every JSON object that is not an error envelope is an answer.
  it.each([
    ['/api/v1/providers', '{"values":[],"has_more":false}'],
    [
      '/api/v1/providers/types',
      '{"provider_types":[{"type":"AWS","schema_integration_type":"AWS","enabled":true,"provider_ids":[]}],"unregistered_custom_provider_types":[]}',
    ],
    ['/api/preview/events', '{"events":[{"id":"e1","severity":"ERROR"}],"next_page_token":"t"}'],
    ['/api/v1/assessments/queries/q1:result', '{"result_type":"number","number_value":"6"}'],
    ['/api/v1/assessments/vql:nodes', '{"path_values":[],"cursor":"c1","has_more":true}'],
    ['/api/preview/teamkeys/k1:revoke', '{}'],
    ['/api/v1/anything', '{"status":"ok","version":"1.2"}'],
  ])('%s: %s is a Veza answer', (path, body) => {
    expect(answer('application/json', body, `https://acme.vezacloud.com${path}`)).toBe('veza-json');
  });

  it.each([['[1,2,3]'], ['42'], ['"text"'], ['null']])(
    'JSON that is not an object (%s) is not Veza',
    (body) => {
      expect(answer('application/json', body, 'https://acme.vezacloud.com/api/v1/providers')).toBe(
        'other',
      );
    },
  );

  it('the cut start of a large object is judged by its start', () => {
    const cut = `{"events":[${'{"id":"e"},'.repeat(2000)}`.slice(0, 8192);
    expect(answer('application/json', cut, 'https://acme.vezacloud.com/api/preview/events')).toBe(
      'veza-json',
    );
    expect(answer('application/json', '[{"id":', 'https://acme.vezacloud.com/x')).toBe('other');
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
