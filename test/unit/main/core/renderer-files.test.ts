import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRendererFile } from '../../../../src/main/core/renderer-files';
import { contentSecurityPolicy } from '../../../../src/shared/security/content-security-policy';

describe('readRendererFile (app:// and the e2e server)', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'veza-renderer-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<html></html>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'outside the root');
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves index.html for / with the CSP header', async () => {
    const file = await readRendererFile(root, '/');
    expect(file.status).toBe(200);
    expect(file.body.toString()).toBe('<html></html>');
    expect(file.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(file.headers['Content-Type']).toMatch(/text\/html/);
  });

  it('serves assets with their type', async () => {
    const file = await readRendererFile(root, '/assets/app.js?v=1');
    expect(file.status).toBe(200);
    expect(file.headers['Content-Type']).toMatch(/javascript/);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%E0%A4%A',
    '/missing.js',
  ])('refuses %s', async (urlPath) => {
    const file = await readRendererFile(root, urlPath);
    expect(file.status).toBe(404);
    expect(file.body.toString()).not.toContain('outside the root');
  });
});
