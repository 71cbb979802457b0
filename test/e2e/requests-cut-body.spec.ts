import type { Locator } from '@playwright/test';
import { cutRequestBody } from '../../src/shared/requests/request-records';
import type { Sandbox } from '../../src/sandbox/start-sandbox';
import { seriousA11yFindings } from './support/accessibility';
import { test, expect, type AppHarness } from './support/app-fixture';

// A history entry keeps only the first 64 KB of a request body (requestBodyCut). Re-opened in
// the composer, that body is not the request as it was sent: the composer says so next to the
// body, and Send (Ctrl+Enter, Send again) does not send it until the body is changed or the
// user ticks that the cut body is meant. With the keyboard alone, axe clean.

const note =
  'Only the first 64 KB of this body was kept in the history, so it is not the request as it was sent. Paste the full body before sending.';
const confirmLabel = 'I am sure: send this cut body as it is';

/** Presses Tab until `target` has focus (at most `limit` times): how a keyboard user gets there. */
async function tabTo(app: AppHarness, target: Locator, limit = 80) {
  for (let presses = 0; presses < limit; presses += 1) {
    // The body editor lives in a shadow root: its own activeElement is the one with focus.
    const focused = await target.evaluate(
      (element) => (element.getRootNode() as Document | ShadowRoot).activeElement === element,
    );
    if (focused) break;
    await app.page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The POSTs to /api/v1/teams the simulated Veza received. */
const teamPosts = (sandbox: Sandbox) =>
  sandbox.requests.filter(
    (request) => request.method === 'POST' && request.path === '/api/v1/teams',
  ).length;

/** A history entry as main keeps one for a 100 KB body: its first 64 KB, marked cut. */
async function addCutEntry(app: AppHarness, sandbox: Sandbox) {
  const profile = await app.profiles.create(
    { name: 'Sandbox', address: sandbox.url, colour: '#2457c5', production: false, notes: '' },
    { apiKey: sandbox.keys.admin as string, acceptAsIs: false },
  );
  const sent = JSON.stringify({ name: 'Big team', description: 'x'.repeat(100_000) });
  const kept = cutRequestBody(sent);
  expect(kept.cut).toBe(true);
  const spec = { method: 'POST' as const, path: '/api/v1/teams', query: [], headers: [] };
  await app.history.add({
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    profileId: profile.id,
    instanceName: 'Sandbox',
    method: 'POST',
    target: '/api/v1/teams',
    status: 200,
    durationMs: 12,
    spec: { ...spec, body: kept.body },
    requestBodyCut: true,
  });
}

test.describe('a request body the history cut', () => {
  test('is marked in the composer and not sent until changed or confirmed, by keyboard', async ({
    app,
    sandbox,
  }) => {
    // Three axe runs and a 64 KB body in the editor: more than the usual 30 s on a busy machine.
    test.setTimeout(90_000);
    const { page } = app;
    await addCutEntry(app, sandbox);
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', { name: 'Sandbox', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Requests' }).click();
    const history = page.getByRole('list', { name: 'Sent requests' });
    const entries = history.getByRole('listitem', { name: 'POST /api/v1/teams' });
    await expect(entries).toHaveCount(1);

    // Open, from the keyboard: the request in the composer, the note beside its body.
    const open = entries.getByRole('button', { name: 'Open' });
    await open.focus();
    await page.keyboard.press('Enter');
    const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
    await expect(path).toHaveValue('/api/v1/teams');
    const composer = page.getByRole('region', { name: 'Compose a request' });
    await expect(composer.getByText(note, { exact: true })).toBeVisible();
    const confirm = composer.getByRole('checkbox', { name: confirmLabel });
    await expect(confirm).not.toBeChecked();
    await expect(confirm).toHaveAccessibleDescription(note);
    await expect(page.getByRole('textbox', { name: 'Request body' })).toBeVisible();
    expect(await seriousA11yFindings(page)).toEqual([]);

    // Ctrl+Enter does not send it: it says why, and nothing reaches Veza or the history.
    await tabTo(app, path);
    await page.keyboard.press('Control+Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'Not sent: the body is only' });
    await expect(refusal).toContainText(`tick "${confirmLabel}"`);
    expect(await seriousA11yFindings(page)).toEqual([]);
    // Send again on the entry is refused the same way.
    const sendAgain = entries.getByRole('button', { name: 'Send again' });
    await sendAgain.focus();
    await page.keyboard.press('Enter');
    await expect(refusal).toBeVisible();
    await page.waitForTimeout(300);
    expect(teamPosts(sandbox)).toBe(0);
    await expect(entries).toHaveCount(1);

    // Ticking that the cut body is meant (Space), Ctrl+Enter sends it as it is.
    await tabTo(app, confirm);
    await page.keyboard.press('Space');
    await expect(confirm).toBeChecked();
    await expect(refusal).toHaveCount(0);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => teamPosts(sandbox)).toBe(1);
    await expect(entries).toHaveCount(2);

    // Opened again, the entry's cut body is refused again until the full body is pasted.
    await entries.last().getByRole('button', { name: 'Open' }).focus();
    await page.keyboard.press('Enter');
    await expect(confirm).not.toBeChecked();
    const editor = page.getByRole('textbox', { name: 'Request body' });
    await tabTo(app, editor);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('{"name": "Full team"}');
    await expect(composer.getByText(note, { exact: true })).toHaveCount(0);
    await expect(confirm).toHaveCount(0);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
    expect(teamPosts(sandbox)).toBe(2);
    await expect(entries).toHaveCount(3);
    expect(await seriousA11yFindings(page)).toEqual([]);
  });
});
