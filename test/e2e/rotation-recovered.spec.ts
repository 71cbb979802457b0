import { seriousA11yFindings } from './support/accessibility';
import { test, expect } from './support/app-fixture';

// What the window shows when main finished or undid a key rotation left unfinished (the
// integration tests in test/integration/keys/rotation-crash.test.ts check main's side and the
// event it sends; here: the same event, as the user reads it).

test.describe('a key rotation left unfinished', () => {
  test('the window says what became of it, in plain words, until dismissed', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    app.emit('keys.rotationRecovered', {
      holderProfileName: 'Acme HR sync',
      outcome: 'rolled-back',
      detail:
        'Veza Desk stopped before the new key “HR sync (rotated 2025-03-04)” was checked, so the rotation was undone: Acme HR sync uses the old key again, and the new key “HR sync (rotated 2025-03-04)” was revoked.',
    });
    app.emit('keys.rotationRecovered', {
      holderProfileName: 'Acme payroll',
      outcome: 'pending',
      detail:
        'Veza Desk stopped after the new key “Payroll (rotated 2025-03-04)” was saved and checked. Acme payroll uses it, but the old key “Payroll” still works: it could not be revoked yet (The server refused the connection). Veza Desk tries again the next time it starts.',
    });

    // Both are in the window's status line, each on its own, each with its own Dismiss.
    const status = page.getByRole('main').getByRole('status').first();
    await expect(status).toContainText('The key rotation of “Acme HR sync” was undone.');
    await expect(status).toContainText('Acme HR sync uses the old key again');
    await expect(status).toContainText('The key rotation of “Acme payroll” is not settled yet.');
    await expect(status).toContainText('Veza Desk tries again the next time it starts.');
    expect(await seriousA11yFindings(page)).toEqual([]);

    await status.getByRole('button', { name: 'Dismiss' }).first().click();
    await expect(status).not.toContainText('Acme HR sync');
    await expect(status).toContainText('Acme payroll');
    await status.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText(/The key rotation of/)).toHaveCount(0);
  });
});
