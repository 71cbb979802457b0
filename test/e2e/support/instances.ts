import type { Page } from '@playwright/test';
import type { Sandbox } from '../../../src/sandbox/start-sandbox';
import type { AppHarness } from './app-fixture';

/** What the profile service takes to make an instance: a name and an address, no notes. */
export const draft = (name: string, address: string) => ({
  name,
  address,
  colour: '#2457c5',
  production: false,
  notes: '',
});

/** Adds an instance on the sandbox with its admin's key (or another demo key), lint-checked. */
export const createSandboxInstance = (
  app: AppHarness,
  sandbox: Sandbox,
  name: string,
  key: keyof Sandbox['keys'] = 'admin',
) =>
  app.profiles.create(draft(name, sandbox.url), { apiKey: sandbox.keys[key], acceptAsIs: false });

/** Opens the API keys tab of the instance on show, with a click. */
export const openKeysTab = (page: Page) => page.getByRole('tab', { name: 'API keys' }).click();

/** Adds an instance on the sandbox as createSandboxInstance does and opens its API keys tab. */
export async function openSandboxKeysTab(
  app: AppHarness,
  sandbox: Sandbox,
  name: string,
  key: keyof Sandbox['keys'] = 'admin',
) {
  const instance = await createSandboxInstance(app, sandbox, name, key);
  await openKeysTab(app.page);
  return instance;
}

/** Fills in and sends the New team key form (a team, a new instance when given); returns it. */
export async function createTeamKey(
  page: Page,
  { name, team, instance }: { name: string; team?: string; instance?: string },
) {
  const form = page.getByRole('form', { name: 'New team key' });
  await form.getByLabel('Name of the key').fill(name);
  if (team) await form.getByLabel('Team', { exact: true }).selectOption({ label: team });
  if (instance) {
    await form.getByRole('radio', { name: /As a new instance/ }).check();
    await form.getByLabel('Name of the new instance').fill(instance);
  }
  await form.getByRole('button', { name: 'Create team key' }).click();
  return form;
}
