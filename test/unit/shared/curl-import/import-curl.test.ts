import { describe, expect, it } from 'vitest';
import { importCurl, type CurlImport } from '../../../../src/shared/curl-import/import-curl';
import { curlBashSnippet } from '../../../../src/shared/snippets/curl-bash';
import { curlCmdSnippet } from '../../../../src/shared/snippets/curl-cmd';
import { effectiveHeaders } from '../../../../src/shared/requests/effective-headers';
import { activeRows, type RequestSpec } from '../../../../src/shared/requests/request-spec';
import { nastyRequests } from '../snippets/nasty-requests';

function imported(text: string): Extract<CurlImport, { ok: true }> {
  const outcome = importCurl(text);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

/** The request as it is sent: what a snippet carries and an import gives back. */
function asSent(spec: RequestSpec): RequestSpec {
  return {
    method: spec.method,
    path: spec.path,
    query: activeRows(spec.query),
    headers: effectiveHeaders(spec),
    ...(spec.body ? { body: spec.body } : {}),
  };
}

describe("the seed's own examples", () => {
  it('reads the documented curl with its placeholders, keeping no key', () => {
    const outcome = imported(
      "curl -X GET 'https://<url>/api/v1/providers/custom' \\\n-H 'authorization: Bearer <token>'",
    );
    expect(outcome.spec).toEqual({
      method: 'GET',
      path: '/api/v1/providers/custom',
      query: [],
      headers: [],
    });
    expect(outcome.base).toEqual({ kind: 'placeholder', text: 'https://<url>' });
    expect(outcome.foundKey).toBeUndefined();
    expect(outcome.notes.join(' ')).toMatch(/placeholder where the API key goes/);
  });

  it('reads the environment-variable check, noticing both variables', () => {
    const outcome = imported(
      'curl -H "Authorization: Bearer $VEZA_TOKEN" "$VEZA_URL/api/v1/providers"',
    );
    expect(outcome.spec).toEqual({
      method: 'GET',
      path: '/api/v1/providers',
      query: [],
      headers: [],
    });
    expect(outcome.base).toEqual({ kind: 'variable', name: 'VEZA_URL' });
    expect(outcome.foundKey).toBeUndefined();
    expect(outcome.notes.join(' ')).toMatch(/environment variable/);
  });
});

describe('a key in the command', () => {
  const key = 'YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=';
  it.each([
    `curl -H 'Authorization: Bearer ${key}' https://acme.vezacloud.com/api/v1/users/self`,
    `curl --oauth2-bearer ${key} https://acme.vezacloud.com/api/v1/users/self`,
    `curl.exe -H "authorization: bearer ${key}" "https://acme.vezacloud.com/api/v1/users/self" ^\n  -k`,
  ])('is offered apart and is nowhere in the request: %s', (command) => {
    const outcome = imported(command);
    expect(outcome.foundKey).toEqual({ value: key });
    const { foundKey: _key, ...rest } = outcome;
    expect(JSON.stringify(rest)).not.toContain(key);
    expect(outcome.base).toEqual({ kind: 'origin', origin: 'https://acme.vezacloud.com' });
  });

  it.each(['<token>', 'your_api_key_here', 'API_KEY', '...'])(
    'treats %s as a placeholder, not a key',
    (placeholder) => {
      const outcome = imported(
        `curl -H 'Authorization: Bearer ${placeholder}' https://h/api/v1/users/self`,
      );
      expect(outcome.foundKey).toBeUndefined();
      expect(outcome.notes.join(' ')).toMatch(/placeholder/);
    },
  );

  it('takes a key of letters only as a key', () => {
    expect(
      imported("curl -H 'Authorization: Bearer abcdefghijklmnopqrst' https://h/x").foundKey,
    ).toEqual({
      value: 'abcdefghijklmnopqrst',
    });
  });

  it('drops cookies and user:password sign-ins with a warning, never echoing them', () => {
    const outcome = imported(
      "curl -u admin:hunter2 -b 'session=s3cr3t' -H 'Cookie: a=b' -H 'Proxy-Authorization: Basic eA==' https://x.example/api/v1/teams",
    );
    expect(outcome.spec.headers).toEqual([]);
    expect(outcome.warnings).toHaveLength(4);
    expect(JSON.stringify(outcome)).not.toMatch(/hunter2|s3cr3t|eA==/);
  });
});

describe('curl options', () => {
  it('flags -k: certificate checks are never turned off', () => {
    const outcome = imported('curl -sSk https://acme.vezacloud.com/api/v1/providers --compressed');
    expect(outcome.warnings).toEqual([expect.stringMatching(/never turned off in Veza Desk/)]);
    expect(outcome.notes).toEqual([]);
  });

  it('takes -XPOST, joins several -d with & and defaults to POST with data', () => {
    expect(imported("curl -XPATCH https://h/api/v1/teams/1 -d 'a=1'").spec.method).toBe('PATCH');
    const outcome = imported("curl https://h/api/v1/teams -d 'a=1' --data-binary 'b=2'");
    expect(outcome.spec).toMatchObject({ method: 'POST', body: 'a=1&b=2' });
  });

  it('moves data into the query with -G', () => {
    const outcome = imported(
      `curl -G https://h/api/v1/providers --data-urlencode 'filter=name eq "GitHub"' -d page_size=10`,
    );
    expect(outcome.spec.method).toBe('GET');
    expect(outcome.spec.body).toBeUndefined();
    expect(outcome.spec.query).toEqual([
      { name: 'filter', value: 'name eq "GitHub"', enabled: true },
      { name: 'page_size', value: '10', enabled: true },
    ]);
  });

  it('sets JSON headers for --json and reads --url', () => {
    const outcome = imported(`curl --json '{"name":"x"}' --url https://h/api/v1/teams`);
    expect(outcome.spec).toEqual({
      method: 'POST',
      path: '/api/v1/teams',
      query: [],
      headers: [
        { name: 'Content-Type', value: 'application/json', enabled: true },
        { name: 'Accept', value: 'application/json', enabled: true },
      ],
      body: '{"name":"x"}',
    });
  });

  it("reads Chrome's $'...' quoting and PowerShell's backtick continuations", () => {
    expect(
      imported("curl $'https://h/api/v1/teams' --data-raw $'{\"a\":\"it\\'s\\n\\u00fc\"}'").spec
        .body,
    ).toBe('{"a":"it\'s\nü"}');
    const powershell = imported(
      'curl.exe -X DELETE "$env:VEZA_URL/api/v1/teams/7" `\n  -H "Authorization: Bearer $env:VEZA_TOKEN" `\n  -H \'X-Note: it\'\'s\'',
    );
    expect(powershell.shell).toBe('powershell');
    expect(powershell.base).toEqual({ kind: 'variable', name: 'VEZA_URL' });
    expect(powershell.spec).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/teams/7',
      headers: [{ name: 'X-Note', value: "it's" }],
    });
  });

  it('says why it cannot read other text', () => {
    expect(importCurl('wget https://h/')).toEqual({
      ok: false,
      reason: expect.stringMatching(/not a curl command/),
    });
    expect(importCurl('curl -s')).toEqual({
      ok: false,
      reason: expect.stringMatching(/no address/),
    });
    expect(importCurl('curl -I https://h/x')).toEqual({
      ok: false,
      reason: expect.stringMatching(/HEAD/),
    });
  });

  it('does not take URL encoding for a cmd variable', () => {
    expect(imported("curl 'https://h/api/v1/teams/%C3%BC%C3%A9'").shell).toBe('bash');
  });
});

describe.each(Object.entries(nastyRequests))('round trip of %s', (_name, spec) => {
  it('bash snippet -> import gives the same request', () => {
    const outcome = imported(curlBashSnippet(spec));
    expect(outcome.shell).toBe('bash');
    expect(outcome.spec).toEqual(asSent(spec));
    expect(outcome.base).toEqual({ kind: 'variable', name: 'VEZA_URL' });
    expect(outcome.foundKey).toBeUndefined();
  });

  it('cmd snippet -> import gives the same request', () => {
    const outcome = imported(curlCmdSnippet(spec));
    expect(outcome.shell).toBe('cmd');
    expect(outcome.spec).toEqual(asSent(spec));
    expect(outcome.base).toEqual({ kind: 'variable', name: 'VEZA_URL' });
  });
});
