import { test, expect } from './support/app-fixture';

test('Try the demo instance: a working Demo instance, its key never in the page', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the demo instance' }).click();
  const main = page.getByRole('main', { name: 'Instance Demo (simulated Veza)' });
  await expect(main).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Instances' }).getByText('Demo (simulated Veza)'),
  ).toBeVisible();
  await expect(main.getByText(/http:\/\/127\.0\.0\.1:\d+/).first()).toBeVisible();

  const [profile] = app.profiles.state().profiles;
  const key = profile ? await app.profiles.readKey(profile.id) : undefined;
  expect(key).toBeTruthy();
  expect(await page.content()).not.toContain(key as string);
  expect(JSON.stringify(app.records)).not.toContain(key as string);
});
