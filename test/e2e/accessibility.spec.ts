import type { Page } from '@playwright/test';
import { test, expect, type AppHarness } from './support/app-fixture';
import { seriousA11yFindings, type A11yFinding } from './support/accessibility';

// axe-core (WCAG 2.1 A + AA) on every screen and dialog a user meets, in the light and the
// dark theme and in a narrow 900x600 window: no serious or critical finding anywhere.

const themes = [
  { name: 'light', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'narrow', colorScheme: 'light', viewport: { width: 900, height: 600 } },
] as const;

/** Collects axe's findings per screen, so one run lists every screen that fails. */
function screens(page: Page) {
  const found: Record<string, A11yFinding[]> = {};
  return {
    check: async (screen: string) => {
      const findings = await seriousA11yFindings(page);
      if (findings.length > 0) found[screen] = findings;
    },
    found,
  };
}

const sidebarButton = (app: AppHarness, name: string) =>
  app.page
    .getByRole('navigation', { name: 'Instances' })
    .getByRole('button', { name, exact: true });

for (const theme of themes) {
  test.describe(`accessibility, ${theme.name}`, () => {
    test.use({ colorScheme: theme.colorScheme, viewport: theme.viewport });

    test('every screen and dialog has no serious or critical axe finding', async ({
      app,
      sandbox,
    }) => {
      test.setTimeout(180_000);
      const { page } = app;
      const { check, found } = screens(page);
      await check('welcome');

      await page.getByRole('button', { name: 'Add instance' }).first().click();
      const add = page.getByRole('dialog', { name: 'Add instance' });
      await add.getByRole('button', { name: 'Add instance' }).click();
      await check('add instance, with errors');
      await add.getByRole('button', { name: 'Cancel' }).click();

      await app.profiles.create(
        { name: 'Live', address: sandbox.url, colour: '#c62828', production: true, notes: '' },
        { apiKey: sandbox.keys.admin, acceptAsIs: false },
      );
      await app.profiles.create(
        { name: 'Revoked', address: sandbox.url, colour: '#12805c', production: false, notes: '' },
        { apiKey: sandbox.keys.revoked, acceptAsIs: false },
      );
      await sidebarButton(app, 'Live').click();
      await check('instance overview (production)');

      const actions = page.getByRole('group', { name: 'Instance actions' });
      await actions.getByRole('button', { name: 'Verify' }).click();
      const verify = page.getByRole('tabpanel', { name: 'Verify' });
      await expect(verify.locator('.success-card')).toBeVisible();
      await check('verify, the key works');

      await sidebarButton(app, 'Revoked').click();
      await actions.getByRole('button', { name: 'Verify' }).click();
      await expect(verify.getByRole('alert')).toHaveAttribute('data-code', 'AUTH_INVALID_KEY');
      await check('verify, a problem card');

      await actions.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit Revoked' });
      await edit.getByText('Network settings (proxy, certificate, timeouts)').click();
      await edit.getByRole('radio', { name: 'Use this proxy' }).check();
      await check('edit instance, network settings open');
      await edit.getByRole('radio', { name: "Use this computer's proxy settings" }).check();
      await edit.getByLabel('Address').fill('http://localhost:1');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect(
        page.getByRole('dialog', { name: 'Use the saved API key at the new address?' }),
      ).toBeVisible();
      await check('use the saved key at the new address?');
      await page.getByRole('button', { name: 'Back to the form' }).click();
      await edit.getByRole('button', { name: 'Cancel' }).click();

      await actions.getByRole('button', { name: 'Delete' }).click();
      await check('delete instance?');
      await page
        .getByRole('dialog', { name: 'Delete Revoked?' })
        .getByRole('button', {
          name: 'Cancel',
        })
        .click();

      await sidebarButton(app, 'Live').click();
      await page.getByRole('tab', { name: 'Requests' }).click();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');
      await check('requests, an answer');
      await page.getByLabel('Method').selectOption('POST');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(
        page.getByRole('dialog', { name: /^Send a POST to the production instance Live/ }),
      ).toBeVisible();
      await check('send to production?');
      await page.getByRole('button', { name: "Don't send" }).click();

      await page.getByRole('tab', { name: 'API keys' }).click();
      await expect(page.getByRole('heading', { name: 'Team keys' })).toBeVisible();
      await check('API keys');

      await page
        .getByRole('button', { name: /Check all instances/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { name: /Check all instances/ })).toBeVisible();
      await check('check all instances');

      expect(found).toEqual({});
    });
  });
}
