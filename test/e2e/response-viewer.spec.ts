import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { serveComponentLab, responseFixture, type LabFile } from '../support/serve-component-lab';

// The response viewer in the real built renderer (Chromium, the app's CSP), shown by the
// component lab page with fixtures served from its own origin.
const rendererRoot = path.resolve(__dirname, '../../out/renderer');

const providers = {
  values: [
    { id: 'p-1', name: 'GitHub', state: 'ENABLED', tags: [] },
    {
      id: 'p-2',
      name: 'Okta',
      state: 'DISABLED',
      data_sources: [{ id: 'ds-1', name: 'github mirror' }],
    },
  ],
  has_more: false,
  next_page_token: '',
};

function bigList(items: number): string {
  return JSON.stringify({
    values: Array.from({ length: items }, (_, i) => ({
      id: `id-${i}`,
      name: `Provider ${i}`,
      state: 'ENABLED',
      n: i,
    })),
    has_more: false,
  });
}

const invalidArgument = {
  code: 'InvalidArgument',
  message: 'Invalid Arguments',
  request_id: '1091d23a67ad44a63723fc050280e5ae',
  details: [
    {
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      field_violations: [
        { field: 'name', description: 'Provider with the same name already exists' },
      ],
    },
    {
      '@type': 'type.googleapis.com/errorstatus.v1.UserFacingErrorInfo',
      reason: 'INVALID_ARGUMENTS',
      message: 'Request includes invalid arguments.',
      resolution: 'Reference error details for the exact field violations.',
    },
  ],
};

const json = [{ name: 'Content-Type', value: 'application/json' }];
const labFiles = new Map<string, LabFile>([
  ...responseFixture('providers', {
    status: 200,
    headers: [...json, { name: 'X-Request-Id', value: 'abc' }],
    body: JSON.stringify(providers),
    timings: {
      totalMs: 1240,
      dnsMs: 3,
      connectMs: 11,
      tlsMs: 25,
      firstByteMs: 1100,
      downloadMs: 101,
    },
  }),
  ...responseFixture('big', { status: 200, headers: json, body: bigList(200_000) }),
  // One byte more than main copies to the clipboard (clipboardTextLimit).
  ...responseFixture('too-big-to-copy', {
    status: 200,
    headers: [{ name: 'Content-Type', value: 'text/plain' }],
    body: Buffer.alloc(50_000_001, 'a'),
  }),
  ...responseFixture('refused', {
    status: 401,
    headers: json,
    body: '{"code":"Unauthenticated","message":"invalid token"}',
    host: 'acme.vezacloud.com',
  }),
  ...responseFixture('bad-request', {
    status: 400,
    headers: json,
    body: JSON.stringify(invalidArgument),
  }),
  ...responseFixture('broken', { status: 200, headers: json, body: '{"values": [1, 2,]}' }),
]);

let server: Awaited<ReturnType<typeof serveComponentLab>>;
test.beforeAll(async () => {
  server = await serveComponentLab(rendererRoot, labFiles);
});
test.afterAll(() => server.close());

/** Opens the lab on a fixture and records CSP violations and page errors. */
async function openViewer(page: Page, fixture: string) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { violations: string[] }).violations ??= [];
      (window as unknown as { violations: string[] }).violations.push(
        `${event.effectiveDirective} ${event.blockedURI}`,
      );
    });
  });
  await page.goto(`${server.origin}/component-lab.html?show=viewer&fixture=${fixture}`);
  return {
    problems,
    violations: () =>
      page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []),
  };
}

const tree = (page: Page) => page.getByRole('tree', { name: 'Response body, formatted' });

