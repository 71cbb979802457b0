import { test, expect } from '@playwright/test';
import path from 'node:path';
import { serveComponentLab } from '../support/serve-component-lab';

// The JSON body editor (CodeMirror 6) in the real built renderer under the app's CSP.
const rendererRoot = path.resolve(__dirname, '../../out/renderer');
let server: Awaited<ReturnType<typeof serveComponentLab>>;
test.beforeAll(async () => {
  server = await serveComponentLab(rendererRoot, new Map());
});
test.afterAll(() => server.close());

test.describe('JSON body editor', () => {
  test('loads only when needed, and its styles apply under style-src self', async ({ page }) => {
    // The CodeMirror chunk itself (not the small LazyJsonBodyEditor chunk that loads it).
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.effectiveDirective} ${event.blockedURI}`,
        ),
      ),
    );
    await page.goto(`${server.origin}/component-lab.html?show=editor`);
    await expect(page.getByRole('button', { name: 'Edit the body' })).toBeVisible();
    expect(scripts.some((script) => script.includes('/JsonBodyEditor-'))).toBe(false);

    await page.getByRole('button', { name: 'Edit the body' }).click();
    const editor = page.getByRole('textbox', { name: 'Request body' });
    await expect(editor).toBeVisible();
    expect(scripts.some((script) => script.includes('/JsonBodyEditor-'))).toBe(true);
    // CodeMirror's base theme makes the editor a flex column; without its styles (blocked by
    // the CSP) it would be a plain block. In the shadow root they are adopted style sheets.
    const styles = await page.locator('.cm-editor').evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        display: style.display,
        flexDirection: style.flexDirection,
        position: style.position,
      };
    });
    expect(styles).toEqual({ display: 'flex', flexDirection: 'column', position: 'relative' });
    expect(
      await page
        .locator('.body-editor-host')
        .evaluate((host) => host.shadowRoot?.adoptedStyleSheets.length ?? 0),
    ).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    expect(violations).toEqual([]);
  });

  test('says where the JSON is wrong in plain words, and formats it without changing values', async ({
    page,
  }) => {
    await page.goto(`${server.origin}/component-lab.html?show=editor`);
    await page.getByRole('button', { name: 'Edit the body' }).click();
    const editor = page.getByRole('textbox', { name: 'Request body' });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('{"id": 12345678901234567890, "name": "x",}');
    const message = page.locator('.body-editor [role="status"]');
    await expect(message).toHaveText(
      'Line 1, column 42: There is a comma just before this }: remove the last comma.',
    );
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('{"id": 12345678901234567890, "name": "x"}');
    await expect(message).toHaveText('Valid JSON.');
    await page.getByRole('button', { name: 'Format' }).click();
    await expect(page.getByRole('status', { name: 'Current body' })).toHaveText(
      '{\n  "id": 12345678901234567890,\n  "name": "x"\n}',
    );
  });
});
