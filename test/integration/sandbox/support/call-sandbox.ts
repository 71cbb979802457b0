import { Agent, request } from 'undici';
import type { Sandbox } from '../../../../src/sandbox/start-sandbox';

// A tiny client for the sandbox tests: real HTTP(S) over loopback with undici, trusting the
// sandbox's CA (and nothing else) in https mode.

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any field
}

const agents = new WeakMap<Sandbox, Agent>();

function agentFor(sandbox: Sandbox): Agent {
  let agent = agents.get(sandbox);
  if (!agent) {
    agent = new Agent({ connect: sandbox.caPem ? { ca: sandbox.caPem } : {} });
    agents.set(sandbox, agent);
  }
  return agent;
}

export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const key = options.key === undefined ? sandbox.keys.admin : options.key;
  const headers: Record<string, string> = { ...options.headers };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await request(`${sandbox.url}${path}`, {
    method: method as 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    dispatcher: agentFor(sandbox),
  });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

/** Follows has_more (never the token alone) and returns every item and the pages seen. */
export async function fetchAllPages(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; pageSize?: number } = {},
): Promise<{ items: { id: string }[]; pages: Answer[] }> {
  const items: { id: string }[] = [];
  const pages: Answer[] = [];
  let token = '';
  for (let guard = 0; guard < 1000; guard += 1) {
    const query = new URLSearchParams();
    if (options.pageSize) query.set('page_size', String(options.pageSize));
    if (token) query.set('page_token', token);
    const separator = path.includes('?') ? '&' : '?';
    const answer = await call(sandbox, method, `${path}${separator}${query}`, options);
    if (answer.status !== 200) throw new Error(`page failed: ${answer.status} ${answer.text}`);
    pages.push(answer);
    items.push(...answer.json.values);
    if (!answer.json.has_more) return { items, pages };
    token = answer.json.next_page_token;
  }
  throw new Error('paging did not end');
}
