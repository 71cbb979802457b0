import type { Page } from '@playwright/test';
import { test, expect } from './support/app-fixture';

// The README's pictures of the real built renderer against the simulated Veza: a problem
// card on the Verify tab, the Requests tab with an answer, and the API keys tab. Written to
// docs/images only on demand (VEZA_UPDATE_DOCS=1), so CI never edits tracked files; otherwise
// to the test's own output folder, so the screens are still drawn and checked on every run.

test.use({ viewport: { width: 1200, height: 820 } });

async function shoot(page: Page, name: string): Promise<void> {
  const target =
    process.env.VEZA_UPDATE_DOCS === '1'
      ? `docs/images/${name}.png`
      : test.info().outputPath(`${name}.png`);
  const image = await page.screenshot({ path: target });
  expect(image.byteLength).toBeGreaterThan(10_000);
}

test('README pictures: a problem card, the Requests tab with an answer, the API keys tab', async ({
  app,
  sandbox,
}) => {
  const { page } = app;
  await app.profiles.create(
    { name: 'Acme lab', address: sandbox.url, colour: '#12805c', production: false, notes: '' },
    { apiKey: sandbox.keys.revoked, acceptAsIs: false },
  );
  await app.profiles.create(
    {
      name: 'Acme production',
      address: sandbox.url,
      colour: '#c62828',
      production: true,
      notes: '',
    },
    { apiKey: sandbox.keys.admin, acceptAsIs: false },
  );
  const sidebar = page.getByRole('navigation', { name: 'Instances' });
  const actions = page.getByRole('group', { name: 'Instance actions' });

  await sidebar.getByRole('button', { name: 'Acme lab', exact: true }).click();
  await actions.getByRole('button', { name: 'Verify' }).click();
  const verify = page.getByRole('tabpanel', { name: 'Verify' });
  await expect(verify.getByRole('alert')).toHaveAttribute('data-code', 'AUTH_INVALID_KEY');
  await shoot(page, 'verify-problem');

  await sidebar.getByRole('button', { name: 'Acme production', exact: true }).click();
  await page.getByRole('tab', { name: 'Requests' }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');
  await expect(page.getByRole('treeitem').first()).toBeVisible();
  await shoot(page, 'requests');

  await page.getByRole('tab', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'Team keys' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await shoot(page, 'api-keys');
});
