import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlBashSnippet } from '../../../../src/shared/snippets/curl-bash';
import { pythonRequestsSnippet } from '../../../../src/shared/snippets/python-requests';
import { buildRequestTarget } from '../../../../src/shared/requests/build-request-url';
import { effectiveHeaders } from '../../../../src/shared/requests/effective-headers';
import type { RequestSpec } from '../../../../src/shared/requests/request-spec';
import { startEchoServer } from '../../../support/echo-server';
import { nastyRequests } from './nasty-requests';
import { runWithVezaEnv } from '../../../support/run-with-veza-env';

// The bash and Python snippets are run for real (bash + curl, python3 + requests) against a
// server on 127.0.0.1, which must receive exactly the request the app would send.
const key = 'c2VjcmV0LWtleS0xMjM0NQ==';
let echo: Awaited<ReturnType<typeof startEchoServer>>;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

const run = (command: string, args: string[]) =>
  runWithVezaEnv(command, args, { url: echo.origin, token: key });

function expectReceived(spec: RequestSpec) {
  const request = echo.received.at(-1);
  expect(request?.method).toBe(spec.method);
  expect(request?.target).toBe(buildRequestTarget(spec));
  expect(request?.headers.authorization).toBe(`Bearer ${key}`);
  for (const row of effectiveHeaders(spec)) {
    expect(request?.headers[row.name.toLowerCase()], row.name).toBe(row.value);
  }
  expect(request?.body).toBe(spec.body ?? '');
}

describe.each(Object.entries(nastyRequests))('%s', (_name, spec) => {
  it('curl in bash sends exactly the request', async () => {
    const snippet = curlBashSnippet(spec);
    expect(snippet).not.toContain(key);
    expect(await run('bash', ['-c', `${snippet} --silent --show-error`])).toBe('{"ok":true}');
    expectReceived(spec);
  });

  it('Python requests sends exactly the request', async () => {
    const snippet = pythonRequestsSnippet(spec);
    expect(snippet).not.toContain(key);
    expect(await run('python3', ['-c', snippet])).toBe('200\n{"ok":true}\n');
    expectReceived(spec);
  });
});
