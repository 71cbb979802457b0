import { test, expect, type AppHarness } from './support/app-fixture';
import type { Sandbox } from '../../src/sandbox/start-sandbox';

// The composer forgets the last call when a new one is picked or a path typed: its method,
// query parameters, headers and body do not go with the new call, into what is sent or into
// the code to copy. The answer on screen names the request it belongs to.

async function openRequests(app: AppHarness, sandbox: Sandbox) {
  await app.profiles.create(
    { name: 'Sandbox', address: sandbox.url, colour: '#2457c5', production: false, notes: '' },
    { apiKey: sandbox.keys.admin as string, acceptAsIs: false },
  );
  await app.page
    .getByRole('navigation', { name: 'Instances' })
    .getByRole('button', { name: 'Sandbox', exact: true })
    .click();
  await app.page.getByRole('tab', { name: 'Requests' }).click();
}

async function addRow(app: AppHarness, noun: string, index: number, name: string, value: string) {
  const { page } = app;
  await page.getByRole('button', { name: `Add ${noun}` }).click();
  await page.getByRole('textbox', { name: `${noun} ${index} name` }).fill(name);
  await page.getByRole('textbox', { name: `${noun} ${index} value` }).fill(value);
}

test.describe('the composer and the answer it shows', () => {
  test('picking a new call drops the last call’s query parameter, from the code to copy too', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await openRequests(app, sandbox);
    const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
    const answer = page.getByRole('region', { name: 'Response' });
    const code = page.getByLabel(/^curl \(macOS.* code$/);
    await path.fill('/api/v1/sandbox/large');
    await path.press('Escape');
    await addRow(app, 'parameter', 1, 'bytes', '20000');
    await addRow(app, 'header', 1, 'X-Trace', 'from-the-last-call');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(answer).toContainText('Answer to GET /api/v1/sandbox/large?bytes=20000');
    await page.getByRole('button', { name: 'Code to copy' }).click();
    await expect(code).toContainText('bytes=20000');

    // A call that writes, picked from the catalogue: its method, and nothing of the last one.
    await path.fill('create a team');
    await page.getByRole('option', { name: /^Create a team POST/ }).click();
    await expect(path).toHaveValue('/api/v1/teams');
    await expect(page.getByLabel('Method')).toHaveValue('POST');
    await expect(page.getByRole('textbox', { name: 'parameter 1 name' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'header 1 name' })).toHaveCount(0);
    await expect(code).not.toContainText('bytes=');
    await expect(code).not.toContainText('X-Trace');
    await expect(code).toContainText('-X POST');
    // The last answer is not left under the new call: it is in the history.
    await expect(answer).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'A new call' })).toContainText(
      'GET /api/v1/sandbox/large?bytes=20000',
    );

    // Then a call that reads: back to GET, the composer still clean; its answer names it.
    await path.fill('list roles');
    await page.getByRole('option', { name: /List roles/ }).click();
    await expect(page.getByLabel('Method')).toHaveValue('GET');
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => app.clipboard.at(-1)?.text ?? '').toContain('"$VEZA_URL/api/v1/roles"');
    expect(app.clipboard.at(-1)?.text).not.toContain('bytes=');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(answer).toContainText('Answer to GET /api/v1/roles');
    await expect(answer).toContainText('200 OK');
    expect(sandbox.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/roles' });
    expect(JSON.stringify(sandbox.requests.at(-1))).not.toContain('20000');
  });

  test('a typed path is a new call; "Put them back" restores the rows, and an old answer says it is old', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await openRequests(app, sandbox);
    const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
    const answer = page.getByRole('region', { name: 'Response' });
    await path.fill('/api/v1/providers');
    await path.press('Escape');
    await addRow(app, 'parameter', 1, 'page_size', '3');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(answer).toContainText('Answer to GET /api/v1/providers?page_size=3');
    await expect(answer.getByRole('note')).toHaveCount(0);

    // Filling in the same call (another page size) keeps the rows; the answer says it is older.
    await page.getByRole('textbox', { name: 'parameter 1 value' }).fill('5');
    await expect(answer.getByRole('note')).toContainText(
      'This answer is for an earlier request. The composer now holds GET /api/v1/providers?page_size=5',
    );

    // Another path typed: the rows go, the answer stays, named and marked as the earlier one.
    await path.fill('/api/v1/roles');
    await path.press('Escape');
    await expect(page.getByRole('textbox', { name: 'parameter 1 name' })).toHaveCount(0);
    await expect(answer).toContainText('Answer to GET /api/v1/providers?page_size=3');
    await expect(answer.getByRole('note')).toContainText(
      'The composer now holds GET /api/v1/roles',
    );
    await page.getByRole('button', { name: 'Code to copy' }).click();
    await expect(page.getByLabel(/^curl \(macOS.* code$/)).not.toContainText('page_size');

    // Typed by mistake: the rows come back.
    await page.getByRole('button', { name: 'Put them back' }).click();
    await expect(page.getByRole('textbox', { name: 'parameter 1 value' })).toHaveValue('5');
    await expect(page.getByLabel(/^curl \(macOS.* code$/)).toContainText('page_size=5');

    // Sent: the answer is the new request's, and no longer marked.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(answer).toContainText('Answer to GET /api/v1/roles?page_size=5');
    await expect(answer.getByRole('note')).toHaveCount(0);

    // An answer opened from the history names its request too.
    await page
      .getByRole('list', { name: 'Sent requests' })
      .getByRole('listitem', { name: 'GET /api/v1/providers?page_size=3' })
      .getByRole('button', { name: 'Open' })
      .click();
    await expect(answer).toContainText('Answer to GET /api/v1/providers?page_size=3');
    await expect(answer.getByRole('note')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'parameter 1 value' })).toHaveValue('3');
  });
});
