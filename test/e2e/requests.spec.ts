import { readdir, rm } from 'node:fs/promises';
import pathModule from 'node:path';
import { startForwardProxy } from '../support/network/forward-proxy';
import { test, expect, type AppHarness } from './support/app-fixture';
import { pageSnapshot } from './support/page-snapshot';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { makeLoopbackTls } from '../../src/sandbox/tls/certificates';

const tree = (app: AppHarness) => app.page.getByRole('tree', { name: 'Response body, formatted' });

/** An instance on the simulated Veza, saved through main (the page never sees the key). */
async function addInstance(app: AppHarness, sandbox: Sandbox, name: string, production: boolean) {
  await app.profiles.create(
    {
      name,
      address: sandbox.url,
      colour: production ? '#c62828' : '#2457c5',
      production,
      notes: '',
    },
    { apiKey: sandbox.keys.admin as string, acceptAsIs: false },
  );
  await openRequests(app, name);
}

async function openRequests(app: AppHarness, name: string) {
  await app.page
    .getByRole('navigation', { name: 'Instances' })
    .getByRole('button', { name })
    .click();
  await app.page.getByRole('tab', { name: 'Requests' }).click();
}

/** Types a path (closing the catalogue list) and adds query parameters, in order. */
async function compose(app: AppHarness, target: string, query: Record<string, string> = {}) {
  const { page } = app;
  const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
  await path.fill(target);
  await path.press('Escape');
  for (const [index, [name, value]] of Object.entries(query).entries()) {
    await page.getByRole('button', { name: 'Add parameter' }).click();
    await page.getByRole('textbox', { name: `parameter ${index + 1} name` }).fill(name);
    await page.getByRole('textbox', { name: `parameter ${index + 1} value` }).fill(value);
  }
  return path;
}

