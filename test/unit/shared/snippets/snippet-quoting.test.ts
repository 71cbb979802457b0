import { describe, expect, it } from 'vitest';
import { curlCmdSnippet } from '../../../../src/shared/snippets/curl-cmd';
import { powershellSnippet } from '../../../../src/shared/snippets/powershell';
import { snippetTargets } from '../../../../src/shared/snippets/snippet-targets';
import { buildRequestTarget } from '../../../../src/shared/requests/build-request-url';
import { effectiveHeaders } from '../../../../src/shared/requests/effective-headers';
import { cmdToArgv } from '../../../support/shell-models/cmd-command-line';
import {
  readAssignedLiteral,
  readHeaderTable,
  readSingleQuoted,
} from '../../../support/shell-models/powershell-literals';
import { nastyRequests } from './nasty-requests';
import type { RequestSpec } from '../../../../src/shared/requests/request-spec';

const env = {
  VEZA_URL: 'https://acme.vezacloud.com',
  VEZA_TOKEN: 'a2V5',
  PATH: 'C:\\Windows',
  HOME: 'C:\\Users\\x',
};

describe('the seed-style shape of each snippet', () => {
  const seedCheck = nastyRequests['the seed check'] as RequestSpec;
  it("bash is the seed's own check", () => {
    expect(snippetTargets[0]?.generate(seedCheck)).toBe(
      'curl -X GET "$VEZA_URL/api/v1/providers" \\\n  -H "Authorization: Bearer $VEZA_TOKEN"',
    );
  });
  it('cmd reads %VEZA_URL% and %VEZA_TOKEN%', () => {
    expect(curlCmdSnippet(seedCheck)).toBe(
      'curl.exe -X GET "%VEZA_URL%/api/v1/providers" ^\n  -H "Authorization: Bearer %VEZA_TOKEN%"',
    );
  });
  it('PowerShell reads $env:VEZA_URL and $env:VEZA_TOKEN', () => {
    expect(powershellSnippet(seedCheck)).toBe(
      'Invoke-RestMethod -Method Get -Uri "$env:VEZA_URL/api/v1/providers" `\n  -Headers @{ Authorization = "Bearer $env:VEZA_TOKEN" }',
    );
  });
  it('Python reads os.environ', () => {
    const python = snippetTargets[3]?.generate(seedCheck) ?? '';
    expect(python).toContain("url = os.environ['VEZA_URL'] + '/api/v1/providers'");
    expect(python).toContain("'Authorization': 'Bearer ' + os.environ['VEZA_TOKEN'],");
    expect(python).toContain("requests.request('GET', url, headers=headers)");
  });
});

describe.each(Object.entries(nastyRequests))('%s', (_name, spec) => {
  const headers = effectiveHeaders(spec);

  it('cmd hands curl.exe exactly the request (cmd + C runtime model)', () => {
    const argv = cmdToArgv(curlCmdSnippet(spec), env);
    const expected = [
      'curl.exe',
      '-X',
      spec.method,
      env.VEZA_URL + buildRequestTarget(spec),
      '-H',
      `Authorization: Bearer ${env.VEZA_TOKEN}`,
      ...headers.flatMap((row) => ['-H', `${row.name}: ${row.value}`]),
      ...(spec.body ? ['--data-raw', spec.body] : []),
    ];
    expect(argv).toEqual(expected);
  });

  it('PowerShell literals read back to exactly the request', () => {
    const script = powershellSnippet(spec);
    const uri = /-Uri (\(\$env:VEZA_URL \+ |"\$env:VEZA_URL)/.exec(script);
    const target = uri?.[1]?.startsWith('(')
      ? readSingleQuoted(script, (uri.index ?? 0) + uri[0].length).value
      : /-Uri "\$env:VEZA_URL([^"]*)"/.exec(script)?.[1];
    expect(target).toBe(buildRequestTarget(spec));
    const contentType = headers.find((row) => row.name.toLowerCase() === 'content-type');
    expect(readHeaderTable(script)).toEqual([
      ['Authorization', 'Bearer $env:VEZA_TOKEN'],
      ...headers.filter((row) => row !== contentType).map((row) => [row.name, row.value]),
    ]);
    if (spec.body) {
      expect(readAssignedLiteral(script, 'body')).toBe(spec.body);
      expect(script).toMatch(/-ContentType 'application\/json/);
    } else {
      expect(script).not.toContain('-Body');
    }
  });

  it('no snippet holds a key, each reads both variables', () => {
    for (const target of snippetTargets) {
      const code = target.generate(spec);
      expect(code).toMatch(/VEZA_URL/);
      expect(code).toMatch(/VEZA_TOKEN/);
      expect(code).not.toMatch(/Bearer [A-Za-z0-9+/=]{8,}/);
    }
  });
});

describe('PowerShell bodies that would end a here-string', () => {
  it('fall back to a single-quoted string with typographic quotes doubled', () => {
    const body = "line\n'@ ends it ‘quoted’";
    const script = powershellSnippet({ method: 'POST', path: '/x', query: [], headers: [], body });
    expect(script).not.toContain("@'\n");
    expect(readAssignedLiteral(script, 'body')).toBe(body);
  });
  it('name UTF-8 for a non-ASCII body (Windows PowerShell would send Latin-1)', () => {
    const script = powershellSnippet({
      method: 'POST',
      path: '/x',
      query: [],
      headers: [],
      body: '{"a":"ü"}',
    });
    expect(script).toContain("-ContentType 'application/json; charset=utf-8'");
  });
});
