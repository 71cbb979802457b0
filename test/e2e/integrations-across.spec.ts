import type { Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { test, expect, type AppHarness } from './support/app-fixture';
import { seriousA11yFindings } from './support/accessibility';
import { createSandboxInstance } from './support/instances';

// Integration health across instances, as a user meets it: three instances (the demo, plus two
// more simulated Veza instances over http on 127.0.0.1: one with a source that failed an hour
// ago, one all well but for a source not synced for three days), Check all's Integrations
// column, the list of failing sources of every instance from Check all and from the sidebar,
// and a row that opens its instance's Integrations tab with the source chosen. No serious axe
// finding, light and dark.

const on = { state: 'ENABLED', effective_state: 'ENABLED' } as const;

/** Every data source working and fresh; then the first one as `first` says. */
function shape(sandbox: Sandbox, first: 'failing' | 'stale') {
  const sources = sandbox.integrations.dataSources();
  for (const source of sources)
    sandbox.integrations.setDataSource(source.id, { ...on, status: 'SUCCESS', syncedHoursAgo: 1 });
  const target = sources[0] as { id: string; name: string };
  if (first === 'failing') {
    sandbox.integrations.setDataSource(target.id, { ...on, syncedHoursAgo: 3 });
    sandbox.integrations.recordFailure(
      target.id,
      {
        reason: 'EXTRACTION_FAILED',
        message: 'The service account lost its read access',
        resolution: 'Give the service account read access again, then retry.',
      },
      1,
    );
  } else {
    sandbox.integrations.setDataSource(target.id, { ...on, syncedHoursAgo: 72 });
  }
  return target.name;
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Instances' });

/** The demo instance, North (a source failing) and South (a source stale). */
async function threeInstances(app: AppHarness, extra: Sandbox[]) {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the demo instance' }).click();
  await expect(page.getByRole('main', { name: 'Instance Demo (simulated Veza)' })).toBeVisible();
  const [north, south] = extra as [Sandbox, Sandbox];
  const failing = shape(north, 'failing');
  const stale = shape(south, 'stale');
  await createSandboxInstance(app, north, 'North');
  await createSandboxInstance(app, south, 'South');
  await expect(sidebar(page).getByRole('button', { name: 'South', exact: true })).toBeVisible();
  return { failing, stale };
}

async function checkAll(page: Page) {
  await sidebar(page).getByRole('button', { name: 'Check all instances' }).click();
  const main = page.getByRole('main', { name: 'Check all instances' });
  await expect(main.getByRole('status').filter({ hasText: 'checked' })).toHaveText(
    '3 of 3 checked: 3 working, 0 with a problem',
  );
  return main;
}

const test3 = test.extend<{ extra: Sandbox[] }>({
  extra: async ({ keyScan }, use) => {
    const sandboxes = [await startSandbox(), await startSandbox()];
    for (const [index, sandbox] of sandboxes.entries())
      for (const [name, key] of Object.entries(sandbox.keys))
        keyScan.addKey(key, `extra sandbox ${index} key ${name}`);
    await use(sandboxes);
    for (const sandbox of sandboxes) await sandbox.close();
  },
});

test3.describe('integrations across instances', () => {
  test3(
    'Check all’s Integrations column, the failing list most recent first, a row opens its instance’s tab',
    async ({ app, extra }) => {
      const { page } = app;
      const { failing, stale } = await threeInstances(app, extra);
      const main = await checkAll(page);
      const table = main.getByRole('table', { name: 'Result for each instance' });
      await expect(table.getByRole('columnheader').last()).toHaveText('Integrations');
      const cellOf = (name: string) =>
        table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
          .getByRole('cell')
          .last();
      // Words, with a sign beside them (never colour alone).
      await expect(cellOf('North')).toHaveText('✕ Failing');
      await expect(cellOf('South')).toHaveText('◷ Stale');
      await expect(cellOf('Demo (simulated Veza)')).toHaveText('✕ Failing');

      const button = main.getByRole('button', { name: /^Failing integrations \(\d+\)$/ });
      const count = Number((await button.innerText()).match(/\((\d+)\)/)?.[1]);
      expect(count).toBeGreaterThanOrEqual(3);
      await button.click();

      const view = page.getByRole('main', { name: 'Failing integrations' });
      await expect(view.getByRole('heading', { name: 'Failing integrations' })).toBeVisible();
      await expect(view.getByRole('status')).toHaveText(
        `${count} data sources need care on 3 of 3 instances.`,
      );
      const list = view.getByRole('listbox', { name: 'Failing data sources of every instance' });
      const options = list.getByRole('option');
      await expect(options.first()).toHaveAttribute('aria-setsize', String(count));
      // Each row names its instance, provider, source, since when and Veza's reason.
      const northRow = options.filter({ hasText: 'North' });
      await expect(northRow).toHaveCount(1);
      await expect(northRow).toContainText(failing);
      await expect(northRow).toContainText('Failing');
      await expect(northRow).toContainText('since 1 hour ago');
      await expect(northRow).toContainText(
        'EXTRACTION_FAILED: The service account lost its read access',
      );
      await expect(northRow.locator('.colour-dot')).toHaveCount(1);
      const southRow = options.filter({ hasText: 'South' });
      await expect(southRow).toContainText(stale);
      await expect(southRow).toContainText('stale');
      await expect(southRow).toContainText('since 3 days ago');
      // Most recent first: North's failure an hour ago before South's sync three days ago.
      const north = Number(await northRow.getAttribute('aria-posinset'));
      const south = Number(await southRow.getAttribute('aria-posinset'));
      expect(north).toBeLessThan(south);

      // Opening a row (Enter on it in the list) lands on North's Integrations tab, the source chosen.
      await northRow.click();
      await expect(northRow).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('main', { name: 'Instance North' })).toBeVisible();
      const panel = page.getByRole('tabpanel', { name: 'Integrations' });
      await expect(page.getByRole('tab', { name: 'Integrations' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      const chosen = panel
        .getByRole('listbox', { name: 'Data sources of North' })
        .getByRole('option', { selected: true });
      await expect(chosen).toContainText(failing);
      await expect(panel.locator('.ih-details h4')).toHaveText(failing);

      // The South row's button opens South on its stale source, from the menu's command
      // (Instances > Failing integrations), as main sends it.
      app.emit('menu.command', { command: 'failing-integrations' });
      await expect(view.getByRole('status')).toHaveText(
        `${count} data sources need care on 3 of 3 instances.`,
      );
      await southRow.click();
      await view.getByRole('button', { name: `Open ${stale} in South` }).click();
      await expect(page.getByRole('main', { name: 'Instance South' })).toBeVisible();
      await expect(panel.locator('.ih-details h4')).toHaveText(stale);
    },
  );

  test3(
    'from the sidebar before any Check all: every instance read; one that cannot be read is named; a team key’s “not visible”',
    async ({ app, extra, sandbox }) => {
      const { page } = app;
      await threeInstances(app, extra);
      await app.profiles.create(
        {
          name: 'Gone',
          address: 'http://127.0.0.1:1',
          colour: '#2457c5',
          production: false,
          notes: '',
        },
        { apiKey: sandbox.keys.admin, acceptAsIs: false },
      );
      // A team key sees no integrations: read, nothing failing, "not visible" in Check all.
      await createSandboxInstance(app, sandbox, 'Pusher', 'team');
      await expect(
        sidebar(page).getByRole('button', { name: 'Pusher', exact: true }),
      ).toBeVisible();
      await sidebar(page).getByRole('button', { name: 'Failing integrations' }).click();
      const view = page.getByRole('main', { name: 'Failing integrations' });
      await expect(view.getByRole('status')).toHaveText(/need care on 3 of 5 instances\.$/);
      await expect(view.getByRole('note')).toHaveText(
        'Could not be read: Gone. Check all shows why.',
      );
      // Check all then says it in its column, and an instance with no data is "not read".
      const main = await (async () => {
        await sidebar(page).getByRole('button', { name: 'Check all instances' }).click();
        const area = page.getByRole('main', { name: 'Check all instances' });
        await expect(area.getByRole('status').filter({ hasText: 'checked' })).toContainText(
          '5 of 5 checked',
        );
        return area;
      })();
      const goneRow = main
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Gone', exact: true }) });
      await expect(goneRow.getByRole('cell').last()).toHaveText('– Could not be read');
      const pusherRow = main
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Pusher', exact: true }) });
      await expect(pusherRow.getByRole('cell').last()).toHaveText('○ Not visible to this key');
    },
  );
});

for (const colorScheme of ['light', 'dark'] as const) {
  test3.describe(`integrations across instances, ${colorScheme}`, () => {
    test3.use({ colorScheme });
    test3(
      'no serious or critical axe finding: Check all with its column, the failing list',
      async ({ app, extra }) => {
        const { page } = app;
        await threeInstances(app, extra);
        const main = await checkAll(page);
        await expect(main.getByRole('cell', { name: 'Stale', exact: true })).toBeVisible();
        expect(await seriousA11yFindings(page)).toEqual([]);
        await main.getByRole('button', { name: /^Failing integrations/ }).click();
        const view = page.getByRole('main', { name: 'Failing integrations' });
        await expect(view.getByRole('status')).toHaveText(/need care on 3 of 3 instances\.$/);
        expect(await seriousA11yFindings(page)).toEqual([]);
      },
    );
  });
}
