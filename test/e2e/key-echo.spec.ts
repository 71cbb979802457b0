import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startKeyEchoServer, type KeyEchoServer } from '../support/key-echo-server';
import { test, expect, type AppHarness } from './support/app-fixture';
import { describeHits, KeySearch } from './support/key-forms';
import { pageSnapshot } from './support/page-snapshot';

// A server that quotes the Authorization header back everywhere it can (headers, small and
// large bodies, HTML, a redirect's address, Veza's 401 envelope). Main must mask the key in
// every answer before the request workspace, history, the doctor or the CLI see it.

const cli = path.resolve(__dirname, '../../out/main/cli.js');

/** A made-up key with "+" or "/" in it, so its URL-encoded form differs from it. */
function makeKey(): string {
  for (;;) {
    const key = randomBytes(36).toString('base64');
    if (/[+/]/.test(key)) return key;
  }
}

/** Every regular file under a folder, with its bytes. */
async function filesUnder(folder: string): Promise<{ file: string; data: Buffer }[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { file: path.relative(folder, file), data: await readFile(file) };
      }),
  );
}

/** The Authorization headers that reached the echo server with this key, per path. */
const keyedPaths = (echo: KeyEchoServer, key: string) =>
  new Set(
    echo.received
      .filter((request) => request.authorization === `Bearer ${key}`)
      .map((request) => new URL(request.target, 'http://x').pathname),
  );

const response = (app: AppHarness) =>
  app.page.getByRole('region', { name: 'Response', exact: true });

const sendResults = (app: AppHarness) =>
  app.records.filter((record) => record.direction === 'result' && record.name === 'requests.send');

/** Types the path and query parameters, presses Send and waits for this answer. */
async function send(
  app: AppHarness,
  target: string,
  status: string,
  query: Record<string, string> = {},
) {
  const { page } = app;
  const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
  await path.fill(target);
  await path.press('Escape');
  const remove = page.getByRole('button', { name: /^Remove parameter/ });
  while ((await remove.count()) > 0) await remove.first().click();
  for (const [index, [name, value]] of Object.entries(query).entries()) {
    await page.getByRole('button', { name: 'Add parameter' }).click();
    await page.getByRole('textbox', { name: `parameter ${index + 1} name` }).fill(name);
    await page.getByRole('textbox', { name: `parameter ${index + 1} value` }).fill(value);
  }
  const before = sendResults(app).length;
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => sendResults(app).length).toBe(before + 1);
  await expect(response(app)).toContainText(status);
}

