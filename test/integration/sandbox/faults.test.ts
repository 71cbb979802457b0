import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { internalErrorMessage } from '../../../src/sandbox/http/api-error';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call } from './support/call-sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterEach(() => sandbox.faults.clear());
afterAll(() => sandbox.close());

const providers = '/api/v1/providers';
const get = (path = providers) => call(sandbox, 'GET', path);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

describe('faults switched at runtime', () => {
  it('adds latency (fault and instance-wide setting stack)', async () => {
    const [, fast] = await timed(() => get());
    sandbox.faults.add({ kind: 'latency', ms: 150 });
    sandbox.configure({ latencyMs: 100 });
    try {
      const [answer, slow] = await timed(() => get());
      expect(answer.status).toBe(200);
      expect(slow).toBeGreaterThanOrEqual(245);
      expect(slow).toBeGreaterThan(fast);
    } finally {
      sandbox.configure({ latencyMs: 0 });
    }
  });

  it('answers 429 with Retry-After, before even looking at the key', async () => {
    sandbox.faults.add({ kind: 'rateLimit', retryAfterSeconds: 7 });
    const answer = await call(sandbox, 'GET', providers, { key: 'garbage!' });
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('7');
    expect(answer.json).toMatchObject({
      code: 'ResourceExhausted',
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it("answers 500 with Veza's Internal envelope and support message", async () => {
    sandbox.faults.add({ kind: 'serverError', status: 500 });
    const answer = await get();
    expect(answer.status).toBe(500);
    expect(answer.json).toMatchObject({ code: 'Internal', message: internalErrorMessage });
    expect(answer.json.message).toContain('support@veza.com');
  });

  it('answers 502 as a gateway HTML page and 503 as an Unavailable envelope', async () => {
    sandbox.faults.add({ kind: 'serverError', status: 502, times: 1 });
    const gateway = await get();
    expect(gateway.status).toBe(502);
    expect(gateway.headers['content-type']).toMatch(/^text\/html/);
    expect(gateway.text).toContain('502 Bad Gateway');
    sandbox.faults.add({ kind: 'serverError', status: 503, retryAfterSeconds: 30 });
    const unavailable = await get();
    expect(unavailable.status).toBe(503);
    expect(unavailable.json.code).toBe('Unavailable');
    expect(unavailable.headers['retry-after']).toBe('30');
  });

  it('answers an SSO login page (200 text/html) instead of JSON', async () => {
    sandbox.faults.add({ kind: 'ssoPage' });
    const answer = await get();
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.text).toMatch(/Sign in to Veza/);
    expect(answer.json).toBeUndefined();
  });

  it('redirects to the SSO page on this server, which serves it even while the fault is on', async () => {
    sandbox.faults.add({ kind: 'ssoRedirect' });
    const answer = await get();
    expect(answer.status).toBe(302);
    const location = String(answer.headers.location);
    expect(location).toBe(`/sso/login?RelayState=${encodeURIComponent(providers)}`);
    const page = await call(sandbox, 'GET', location, { key: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="/api/v1/providers"');
  });

  it('redirects to another origin when given one', async () => {
    sandbox.faults.add({ kind: 'ssoRedirect', location: 'http://127.0.0.1:9/sso/saml' });
    expect((await get()).headers.location).toBe('http://127.0.0.1:9/sso/saml');
  });

  it('can hang: no bytes at all until the client gives up', async () => {
    sandbox.faults.add({ kind: 'hang', pathPrefix: '/api/v1/users' });
    const agent = new Agent({ headersTimeout: 300 });
    try {
      const [outcome, ms] = await timed(() =>
        request(`${sandbox.url}/api/v1/users/self`, {
          dispatcher: agent,
          headers: { authorization: `Bearer ${sandbox.keys.admin}` },
        }).then(
          () => 'answered',
          (error: { code?: string }) => error.code,
        ),
      );
      expect(outcome).toBe('UND_ERR_HEADERS_TIMEOUT');
      expect(ms).toBeGreaterThanOrEqual(280);
      expect((await get()).status).toBe(200); // other paths are unaffected
    } finally {
      await agent.close();
    }
  });

  it('can cut a body mid-way: Content-Length promises more than arrives', async () => {
    sandbox.faults.add({ kind: 'truncate', fraction: 0.5 });
    const response = await request(`${sandbox.url}${providers}`, {
      headers: { authorization: `Bearer ${sandbox.keys.admin}` },
    });
    expect(response.statusCode).toBe(200);
    const promised = Number(response.headers['content-length']);
    let received = 0;
    const outcome = await (async () => {
      for await (const chunk of response.body) received += (chunk as Buffer).length;
      return 'complete';
    })().catch(() => 'cut');
    expect(outcome).toBe('cut');
    expect(received).toBeLessThan(promised);
  });

  it('can trickle a body slowly, complete in the end', async () => {
    sandbox.faults.add({
      kind: 'trickle',
      chunkBytes: 64,
      intervalMs: 20,
      pathPrefix: '/api/v1/users/self',
    });
    const [answer, ms] = await timed(() => get('/api/v1/users/self'));
    expect(answer.status).toBe(200);
    const chunks = Math.ceil(answer.text.length / 64);
    expect(ms).toBeGreaterThanOrEqual((chunks - 1) * 20);
    expect(answer.json.value.name).toBe('Alice Admin');
  });

  it('scopes faults by path prefix, method and count, and lists and removes them', async () => {
    sandbox.faults.add({ kind: 'serverError', status: 500, method: 'POST' });
    const id = sandbox.faults.add({ kind: 'rateLimit', pathPrefix: '/api/v1/teams', times: 2 });
    expect(sandbox.faults.list().map((f) => f.kind)).toEqual(['serverError', 'rateLimit']);
    expect((await get()).status).toBe(200);
    expect((await get('/api/v1/teams')).status).toBe(429);
    expect((await get('/api/v1/teams')).status).toBe(429);
    expect((await get('/api/v1/teams')).status).toBe(200); // used up
    expect(sandbox.faults.list().map((f) => f.id)).not.toContain(id);
    expect((await call(sandbox, 'POST', '/api/v1/teams', { body: { name: 'x' } })).status).toBe(
      500,
    );
    sandbox.faults.clear();
    expect(sandbox.faults.list()).toEqual([]);
  });

  it('takes faults at start', async () => {
    const faulty = await startSandbox({ faults: [{ kind: 'serverError', status: 503 }] });
    try {
      expect((await call(faulty, 'GET', providers)).status).toBe(503);
    } finally {
      await faulty.close();
    }
  });

  it('closes promptly even with a hanging request open', async () => {
    const doomed = await startSandbox({ faults: [{ kind: 'hang' }] });
    const pending = request(`${doomed.url}${providers}`).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [, ms] = await timed(() => doomed.close());
    expect(ms).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
