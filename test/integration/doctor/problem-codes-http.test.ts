import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordProducedCode } from '../../support/produced-codes';
import { readJsonAnswer } from '../../../src/main/core/veza/read-json-answer';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { problemFromVezaResponse } from '../../../src/shared/veza/problem-from-veza-response';
import { startHttpServer, type Handler, type TestServer } from '../../support/network/servers';
import {
  expectFailedAt,
  expectNoCertificateBypass,
  loopbackTransport,
  runVerify,
  statusOf,
} from './support/verify-harness';

// The HTTP answer and Veza's verdict on the key: the simulated Veza with its faults and its
// cast of keys, and for answers only another server gives (a web page, someone else's JSON,
// a redirect loop) a small server of that kind.
let sandbox: Sandbox;
const servers: TestServer[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ https: true, caFile: true });
});
afterEach(async () => {
  sandbox.faults.clear();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => sandbox.close());

const check = (
  key: string = sandbox.keys.admin,
  extra: Parameters<typeof runVerify>[0] = { address: sandbox.url },
) => runVerify({ network: { caFile: sandbox.caFile }, ...extra, key });

async function other(handler: Handler): Promise<string> {
  const server = await startHttpServer(handler);
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

describe('the HTTP answer', () => {
  it('HTTP_TIMEOUT: Veza accepts the connection but never answers', async () => {
    sandbox.faults.add({ kind: 'hang' });
    const result = await check(sandbox.keys.admin, {
      address: sandbox.url,
      network: { caFile: sandbox.caFile, timeouts: { firstByteMs: 300 } },
    });
    expectFailedAt(result, 'http', 'HTTP_TIMEOUT');
  });

  it('HTTP_NOT_VEZA: a web page at the address', async () => {
    const address = await other((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>');
    });
    const result = await check(sandbox.keys.admin, { address });
    expectFailedAt(result, 'http', 'HTTP_NOT_VEZA');
    expect(result.problem?.detail.raw).toContain('nginx');
  });

  it('HTTP_NOT_VEZA: JSON that is not Veza’s (another API at that address)', async () => {
    const address = await other(json(200, { status: 'UP', components: { db: 'UP' } }));
    expectFailedAt(await check(sandbox.keys.admin, { address }), 'http', 'HTTP_NOT_VEZA');
  });

  it('HTTP_LOGIN_REDIRECT: a company sign-in page instead of the API (ssoPage)', async () => {
    sandbox.faults.add({ kind: 'ssoPage' });
    expectFailedAt(await check(), 'http', 'HTTP_LOGIN_REDIRECT');
  });

  it('HTTP_LOGIN_REDIRECT: a redirect to the sign-in page (ssoRedirect), followed', async () => {
    sandbox.faults.add({ kind: 'ssoRedirect' });
    const result = await check();
    expectFailedAt(result, 'http', 'HTTP_LOGIN_REDIRECT');
    expect(result.problem?.detail.url).toContain('/sso/login');
  });

  it('HTTP_NOT_FOUND: Veza’s NotFound envelope for the identity call', async () => {
    const address = await other(
      json(404, {
        code: 'NotFound',
        message: 'Not Found',
        request_id: '0123456789abcdef0123456789abcdef',
      }),
    );
    const result = await check(sandbox.keys.admin, { address });
    expectFailedAt(result, 'http', 'HTTP_NOT_FOUND');
    expect(result.problem?.detail.requestId).toBe('0123456789abcdef0123456789abcdef');
  });

  it('HTTP_BAD_REQUEST: Veza refuses the request itself (InvalidArgument)', async () => {
    const address = await other(
      json(400, { code: 'InvalidArgument', message: 'Invalid Arguments', request_id: 'abc123' }),
    );
    expectFailedAt(await check(sandbox.keys.admin, { address }), 'http', 'HTTP_BAD_REQUEST');
  });

  it('HTTP_TOO_MANY_REDIRECTS: the address redirects in a loop', async () => {
    const address = await other((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end();
    });
    expectFailedAt(await check(sandbox.keys.admin, { address }), 'http', 'HTTP_TOO_MANY_REDIRECTS');
  });

  it('HTTP_BODY_INCOMPLETE: the answer stops half-way (truncate)', async () => {
    sandbox.faults.add({ kind: 'truncate', fraction: 0.5 });
    expectFailedAt(await check(), 'http', 'HTTP_BODY_INCOMPLETE');
  });

  it('HTTP_BODY_TOO_LARGE: an answer over the transport’s body limit', async () => {
    const result = await runVerify(
      { address: sandbox.url, key: sandbox.keys.admin, network: { caFile: sandbox.caFile } },
      { openTransport: loopbackTransport({ defaults: { limits: { maxBodyBytes: 64 } } }) },
    );
    expectFailedAt(result, 'http', 'HTTP_BODY_TOO_LARGE');
  });

  it('REQUEST_CANCELLED: the user cancels while Veza is silent', async () => {
    sandbox.faults.add({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await runVerify(
      { address: sandbox.url, key: sandbox.keys.admin, network: { caFile: sandbox.caFile } },
      { signal: controller.signal },
    );
    expectFailedAt(result, 'http', 'REQUEST_CANCELLED');
  });

  /** A server that starts answering and then sends one byte every 100 ms, for ever. */
  const trickle: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"value": {"name": "');
    const timer = setInterval(() => res.write('x'), 100);
    res.on('close', () => clearInterval(timer));
  };

  it('CHECK_TIMEOUT: an answer that trickles in cannot hold the check past its limit', async () => {
    const address = await other(trickle);
    const result = await check(sandbox.keys.admin, { address, checkMs: 1_500 });
    expectFailedAt(result, 'http', 'CHECK_TIMEOUT');
    expect(result.problem?.explanation).toContain('time limit of 1.5 seconds');
    expect(result.problem?.fix.join(' ')).toContain('"Check time limit (seconds)"');
  });

  it('CHECK_TIMEOUT: the deadline covers the whole check, the reach probe after who-am-I too', async () => {
    const address = await other((req, res) => {
      if (req.url === '/api/v1/users/self')
        return json(200, { value: { id: 'u-1', name: 'Alice' } })(req, res);
      return trickle(req, res);
    });
    const result = await check(sandbox.keys.admin, { address, checkMs: 1_500 });
    expectFailedAt(result, 'permission', 'CHECK_TIMEOUT');
  });

  it('RATE_LIMITED, with the wait in seconds from Retry-After', async () => {
    sandbox.faults.add({ kind: 'rateLimit', retryAfterSeconds: 7 });
    const result = await check();
    expectFailedAt(result, 'http', 'RATE_LIMITED');
    expect(result.problem?.detail.facts?.seconds).toBe('7');
    expect(`${result.problem?.title} ${result.problem?.explanation}`).toMatch(/\b7 seconds?\b/);
  });

  it.each([
    [500, 'SERVER_ERROR'],
    [502, 'GATEWAY_UNAVAILABLE'],
    [504, 'GATEWAY_UNAVAILABLE'],
    [503, 'SERVICE_UNAVAILABLE'],
  ] as const)('%s is %s', async (status, code) => {
    sandbox.faults.add({ kind: 'serverError', status });
    const result = await check();
    expectFailedAt(result, 'http', code);
    expect(result.problem?.detail.status).toBe(status);
  });

  it('a server error on the reach probe fails the permission step, not the key', async () => {
    sandbox.faults.add({ kind: 'serverError', status: 500, pathPrefix: '/api/v1/providers' });
    expectFailedAt(await check(), 'permission', 'SERVER_ERROR');
  });
});

describe('Veza’s verdict on the key', () => {
  /** A real key with one character of its secret changed: well-formed, but no key of Veza's. */
  function mistype(key: string): string {
    const decoded = Buffer.from(key, 'base64').toString('latin1');
    const last = decoded.at(-1) === '0' ? '1' : '0';
    return Buffer.from(decoded.slice(0, -1) + last, 'latin1').toString('base64');
  }

  it.each([
    ['mistyped', () => mistype(sandbox.keys.admin), /not found/i],
    ['revoked', () => sandbox.keys.revoked, /revoked/i],
    ['deleted', () => sandbox.keys.deleted, /deleted/i],
    [
      'owner removed from the team',
      () => sandbox.keys.removedFromTeam,
      /removed from the key's team/i,
    ],
    [
      'owner removed from the platform',
      () => sandbox.keys.removedFromPlatform,
      /removed from the platform/i,
    ],
  ] as const)(
    'AUTH_INVALID_KEY: %s, and the server’s words say which',
    async (_cause, key, words) => {
      const result = await check(key());
      expectFailedAt(result, 'auth', 'AUTH_INVALID_KEY');
      expect(result.problem?.detail.status).toBe(401);
      expect(result.problem?.detail.serverMessage).toMatch(words);
      expect(result.problem?.detail.requestId).toMatch(/^[0-9a-f]{32}$/);
    },
  );

  it('AUTH_INVALID_KEY when Veza gives one word for every cause (generic messages)', async () => {
    sandbox.configure({ authMessages: 'generic' });
    try {
      const result = await check(sandbox.keys.revoked);
      expectFailedAt(result, 'auth', 'AUTH_INVALID_KEY');
      expect(result.problem?.detail.serverMessage).toBe('Invalid or expired credentials');
    } finally {
      sandbox.configure({ authMessages: 'specific' });
    }
  });

  it.each([
    ['base64 that is no key', Buffer.from('this is not a veza api key at all').toString('base64')],
    ['URL-safe base64 Veza does not take', 'dmV6YS1zYW5kYm94_personal-key_abcdef'],
  ])(
    'AUTH_INVALID_KEY: %s (our format check passed it), quoting Veza’s text',
    async (_what, key) => {
      // Veza says "Invalid/Malformed API key" of its form, but the doctor sends only keys that
      // passed its own format check: Veza does not know this key.
      const result = await check(key);
      expectFailedAt(result, 'auth', 'AUTH_INVALID_KEY');
      expect(result.problem?.detail.serverMessage).toMatch(/^(Invalid|Malformed) API key: /);
    },
  );

  it('FORBIDDEN_ROLE: a user with no roles at all is refused the reads', async () => {
    const user = sandbox.control.createUser({
      name: 'Nora Noroles',
      roles: [],
      teamIds: [sandbox.demo.teams.platform],
    });
    const { key } = sandbox.control.createPersonalKey({
      userId: user.id,
      teamId: sandbox.demo.teams.platform,
    });
    const result = await check(key);
    expectFailedAt(result, 'permission', 'FORBIDDEN_ROLE');
    expect(result.problem?.detail.status).toBe(403);
  });

  // verify() never answers FORBIDDEN_TEAM_KEY by design: a team key refused the providers
  // list but allowed the OAA templates IS a working team key (OK_TEAM_KEY). The code belongs
  // to the request runner, when a team key calls something outside OAA. It is produced here
  // from a real sandbox answer to exactly that, through problemFromVezaResponse.
  it('FORBIDDEN_TEAM_KEY: a team key calling a non-OAA endpoint (the request runner’s verdict)', async () => {
    const transport = loopbackTransport()();
    try {
      const response = await transport.send(
        { method: 'GET', url: `${sandbox.url}/api/v1/providers` },
        {
          network: { caFile: sandbox.caFile },
          credentials: { origin: sandbox.url, authorization: `Bearer ${sandbox.keys.team}` },
        },
      );
      const answer = await readJsonAnswer(response);
      expect(answer.status).toBe(403);
      const problem = problemFromVezaResponse({
        status: answer.status,
        body: answer.text,
        keyKind: 'team',
        host: '127.0.0.1',
        url: `${sandbox.url}/api/v1/providers`,
      });
      expect(problem?.code).toBe('FORBIDDEN_TEAM_KEY');
      recordProducedCode(problem?.code);
      expect(problem?.detail.requestId).toMatch(/^[0-9a-f]{32}$/);
      expectNoCertificateBypass({ problem } as never);
    } finally {
      await transport.close();
    }
    // ...while verify() calls the same key a working team key.
    expect((await check(sandbox.keys.team)).outcome).toBe('OK_TEAM_KEY');
  });
});

describe('success', () => {
  const allPassed = {
    url: 'passed',
    key: 'passed',
    proxy: 'skipped',
    dns: 'passed',
    tcp: 'passed',
    tls: 'passed',
    http: 'passed',
    auth: 'passed',
    permission: 'passed',
    identity: 'passed',
  };

  it('OK_PERSONAL_KEY: who, kind, reach and latency', async () => {
    const result = await check(sandbox.keys.operator);
    expect(result).toMatchObject({ ok: true, outcome: 'OK_PERSONAL_KEY', keyKind: 'personal' });
    expect(result.problem).toBeUndefined();
    expect(statusOf(result)).toEqual(allPassed);
    expect(result.identity?.roles).toContain('operator');
    expect(result.reach?.providers).toBeGreaterThan(0);
    expect(result.latencyMs).toBeGreaterThan(0);
  });

  it.each([403, 401] as const)(
    'OK_TEAM_KEY: told apart by what it may call (team keys refused with %s)',
    async (status) => {
      sandbox.configure({ teamKeyRefusalStatus: status });
      try {
        const result = await check(sandbox.keys.team);
        expect(result).toMatchObject({ ok: true, outcome: 'OK_TEAM_KEY', keyKind: 'team' });
        expect(statusOf(result)).toEqual(allPassed);
        expect(result.identity?.roles).toContain('oaa_push');
        expect(result.reach?.customProviderTemplates).toBeGreaterThan(0);
      } finally {
        sandbox.configure({ teamKeyRefusalStatus: 403 });
      }
    },
  );
});