test.describe('a server that echoes the key back', () => {
  let echo: KeyEchoServer;
  test.beforeEach(async () => {
    echo = await startKeyEchoServer();
  });
  test.afterEach(async () => {
    await echo.close();
  });

  test('requests (small, large, HTML, redirect, refusal), history and Verify: the key is masked everywhere', async ({
    app,
  }) => {
    test.setTimeout(90_000);
    const { page } = app;
    const key = makeKey();
    const search = new KeySearch([{ key, source: 'the test key' }]);
    const snapshots: { name: string; text: string }[] = [];
    const snapshot = async (name: string) =>
      snapshots.push({ name, text: await pageSnapshot(page) });

    // Added through the form, as a user does: the one call that may carry the key.
    await page.getByRole('button', { name: 'Add instance' }).click();
    const form = page.getByRole('dialog', { name: 'Add instance' });
    await form.getByLabel('Name').fill('Echo');
    await form.getByRole('textbox', { name: 'Address' }).fill(echo.origin);
    await form.getByLabel('API key', { exact: true }).fill(key);
    await form.getByRole('button', { name: 'Add instance' }).click();
    await expect(form).toBeHidden();
    await page.getByRole('tab', { name: 'Requests' }).click();

    const tree = page.getByRole('tree', { name: 'Response body, formatted' });
    const masked = tree.getByRole('treeitem', { name: /\[redacted\]/ }).first();

    await send(app, '/echo/small', '200 OK');
    await expect(masked).toBeVisible();
    await page.getByRole('tab', { name: /^Headers/ }).click();
    await expect(
      page.getByRole('row', { name: 'X-Echo-Authorization Bearer [redacted]' }),
    ).toBeVisible();
    await snapshot('small answer, headers');

    // Above the 16 KB inline limit (a file under bodies/), and above the transport's memory
    // threshold (a temp file masked in place), gzip-encoded.
    const large: Record<string, string>[] = [{ bytes: '300000' }, { bytes: '2500000', gzip: '1' }];
    for (const query of large) {
      await send(app, '/echo/large', '200 OK', query);
      await expect(masked).toBeVisible();
      await snapshot(`large answer ${query.bytes} bytes`);
    }

    await send(app, '/echo/html', '200 OK');
    await expect(response(app)).toContainText('[redacted]');
    await snapshot('HTML answer');

    // Same origin, so the key went along; the address it ended at quoted the key.
    await send(app, '/echo/redirect', '200 OK');
    await expect(masked).toBeVisible();
    expect(JSON.stringify(sendResults(app).at(-1)?.payload)).toContain('token=[redacted]');
    await snapshot('after a redirect');

    await send(app, '/echo/denied', '401');
    await expect(response(app)).toContainText('API key [redacted] not found');
    await snapshot('401 envelope');

    // Every answer again from history, after a reload (bodies read back from bodies/).
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', { name: 'Echo' })
      .click();
    await page.getByRole('tab', { name: 'Requests' }).click();
    const history = page.getByRole('list', { name: 'Sent requests' });
    await expect(history.getByRole('listitem')).toHaveCount(6);
    // In an order where each answer differs in size from the one before, so a step cannot
    // pass on the answer still shown from the last one.
    const entries: [string, RegExp | string][] = [
      ['GET /echo/small', '"key": "[redacted]"'],
      ['GET /echo/large?bytes=300000', '"key": "[redacted]"'],
      ['GET /echo/redirect', '"key": "[redacted]"'],
      ['GET /echo/html', 'You sent Bearer [redacted]'],
      ['GET /echo/large?bytes=2500000&gzip=1', '"key": "[redacted]"'],
      ['GET /echo/denied', 'API key [redacted] not found'],
    ];
    for (const [name, shows] of entries) {
      const entry = history.getByRole('listitem', { name, exact: true });
      const size = /, ([\d.]+ (?:bytes|KB|MB)),/.exec(await entry.innerText())?.[1] ?? '?';
      await entry.getByRole('button', { name: 'Open' }).click();
      await expect(response(app)).toContainText(`Size${size}`);
      await expect(response(app)).toContainText(shows);
      await snapshot(`${name}, opened from history`);
    }

    // Verify: who the key acts as (the echoed name), then the refusal with the key quoted.
    const verify = async () => {
      await page
        .getByRole('group', { name: 'Instance actions' })
        .getByRole('button', { name: 'Verify' })
        .click();
      const panel = page.getByRole('tabpanel', { name: 'Verify' });
      await expect(panel.getByRole('status').filter({ hasText: 'Check finished.' })).toBeVisible();
      return panel;
    };
    await expect(await verify()).toContainText('Echo [redacted]');
    await snapshot('Verify, accepted');
    echo.settings.refuse = true;
    await expect(await verify()).toContainText('[redacted]');
    await snapshot('Verify, refused');

    // The server did get the key on every path, so the checks below can fail.
    expect([...keyedPaths(echo, key)].sort()).toEqual([
      '/api/v1/providers',
      '/api/v1/users/self',
      '/echo/denied',
      '/echo/html',
      '/echo/large',
      '/echo/redirect',
      '/echo/small',
    ]);

    // IPC: the key crossed once, window -> main, in the create call; never back.
    const carrying = app.records.filter((record) => search.find(JSON.stringify(record)).length);
    expect(carrying.map((record) => `${record.direction} ${record.name}`)).toEqual([
      'call profiles.create',
    ]);
    // The page, at every step.
    const inPage = snapshots.filter(({ text }) => search.find(text).length);
    expect(inPage.map(({ name }) => name)).toEqual([]);
    // The data folder (history.json, bodies/) and the transport's temp folder.
    const files = await filesUnder(app.home);
    const names = files.map(({ file }) => file);
    expect(names).toContain('history.json');
    expect(names.filter((name) => name.startsWith(`bodies${path.sep}`)).length).toBe(2);
    const onDisk = [...files, ...(await filesUnder(app.transportTemp))]
      .map(({ file, data }) => ({ file, hits: search.find(data) }))
      .filter(({ hits }) => hits.length)
      .map(({ file, hits }) => `${file}: ${describeHits(hits)}`);
    expect(onDisk).toEqual([]);
  });

  test('veza-desk check --url --key-stdin, text and JSON, accepted and refused: no key in its output', async ({
    keyScan,
  }) => {
    const key = makeKey();
    const search = new KeySearch([{ key, source: 'the test key' }]);
    keyScan.addKey(key, 'given to veza-desk check on stdin');
    const home = await mkdtemp(path.join(os.tmpdir(), 'veza-desk-e2e-cli-'));
    keyScan.addFolder(home);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [cli, 'check', ...args], {
          env: {
            PATH: process.env.PATH,
            VEZA_DESK_HOME: path.join(home, 'data'),
            // Large bodies go to the transport's temp folder under TMPDIR: this one is searched.
            TMPDIR: home,
          },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(`${key}\n`);
      });

    for (const refuse of [false, true]) {
      echo.settings.refuse = refuse;
      for (const json of [false, true]) {
        const name = `veza-desk check${json ? ' --json' : ''} (${refuse ? 'refused' : 'accepted'})`;
        const before = echo.received.length;
        const { code, stdout, stderr } = await run([
          '--url',
          echo.origin,
          '--key-stdin',
          ...(json ? ['--json'] : []),
        ]);
        keyScan.addText(`${name}: stdout`, stdout);
        keyScan.addText(`${name}: stderr`, stderr);
        const asked = echo.received.slice(before);
        expect(asked.some((request) => request.authorization === `Bearer ${key}`)).toBe(true);
        expect(code, name).toBe(refuse ? 1 : 0);
        // What the server echoed is shown, masked: the name it gave, or its refusal.
        expect(stdout, name).toContain(refuse ? '[redacted] not found' : 'Echo [redacted]');
        expect(describeHits(search.find(stdout)), `${name}: stdout`).toBe('');
        expect(describeHits(search.find(stderr)), `${name}: stderr`).toBe('');
      }
    }
    const onDisk = (await filesUnder(home)).filter(({ data }) => search.find(data).length);
    expect(onDisk.map(({ file }) => file)).toEqual([]);
  });
});
