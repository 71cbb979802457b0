import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './support/app-fixture';

test.describe('renderer security in Chromium', () => {
  test('the CSP forbids eval (string code run by the page itself)', async ({ app }) => {
    // Code passed to page.evaluate is exempt from CSP (it comes from DevTools), so the test
    // asks the page to run a string through a timer, which the browser treats like eval.
    const outcome = await app.page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(`${event.effectiveDirective} ${event.blockedURI}`),
          { once: true },
        ),
      );
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = true', 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        ran: (window as unknown as { __evalRan?: boolean }).__evalRan === true,
        violation: await Promise.race([
          violation,
          new Promise<string>((resolve) => setTimeout(() => resolve('none'), 500)),
        ]),
      };
    });
    expect(outcome).toEqual({ ran: false, violation: 'script-src eval' });
  });

  test('the app never trips its own CSP: load, open the Requests tab, send', async ({
    app,
    sandbox,
  }) => {
    const { page } = app;
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.effectiveDirective} ${event.blockedURI}`,
        ),
      ),
    );
    await page.reload();
    await app.profiles.create(
      { name: 'Sandbox', address: sandbox.url, colour: '#2457c5', production: false, notes: '' },
      { apiKey: sandbox.keys.admin as string, acceptAsIs: false },
    );
    await page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', { name: 'Sandbox' })
      .click();
    await page.getByRole('tab', { name: 'Requests' }).click();
    await page.getByRole('combobox', { name: 'Path or what you want to do' }).fill('/api/v1/roles');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('treeitem', { name: /"oaa_push"/ }).first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('the CSP forbids inline scripts', async ({ app }) => {
    const ran = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });

  test('the page cannot reach any other origin, even on this machine', async ({ app }) => {
    let hits = 0;
    const other = http.createServer((_request, response) => {
      hits += 1;
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.end('reached');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    const outcome = await app.page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch {
        return 'blocked';
      }
    }, `http://127.0.0.1:${port}/`);
    other.close();
    expect(outcome).toBe('blocked');
    expect(hits).toBe(0);
  });

  test('the page sees window.veza and nothing of Node or Electron', async ({ app }) => {
    const globals = await app.page.evaluate(() => ({
      veza: Object.keys(window.veza).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(globals).toEqual({
      veza: ['invoke', 'on'],
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  test('a call outside the contract never reaches main', async ({ app }) => {
    const outcome = await app.page.evaluate(() =>
      (window.veza.invoke as (name: string, args: unknown) => Promise<unknown>)(
        'fs.readFile',
        '/etc/passwd',
      ).then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    expect(outcome).toBe('Unknown call: fs.readFile');
    // Only contract calls reached main (the page loads its instances on start).
    expect(app.records.map((record) => record.name)).not.toContain('fs.readFile');
    expect(app.records.every((record) => record.name.startsWith('profiles.'))).toBe(true);
  });
});

test('the built index.html carries the strict CSP itself, not only the server header', async () => {
  const { readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const { contentSecurityPolicy } =
    await import('../../src/shared/security/content-security-policy');
  const html = await readFile(path.resolve(__dirname, '../../out/renderer/index.html'), 'utf8');
  expect(html).toContain(
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
  );
});