/** Presses Send and waits for a 200 whose formatted body shows `line`. */
async function sendAndRead(app: AppHarness, line: RegExp) {
  await app.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(app.page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  await expect(tree(app).getByRole('treeitem', { name: line }).first()).toBeVisible();
}

test.describe('the request workspace', () => {
  test('a call with a value in its address gets a field for it', async ({ app, sandbox }) => {
    const { page } = app;
    await addInstance(app, sandbox, 'Sandbox', false);
    const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
    await path.fill('show one team');
    await page.getByRole('option', { name: /Show one team/ }).click();
    await expect(path).toHaveValue('/api/v1/teams/{id}');
    const fields = page.getByRole('form', { name: 'Path parameters' });
    await fields.getByRole('textbox', { name: 'id' }).fill(sandbox.demo.teams.platform);
    await fields.getByRole('button', { name: 'Fill in' }).click();
    await expect(path).toHaveValue(`/api/v1/teams/${sandbox.demo.teams.platform}`);
    await expect(fields).toHaveCount(0);
    await sendAndRead(app, /"Platform"/);
  });

  test('pick from the catalogue, send, read, find in history, send again, copy the code; no key anywhere', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await addInstance(app, sandbox, 'Sandbox', false);
    const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
    await path.fill('list roles');
    const option = page.getByRole('option', { name: /List roles/ });
    await expect(option).toBeVisible();
    await path.press('ArrowDown');
    await expect(path).toHaveAttribute(
      'aria-activedescendant',
      (await option.getAttribute('id')) ?? '',
    );
    await path.press('Enter');
    await expect(path).toHaveValue('/api/v1/roles');
    await expect(page.getByRole('region', { name: 'About this call: List roles' })).toContainText(
      'Lists the roles a user can have',
    );
    // The Authorization row: where the key comes from and its fingerprint.
    const key = sandbox.keys.admin as string;
    await expect(page.getByRole('cell', { name: /from keychain/ })).toContainText(
      `…${key.slice(-4)}`,
    );

    await sendAndRead(app, /"oaa_push"/);

    const history = page.getByRole('list', { name: 'Sent requests' });
    await expect(history.getByRole('listitem', { name: 'GET /api/v1/roles' })).toHaveCount(1);
    await history.getByRole('button', { name: 'Send again' }).click();
    await expect(history.getByRole('listitem', { name: 'GET /api/v1/roles' })).toHaveCount(2);
    await page.getByRole('searchbox', { name: 'Search history' }).fill('nothing-like-this');
    await expect(history).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search history' }).fill('roles');
    await expect(history.getByRole('listitem')).toHaveCount(2);

    await page.getByRole('button', { name: 'Code to copy' }).click();
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => app.clipboard.at(-1)?.text ?? '').toContain('"$VEZA_URL/api/v1/roles"');
    expect(app.clipboard.at(-1)?.text).toContain('Bearer $VEZA_TOKEN');
    expect(app.clipboard.at(-1)?.containsSecret).toBe(false);

    expect(await pageSnapshot(app.page)).not.toContain(key);
    expect(JSON.stringify(app.records)).not.toContain(key);
  });

  test('the answer says which way it went: direct, or through which proxy', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    const summary = page.getByRole('region', { name: 'Response' });
    await addInstance(app, sandbox, 'Sandbox', false);
    await compose(app, '/api/v1/roles');
    await sendAndRead(app, /"oaa_push"/);
    await expect(summary).toContainText('Direct (no proxy)');

    // Loopback is never proxied, so the proxied instance is reached by a test name over https
    // (veza.test: only the proxy resolves it, with the test resolver).
    const { ca, server } = await makeLoopbackTls(['veza.test']);
    const behind = await startSandbox({
      https: true,
      caFile: true,
      tls: { cert: server.cert, key: server.key, caPem: ca.cert },
    });
    const proxy = await startForwardProxy();
    try {
      await app.profiles.create(
        {
          name: 'Behind proxy',
          address: `https://veza.test:${behind.port}`,
          colour: '#2457c5',
          production: false,
          notes: '',
          network: { caFile: behind.caFile, proxy: { mode: 'manual', url: proxy.url } },
        },
        { apiKey: behind.keys.admin as string, acceptAsIs: false },
      );
      await openRequests(app, 'Behind proxy');
      await compose(app, '/api/v1/roles');
      // The first role: the route line now says where the proxy came from, and the taller
      // summary leaves the last role below the rendered window of the tree.
      await sendAndRead(app, /"name": "admin"/);
      await expect(summary).toContainText(
        `Through the proxy ${proxy.url}, set in this instance's network settings`,
      );
      expect(proxy.log).toContain(`CONNECT veza.test:${behind.port}`);
      expect(behind.requests.some((request) => request.path === '/api/v1/roles')).toBe(true);
    } finally {
      await proxy.close();
      await behind.close();
    }
  });

  test('a POST on a production instance asks first, naming the instance', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await addInstance(app, sandbox, 'Live', true);
    const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
    await path.fill('create a team');
    await page.getByRole('option', { name: /^Create a team POST/ }).click();
    await page.getByRole('button', { name: 'Use example body' }).click();
    const before = sandbox.requests.length;

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const confirm = page.getByRole('dialog', {
      name: 'Send a POST to the production instance Live?',
    });
    await expect(confirm).toBeVisible();
    // "Don't send" has the focus: Ctrl+Enter then Enter sends nothing to production.
    await expect(confirm.getByRole('button', { name: "Don't send" })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    expect(sandbox.requests.length).toBe(before);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await confirm.getByRole('button', { name: "Don't send" }).click();
    await expect(confirm).toBeHidden();
    expect(sandbox.requests.length).toBe(before);

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await confirm.getByRole('button', { name: 'Send to Live' }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText(/20[01]/);
    expect(sandbox.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/teams' });
  });

  test('a large answer is fetched from main by reference, again from history, and missed when gone', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await addInstance(app, sandbox, 'Sandbox', false);
    await compose(app, '/api/v1/sandbox/large', { bytes: '300000' });
    // Larger than the inline limit: the answer names a body file, the page fetches its bytes.
    const fetched = page.waitForResponse((response) =>
      response.url().includes('/response-bodies/'),
    );
    await sendAndRead(app, /"values"/);
    const response = await fetched;
    expect(response.status()).toBe(200);
    // Read as a Blob by the page (only the viewer's worker reads its bytes), so the bytes are
    // counted by the network stack rather than kept for Playwright.
    expect((await response.request().sizes()).responseBodySize).toBe(300000);

    const history = page.getByRole('list', { name: 'Sent requests' });
    await page.reload();
    await openRequests(app, 'Sandbox');
    await history.getByRole('button', { name: 'Open' }).click();
    await expect(tree(app).getByRole('treeitem', { name: /"values"/ })).toBeVisible();

    // The body file removed behind the app's back: the page says so instead of showing nothing.
    const bodies = pathModule.join(app.home, 'bodies');
    for (const name of await readdir(bodies)) await rm(pathModule.join(bodies, name));
    await page.reload();
    await openRequests(app, 'Sandbox');
    await history.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByText('This answer is no longer kept')).toBeVisible();
  });

  test('an entry whose answer made room for newer ones says so', async ({ app, sandbox }) => {
    const { page } = app;
    await addInstance(app, sandbox, 'Sandbox', false);
    const profileId = app.profiles.state().profiles[0]?.id as string;
    // As the 512 MB budget leaves an old entry: its line, status and size, no body.
    await app.history.add({
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      profileId,
      instanceName: 'Sandbox',
      method: 'GET',
      target: '/api/v1/providers',
      status: 200,
      size: 80_000_000,
      spec: { method: 'GET', path: '/api/v1/providers', query: [], headers: [] },
    });
    await page.reload();
    await openRequests(app, 'Sandbox');
    const entry = page
      .getByRole('list', { name: 'Sent requests' })
      .getByRole('listitem', { name: 'GET /api/v1/providers' });
    await expect(entry).toContainText('answer no longer kept');
    await entry.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByText('This answer is no longer kept')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Path or what you want to do' })).toHaveValue(
      '/api/v1/providers',
    );
  });

  test("clearing one instance's history asks first and keeps the other's", async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    const history = page.getByRole('list', { name: 'Sent requests' });
    for (const name of ['Staging', 'Sandbox']) {
      await addInstance(app, sandbox, name, false);
      await compose(app, '/api/v1/roles');
      await sendAndRead(app, /"oaa_push"/);
      await expect(history.getByRole('listitem')).toHaveCount(1);
    }

    // Searching does not hide the button, and the dialog counts the whole history.
    await page.getByRole('searchbox', { name: 'Search history' }).fill('nothing-like-this');
    await expect(page.getByText('Nothing in the history matches.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear history' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clear the history of Sandbox?' });
    await expect(dialog).toContainText('The request sent to Sandbox and its answer are removed');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('searchbox', { name: 'Search history' }).fill('');
    await expect(history.getByRole('listitem')).toHaveCount(1);

    await page.getByRole('button', { name: 'Clear history' }).click();
    await dialog.getByRole('button', { name: 'Clear history' }).click();
    await expect(page.getByText('Nothing sent yet.')).toBeVisible();
    await openRequests(app, 'Staging');
    await expect(history.getByRole('listitem', { name: 'GET /api/v1/roles' })).toHaveCount(1);
  });

  test('fetch all pages merges the list; import from curl fills the composer and offers the key', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await addInstance(app, sandbox, 'Sandbox', false);
    const path = await compose(app, '/api/v1/providers', { page_size: '10' });
    await page.getByRole('button', { name: 'Fetch all pages' }).click();
    await expect(page.getByText(/42 items from \d+ pages, the whole list/)).toBeVisible();

    const typedKey = Buffer.from(`veza-e2e-key-${Date.now()}`).toString('base64');
    await page.getByRole('button', { name: 'Import from curl…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from curl' });
    await dialog
      .getByRole('textbox', { name: 'curl command' })
      .fill(`curl -k -H "Authorization: Bearer ${typedKey}" "$VEZA_URL/api/v1/teams?page_size=5"`);
    await dialog.getByRole('button', { name: 'Fill the composer' }).click();
    await expect(dialog.getByRole('list', { name: 'Warnings' })).toBeVisible();
    await expect(path).toHaveValue('/api/v1/teams');
    await dialog.getByRole('button', { name: 'Save this key for Sandbox' }).click();
    await expect(dialog.getByText('The key is saved in the keychain for Sandbox.')).toBeVisible();

    // A key in a command written for another address is not offered for this instance.
    const otherKey = Buffer.from(`veza-e2e-other-${Date.now()}`).toString('base64');
    await dialog
      .getByRole('textbox', { name: 'curl command' })
      .fill(
        `curl -H "Authorization: Bearer ${otherKey}" "https://other.vezacloud.com/api/v1/teams"`,
      );
    await dialog.getByRole('button', { name: 'Fill the composer' }).click();
    await expect(dialog.getByRole('note')).toContainText(
      'contains an API key for https://other.vezacloud.com, not for Sandbox',
    );
    await expect(dialog.getByRole('button', { name: /Save this key/ })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(JSON.stringify(app.records)).not.toContain(otherKey);

    expect(await pageSnapshot(app.page)).not.toContain(typedKey);
    const carrying = app.records.filter((record) => JSON.stringify(record).includes(typedKey));
    expect(carrying.map((record) => `${record.direction} ${record.name}`)).toEqual([
      'call profiles.setKey',
    ]);
  });
});
