import { defaultSettings, maxPageSize } from '../../../../src/sandbox/sandbox-settings';
import type { RequestRecord } from '../../../../src/sandbox/sandbox-state';
import type { Sandbox } from '../../../../src/sandbox/start-sandbox';

// Issue 15's list shapes as the simulated Veza (src/sandbox) holds them, for the tests that walk
// them through the request workspace and through `veza-desk api --paginate`: what the sandbox
// holds, read by one plain request with the admin key (no paging client in between), the page
// requests it saw during a walk, and the team keys a walk of three pages needs.

/** The sandbox's answer to one plain request with the admin key (a POST when there is a body). */
export async function readSandbox(
  sandbox: Sandbox,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${sandbox.keys.admin}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * A whole list as the sandbox holds it, in one plain request of the largest page; refused when
 * the list does not fit in that one page (the test would then compare with part of it).
 */
export async function wholeList<T = Record<string, unknown>>(
  sandbox: Sandbox,
  path: string,
  listKey: string,
): Promise<T[]> {
  const page = await readSandbox(sandbox, `${path}?page_size=${maxPageSize}`);
  const more = page.has_more ?? (typeof page.next_page_token === 'string' && page.next_page_token);
  if (more) throw new Error(`${path} holds more than one page of ${maxPageSize}`);
  return page[listKey] as T[];
}

/** VQL's rows for `SHOW <type>`, all in one plain query (a LIMIT larger than the graph). */
export async function allVqlRows(sandbox: Sandbox, nodeType: string): Promise<unknown[]> {
  const page = await readSandbox(sandbox, '/api/v1/assessments/vql:nodes', {
    query: `SHOW ${nodeType} LIMIT 100000;`,
  });
  if (page.has_more !== false) throw new Error(`SHOW ${nodeType} did not fit in one answer`);
  return page.path_values as unknown[];
}

/** The events, and the page_size that walks them in exactly three pages. */
export async function eventsInThreePages(
  sandbox: Sandbox,
): Promise<{ events: Record<string, unknown>[]; pageSize: number }> {
  const events = await wholeList(sandbox, '/api/preview/events', 'events');
  if (events.length < 5) throw new Error('too few events for three pages');
  return { events, pageSize: Math.ceil(events.length / 3) };
}

/** A saved query's count (`:result`): its path, and the answer of one plain request. */
export async function savedQueryCount(
  sandbox: Sandbox,
): Promise<{ path: string; held: Record<string, unknown> }> {
  const [saved] = await wholeList<{ id: string }>(sandbox, '/api/v1/assessments/queries', 'values');
  if (!saved) throw new Error('the sandbox holds no saved query');
  const path = `/api/v1/assessments/queries/${saved.id}:result`;
  return { path, held: await readSandbox(sandbox, path) };
}

/** The requests the sandbox received on `path` while `walk` ran (its log keeps the last 1,000). */
export async function requestsDuring<T>(
  sandbox: Sandbox,
  path: string,
  walk: () => Promise<T>,
): Promise<{ result: T; requests: RequestRecord[] }> {
  const last = sandbox.requests.at(-1);
  const result = await walk();
  const since = sandbox.requests.slice(last ? sandbox.requests.indexOf(last) + 1 : 0);
  return { result, requests: since.filter((request) => request.path === path) };
}

/** Every switch back to its default, after a test that changed some. */
export function resetSandboxSettings(sandbox: Sandbox): void {
  sandbox.configure({ ...defaultSettings });
}

/** A team key name of more than one byte per character in UTF-8. */
export const nonAsciiKeyName = 'Schlüssel für „Ünïcode ✓“ (Zugriff verweigert)';

/**
 * Team keys for a walk of three pages of 3 (3, 3, 1) without has_more: the sandbox's own keys
 * first, then new ones up to 7, the one in the middle of the middle page named with non-ASCII
 * text, so that only that page is more than one byte per character (checked). Switches the
 * empty page while has_more off (a test's afterEach puts it back). Returns the page size, the
 * keys as the sandbox lists them, and a function that deletes the new keys again.
 */
export async function threePagesOfTeamKeys(
  sandbox: Sandbox,
): Promise<{ pageSize: number; held: Record<string, unknown>[]; remove: () => void }> {
  sandbox.configure({ emptyPageWhileHasMore: false });
  const pageSize = 3;
  const total = 2 * pageSize + 1;
  const middle = pageSize + 1;
  const already = (await wholeList(sandbox, '/api/preview/teamkeys', 'values')).length;
  if (already > middle) throw new Error(`the sandbox already holds ${already} team keys`);
  const made: string[] = [];
  const remove = () => {
    for (const id of made) sandbox.control.deleteKey(id);
  };
  for (let index = already; index < total; index += 1)
    made.push(
      sandbox.control.createTeamKey({
        teamId: sandbox.demo.teams.platform,
        name: index === middle ? nonAsciiKeyName : `Shapes key ${index + 1}`,
      }).id,
    );
  const held = await wholeList(sandbox, '/api/preview/teamkeys', 'values');
  const multiByte = multiBytePages(held, pageSize);
  if (multiByte.join() !== 'false,true,false') {
    remove();
    throw new Error(`not one multi-byte page in the middle of three: ${multiByte.join()}`);
  }
  return { pageSize, held, remove };
}

/** For each page of `pageSize` of `items`: whether its JSON is more than a byte per character. */
function multiBytePages(items: readonly unknown[], pageSize: number): boolean[] {
  const pages: boolean[] = [];
  for (let start = 0; start < items.length; start += pageSize) {
    const text = JSON.stringify(items.slice(start, start + pageSize));
    pages.push(Buffer.byteLength(text) !== text.length);
  }
  return pages;
}

/**
 * The providers, with the switches for a walk in pages of 25 (no page_size) said out loud:
 * the defaults, an empty second page with has_more true and a token on the last page (with
 * has_more false). `requests` is how many a walk takes: a page of 25 each, one more for the
 * empty page, none after the last.
 */
export async function providersInPagesOf25(
  sandbox: Sandbox,
): Promise<{ providers: Record<string, unknown>[]; requests: number }> {
  sandbox.configure({ emptyPageWhileHasMore: true, tokenOnLastPage: true });
  const providers = await wholeList(sandbox, '/api/v1/providers', 'values');
  if (providers.length <= 25) throw new Error('too few providers for a second page');
  return { providers, requests: Math.ceil(providers.length / 25) + 1 };
}