test.describe('response viewer', () => {
  test('shows status in words, time with stages, size, and the pretty body from a worker under the CSP', async ({
    page,
  }) => {
    const watch = await openViewer(page, 'providers');
    await expect(page.getByText('200 OK')).toBeVisible();
    await expect(page.getByText('the request worked')).toBeVisible();
    await expect(page.getByText('1.24 s')).toBeVisible();
    await expect(
      page.getByText(
        /name lookup 3 ms, connection 11 ms, secure connection 25 ms, waiting for Veza 1\.10 s/,
      ),
    ).toBeVisible();
    await expect(tree(page).getByRole('treeitem', { name: '"name": "GitHub",' })).toBeVisible();
    const item = tree(page).getByRole('treeitem', { name: '"values": [' });
    await expect(item).toHaveAttribute('aria-level', '2');
    await expect(item).toHaveAttribute('aria-expanded', 'true');
    expect(await watch.violations()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });

  test('folds with the mouse and the keyboard, and collapses all', async ({ page }) => {
    await openViewer(page, 'providers');
    const values = tree(page).getByRole('treeitem', { name: '"values": [' });
    await values.locator('.rv-fold').click();
    await expect(
      tree(page).getByRole('treeitem', { name: '"values": […] 2 items,' }),
    ).toHaveAttribute('aria-expanded', 'false');
    await expect(tree(page).getByRole('treeitem', { name: /GitHub/ })).toHaveCount(0);
    // Keyboard: the tree has focus; Right unfolds the active line, Down moves into it.
    await tree(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect(values).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(tree(page)).toHaveAttribute(
      'aria-activedescendant',
      (await tree(page).getByRole('treeitem', { name: '"id": "p-1",' }).getAttribute('id')) ??
        'none',
    );
    await page.keyboard.press('ArrowLeft');
    const firstItem = tree(page).getByRole('treeitem', { name: '{', exact: true }).nth(1);
    await expect(firstItem).toHaveAttribute('aria-level', '3');
    await expect(firstItem).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(
      tree(page).getByRole('treeitem', { name: '"values": […] 2 items,' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(tree(page).getByRole('treeitem', { name: '"name": "Okta",' })).toBeVisible();
  });

  test('searches with a count, next and previous, unfolding to reach a match', async ({ page }) => {
    await openViewer(page, 'providers');
    await page.getByRole('button', { name: 'Collapse all' }).click();
    const search = page.getByRole('searchbox', { name: 'Search the body' });
    await search.fill('github');
    await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toHaveCount(0);
    const count = page.locator('.rv-search-count');
    await expect(count).toHaveText('2 matches: press Enter to go to the first');
    await search.press('Enter');
    await expect(count).toHaveText('1 of 2');
    await expect(page.locator('.rv-match-current')).toHaveText('GitHub');
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(count).toHaveText('2 of 2');
    await expect(page.locator('.rv-match-current')).toHaveText('github');
    await search.press('Shift+Enter');
    await expect(count).toHaveText('1 of 2');
    await search.fill('zebra');
    await expect(count).toHaveText('No matches');
  });

  test('raw view, headers, copy and save', async ({ page }) => {
    await openViewer(page, 'providers');
    await page.getByRole('button', { name: 'Raw view' }).click();
    const raw = page.getByRole('region', { name: 'Response body, as received' });
    await expect(raw).toContainText('{"values":[{"id":"p-1"');
    await page.getByRole('button', { name: 'Copy body' }).click();
    await expect(page.getByText('Body copied.')).toBeVisible();
    expect(await page.evaluate(() => document.body.dataset.copiedBytes)).toBe(
      String(Buffer.byteLength(JSON.stringify(providers))),
    );
    await page.getByRole('button', { name: 'Save to file…' }).click();
    await expect(page.getByText('Save to file was asked 1 time(s).')).toBeVisible();
    await page.getByRole('tab', { name: 'Headers (2)' }).click();
    await expect(page.getByRole('row', { name: 'X-Request-Id abc' })).toBeVisible();
  });

  test('a body too large for the clipboard says so and points to Save to file, without copying', async ({
    page,
  }) => {
    await openViewer(page, 'too-big-to-copy');
    await expect(page.getByRole('region', { name: 'Response body, as received' })).toBeVisible();
    await page.getByRole('button', { name: 'Copy body' }).click();
    await expect(
      page.getByText('The body is too large to copy (50.0 MB). Use Save to file… instead.'),
    ).toBeVisible();
    expect(await page.evaluate(() => document.body.dataset.copiedBytes)).toBeUndefined();
  });

  test('a Veza error shows as its problem above the raw body', async ({ page }) => {
    await openViewer(page, 'bad-request');
    await expect(page.getByText('400 Bad Request')).toBeVisible();
    const problem = page.getByRole('region', { name: 'Veza did not accept the request' });
    await expect(problem).toContainText(
      'Veza says: Invalid Arguments; name: Provider with the same name already exists',
    );
    await expect(problem).toContainText(
      "Veza's advice: Reference error details for the exact field violations.",
    );
    await expect(problem).toContainText('1091d23a67ad44a63723fc050280e5ae');
    await expect(page.getByRole('region', { name: 'Response body, as received' })).toContainText(
      '"code":"InvalidArgument"',
    );
  });

  test('a refused key says so in words', async ({ page }) => {
    await openViewer(page, 'refused');
    await expect(page.getByText('401 Unauthorized')).toBeVisible();
    await expect(page.getByText('the key was refused')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Veza refused the API key' })).toContainText(
      'The instance (acme.vezacloud.com) got the API key and refused it',
    );
  });

  test('a body that claims JSON but is not valid says where, and shows it raw', async ({
    page,
  }) => {
    await openViewer(page, 'broken');
    await expect(
      page.getByText(
        'The body is not valid JSON (line 1, column 18: There is a comma just before this ]',
      ),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Response body, as received' })).toContainText(
      '{"values": [1, 2,]}',
    );
  });

  test('a large body renders only what is visible and reaches its end', async ({ page }) => {
    const watch = await openViewer(page, 'big');
    await expect(tree(page).getByRole('treeitem', { name: '"id": "id-0",' })).toBeVisible({
      timeout: 15_000,
    });
    expect(await page.locator('[role="treeitem"]').count()).toBeLessThan(200);
    await tree(page).focus();
    await page.keyboard.press('End');
    await expect(tree(page).getByRole('treeitem', { name: '"has_more": false' })).toBeVisible();
    await expect(tree(page).getByRole('treeitem', { name: '"n": 199999' })).toBeVisible();
    const last = tree(page).getByRole('treeitem', { name: '"id": "id-199999",' });
    await expect(last).toHaveAttribute('aria-posinset', '1');
    const item = tree(page).getByRole('treeitem', { name: '"n": 199999' });
    await expect(item).toHaveAttribute('aria-setsize', '4');
    expect(await watch.violations()).toEqual([]);
  });

  test('follows the OS theme, light and dark', async ({ page }) => {
    await openViewer(page, 'providers');
    const key = tree(page).locator('.rv-key').first();
    await expect(key).toBeVisible();
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await key.evaluate((element) => getComputedStyle(element).color);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await key.evaluate((element) => getComputedStyle(element).color);
    expect(light).toBe('rgb(107, 33, 168)');
    expect(dark).toBe('rgb(216, 180, 254)');
  });
});
