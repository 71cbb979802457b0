import { existsSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/start-sandbox';
import { call } from './support/call-sandbox';

describe('https with a private CA', () => {
  it('is trusted through the CA file it writes, and removes that file on close', async () => {
    const sandbox = await startSandbox({ https: true, caFile: true });
    const caFile = sandbox.caFile ?? '';
    try {
      expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(readFileSync(caFile, 'utf8')).toBe(sandbox.caPem);
      const agent = new Agent({ connect: { ca: readFileSync(caFile) } });
      const answer = await request(`${sandbox.url}/api/v1/providers`, {
        dispatcher: agent,
        headers: { authorization: `Bearer ${sandbox.keys.admin}` },
      });
      expect(answer.statusCode).toBe(200);
      expect(((await answer.body.json()) as { values: unknown[] }).values.length).toBeGreaterThan(
        0,
      );
      await agent.close();
    } finally {
      await sandbox.close();
    }
    expect(existsSync(caFile)).toBe(false);
  });

  it('is refused by a client that does not trust the CA', async () => {
    const sandbox = await startSandbox({ https: true });
    try {
      const outcome = await request(`${sandbox.url}/api/v1/users/self`).then(
        () => 'trusted',
        (error: { code?: string; cause?: { code?: string } }) => error.code ?? error.cause?.code,
      );
      expect(outcome).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    } finally {
      await sandbox.close();
    }
  });

  it('serves a certificate valid for localhost, 127.0.0.1 and ::1', async () => {
    const sandbox = await startSandbox({ https: true });
    try {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        https
          .get(
            {
              host: '127.0.0.1',
              port: sandbox.port,
              path: '/',
              servername: 'localhost',
              ca: sandbox.caPem,
            },
            (response) => {
              response.resume();
              resolve(response.statusCode);
            },
          )
          .on('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('writes the CA to a path of the caller’s choosing', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = `${mkdtempSync(`${tmpdir()}/sandbox-ca-test-`)}/ca.pem`;
    const sandbox = await startSandbox({ https: true, caFile: path });
    await sandbox.close();
    expect(readFileSync(path, 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});

describe('loopback only', () => {
  it.each(['0.0.0.0', '::', 'localhost', '192.168.1.10', 'example.com'])(
    'refuses to bind to %s',
    async (host) => {
      await expect(startSandbox({ host })).rejects.toThrow(/loopback only/);
    },
  );

  it('binds to 127.0.0.1 by default and to ::1 when asked', async () => {
    const v4 = await startSandbox();
    const v6 = await startSandbox({ host: '::1' });
    try {
      expect(v4.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await call(v6, 'GET', '/api/v1/users/self')).status).toBe(200);
    } finally {
      await v4.close();
      await v6.close();
    }
  });

  it('runs several instances side by side with separate state', async () => {
    const [a, b] = await Promise.all([startSandbox(), startSandbox()]);
    try {
      expect(a.port).not.toBe(b.port);
      a.faults.add({ kind: 'serverError', status: 500 });
      expect((await call(a, 'GET', '/api/v1/users/self')).status).toBe(500);
      expect((await call(b, 'GET', '/api/v1/users/self')).status).toBe(200);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
