import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect, type AppHarness } from './support/app-fixture';
import { seriousA11yFindings } from './support/accessibility';
import { createSandboxInstance, draft } from './support/instances';

// The Integrations tab of an instance against the simulated Veza (the demo instance has failing,
// stale, waiting and switched-off sources): a failing source explained, its request id copied
// through main, the filter, the search, the sort, the keyboard, less reach in words, a problem
// card when Veza cannot be read, and no serious axe finding in the light and the dark theme.

async function openDemoIntegrations(app: AppHarness) {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the demo instance' }).click();
  await expect(page.getByRole('main', { name: 'Instance Demo (simulated Veza)' })).toBeVisible();
  return openIntegrationsTab(app);
}

async function openIntegrationsTab(app: AppHarness) {
  const { page } = app;
  await page.getByRole('tab', { name: 'Integrations' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Integrations' });
  await expect(panel.getByRole('status').first()).toHaveText(/^Showing \d+ of \d+ data sources\.$/);
  return panel;
}

const listOf = (panel: Locator) => panel.getByRole('listbox', { name: /^Data sources of / });
const summaryCount = async (panel: Locator, what: RegExp) =>
  Number((await panel.locator('.ih-summary').innerText()).match(what)?.[1]);

test.describe('the Integrations tab', () => {
  test('a failing data source of the demo: Veza’s reason explained, what to do, who can, the request id copied', async ({
    app,
  }) => {
    const panel = await openDemoIntegrations(app);
    const list = listOf(panel);
    // Sorted by status, a failing source comes first and is the one shown.
    const first = list.getByRole('option').first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(first).toContainText('Failing');
    await expect(first.locator('.ih-icon')).toHaveText('✕');

    const why = panel.getByRole('region', { name: 'Why it fails' });
    const event = why.getByRole('article').first();
    await expect(event).toContainText('Veza says');
    await expect(event).toContainText(/_FAILED: /);
    await expect(event).toContainText('What it means');
    await expect(event).toContainText(/What to do\s*Veza says: \S/);
    await expect(event).toContainText('Who can do it');
    const details = panel.locator('.ih-details');
    await expect(details).toContainText(
      /Last synced\s*(just now|yesterday|\d+ (minutes?|hours?|days?) ago)/,
    );
    await expect(details).toContainText('Provider');

    const requestId = (await event.locator('.ih-request-id code').innerText()).trim();
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    await event.getByRole('button', { name: 'Copy request id' }).click();
    await expect(event.getByRole('status')).toHaveText('Copied');
    await expect.poll(() => app.clipboard).toEqual([{ text: requestId, containsSecret: false }]);
  });

  test('Failing only, search by name, sort by age, and the keyboard', async ({ app }) => {
    const { page } = app;
    const panel = await openDemoIntegrations(app);
    const list = listOf(panel);
    const total = await summaryCount(panel, /^(\d+) data sources/);
    const failing = await summaryCount(panel, /(\d+) failing/);
    expect(total).toBeGreaterThan(failing);
    expect(failing).toBeGreaterThan(0);
    await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(total));
    // Windowed: only the rows on screen (and a few around them) exist in the page.
    expect(await list.getByRole('option').count()).toBeLessThan(total);

    await panel.getByRole('checkbox', { name: 'Failing only' }).check();
    await expect(panel.getByRole('status').first()).toHaveText(
      `Showing ${failing} of ${total} data sources.`,
    );
    const shown = list.getByRole('option');
    await expect(shown.first()).toHaveAttribute('aria-setsize', String(failing));
    for (const text of await shown.allInnerTexts()) expect(text).toContain('Failing');
    await panel.getByRole('checkbox', { name: 'Failing only' }).uncheck();

    // The name of a source further down the list finds it, and only what matches.
    const wanted = (await shown.nth(3).locator('.ih-name').innerText()).trim();
    await panel.getByRole('searchbox', { name: 'Search by name' }).fill(wanted);
    await expect(shown.first().locator('.ih-name')).toHaveText(wanted);
    for (const text of await shown.allInnerTexts())
      expect(text.toLowerCase()).toContain(wanted.toLowerCase());
    await expect(panel.locator('.ih-details h4')).toHaveText(wanted);
    await panel.getByRole('searchbox', { name: 'Search by name' }).fill('no such source here');
    await expect(panel.getByText('No data source matches.')).toBeVisible();
    await expect(list).toHaveCount(0);
    await panel.getByRole('searchbox', { name: 'Search by name' }).fill('');

    // By age, the source that synced longest ago (a stale one in the demo) comes first.
    await panel.getByRole('combobox', { name: 'Sort by' }).selectOption('age');
    await expect(shown.first()).toContainText(/stale|synced never/);

    // Arrow keys move the selection, and the details follow it.
    await list.focus();
    const firstName = (await shown.first().locator('.ih-name').innerText()).trim();
    await expect(panel.locator('.ih-details h4')).toHaveText(firstName);
    await page.keyboard.press('ArrowDown');
    await expect(shown.nth(1)).toHaveAttribute('aria-selected', 'true');
    const secondId = await shown.nth(1).getAttribute('id');
    await expect(list).toHaveAttribute('aria-activedescendant', secondId as string);
    await expect(panel.locator('.ih-details h4')).toHaveText(
      (await shown.nth(1).locator('.ih-name').innerText()).trim(),
    );
    await page.keyboard.press('End');
    await expect(shown.last()).toHaveAttribute('aria-posinset', String(total));
    await expect(shown.last()).toHaveAttribute('aria-selected', 'true');
  });

  test('a team key sees nothing: said in words, not as a failure; an unreachable Veza is a problem card', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    await createSandboxInstance(app, sandbox, 'Pusher', 'team');
    await page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', { name: 'Pusher' })
      .click();
    const panel = await openIntegrationsTab(app);
    await expect(panel.getByRole('note')).toContainText('This key sees no integrations.');
    await expect(panel.getByRole('note')).toContainText('This is a team key.');
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect(panel.getByText('Veza shows this key no data sources.')).toBeVisible();

    await app.profiles.create(draft('Gone', 'http://127.0.0.1:1'), {
      apiKey: sandbox.keys.admin,
      acceptAsIs: false,
    });
    await page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', { name: 'Gone' })
      .click();
    await page.getByRole('tab', { name: 'Integrations' }).click();
    const gone = page.getByRole('tabpanel', { name: 'Integrations' });
    await expect(gone.getByRole('alert')).toHaveAttribute('data-code', /.+/);
    await expect(listOf(gone)).toHaveCount(0);
  });

  test('the stale threshold is the user’s setting, kept by main (settings.json) for the next time', async ({
    app,
  }) => {
    const panel = await openDemoIntegrations(app);
    await panel.getByRole('combobox', { name: 'Stale after' }).selectOption('168');
    await expect(panel.locator('.ih-summary')).toContainText('not synced for over 1 week');
    await expect
      .poll(async () =>
        JSON.parse(await readFile(path.join(app.home, 'settings.json'), 'utf8').catch(() => '{}')),
      )
      .toMatchObject({ integrationsStaleHours: 168 });
    await app.page.reload();
    const again = await openIntegrationsTab(app);
    await expect(again.getByRole('combobox', { name: 'Stale after' })).toHaveValue('168');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the Integrations tab, ${colorScheme}`, () => {
    test.use({ colorScheme });
    test('no serious or critical axe finding, with a failing source open', async ({ app }) => {
      const panel = await openDemoIntegrations(app);
      await expect(panel.getByRole('region', { name: 'Why it fails' })).toBeVisible();
      expect(await seriousA11yFindings(app.page)).toEqual([]);
      await panel.getByRole('checkbox', { name: 'Failing only' }).check();
      await panel.getByRole('combobox', { name: 'Sort by' }).selectOption('age');
      expect(await seriousA11yFindings(app.page)).toEqual([]);
    });
  });
}
