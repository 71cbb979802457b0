import type http from 'node:http';
import { startHttpServer, type TestServer } from '../../../support/network/servers';

// The answer shapes docs.veza.com documents that the simulator (src/sandbox) does not produce
// yet (veza-api.md, "Checked against Veza's published docs"), served on 127.0.0.1 as the docs
// write them: provider types (not paged, two lists), events (`events` + next_page_token, no
// has_more), a count (`number_value` as a string), VQL (`path_values` + `cursor` + has_more,
// paged by AFTER CURSOR in the query text), team keys without has_more, providers paged by 25
// by default (page_size up to 100), and a list whose last page repeats its token.

export interface DocumentedVeza {
  url: string;
  key: string;
  server: TestServer;
  /** Sizes of the lists it serves. */
  counts: { events: number; vql: number; teamKeys: number; providers: number };
  /** The events as served (one page holds text that is more than one byte per character). */
  events: readonly Record<string, unknown>[];
  close(): Promise<void>;
}

const envelope = (code: string, message: string) => ({
  code,
  message,
  request_id: '0123456789abcdef0123456789abcdef',
  timestamp: '2026-12-01T00:00:00Z',
  details: [],
});

/** A page of `items` from `offset`; page_size as documented: default 25, at most 100. */
function pageOf<T>(items: readonly T[], query: URLSearchParams) {
  const size = Math.min(Number(query.get('page_size') ?? 25) || 25, 100);
  const offset = Number(query.get('page_token') ?? '0');
  const end = Math.min(offset + size, items.length);
  return { values: items.slice(offset, end), next: end < items.length ? String(end) : '' };
}

async function bodyOf(req: http.IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

export async function startDocumentedVeza(key: string): Promise<DocumentedVeza> {
  const counts = { events: 7, vql: 120, teamKeys: 7, providers: 60 };
  const events = Array.from({ length: counts.events }, (_, i) => ({
    id: `ev-${i + 1}`,
    timestamp: `2026-12-01T00:00:0${i}Z`,
    category: 'INTEGRATIONS',
    severity: i % 2 ? 'ERROR' : 'INFO',
    name: 'Extraction',
    // Page 2 (events 4-6) holds text of more than one byte per character, pages 1 and 3 not:
    // the merged list is cut from each page's bytes, or its text encoded again.
    message: i === 4 ? 'Event 5: Zugriff für „Ünïcode ✓" verweigert' : `Event ${i + 1}`,
  }));
  const nodes = Array.from({ length: counts.vql }, (_, i) => ({
    source: { id: `role-${i + 1}`, type: 'AwsIamRole' },
  }));
  const teamKeys = Array.from({ length: counts.teamKeys }, (_, i) => ({
    id: `tk-${i + 1}`,
    access_key: '',
    name: `Team key ${i + 1}`,
    created_at: '2026-11-01T00:00:00Z',
    status: i % 2 ? 'ACTIVE' : 1,
    team_id: 'team-1',
    team_name: 'Integrations',
  }));
  const providers = Array.from({ length: counts.providers }, (_, i) => ({
    id: `prov-${String(i + 1).padStart(3, '0')}`,
    name: `Provider ${i + 1}`,
    state: 'ENABLED',
  }));

  const server = await startHttpServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'rq-1' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${key}`)
        return send(401, envelope('Unauthenticated', 'Invalid API key'));
      const route = `${req.method} ${url.pathname}`;
      const query = url.searchParams;
      switch (route) {
        case 'GET /api/v1/providers/types':
          return send(200, {
            provider_types: [
              { type: 'AWS', schema_integration_type: 'AWS', enabled: true, provider_ids: ['p1'] },
              { type: 'OKTA', schema_integration_type: 'OKTA', enabled: true, provider_ids: [] },
              {
                type: 'GITHUB',
                schema_integration_type: 'GITHUB',
                enabled: false,
                provider_ids: [],
              },
            ],
            unregistered_custom_provider_types: [],
          });
        case 'GET /api/preview/events': {
          // Three pages of 3, 3, 1; no has_more, an empty token on the last page.
          const page = pageOf(
            events,
            new URLSearchParams({ ...Object.fromEntries(query), page_size: '3' }),
          );
          return send(200, { events: page.values, next_page_token: page.next });
        }
        case 'GET /api/v1/assessments/queries/q-1:result':
          return send(200, { result_type: 'number', number_value: '6' });
        case 'POST /api/v1/assessments/vql:nodes': {
          if (query.has('page_token'))
            return send(
              400,
              envelope('InvalidArgument', 'VQL pages with AFTER CURSOR, not page_token'),
            );
          const text = (JSON.parse(await bodyOf(req)) as { query?: string }).query ?? '';
          const limit = Number(/\bLIMIT\s+(\d+)/i.exec(text)?.[1] ?? 100);
          const cursor = /\bAFTER\s+CURSOR\s+'([^']*)'/i.exec(text)?.[1];
          const offset =
            cursor === undefined ? 0 : Number(Buffer.from(cursor, 'base64').toString());
          const end = Math.min(offset + limit, nodes.length);
          return send(200, {
            path_values: nodes.slice(offset, end),
            cursor: Buffer.from(String(end)).toString('base64'),
            has_more: end < nodes.length,
          });
        }
        case 'GET /api/preview/teamkeys': {
          const page = pageOf(teamKeys, query);
          return send(200, { values: page.values, next_page_token: page.next });
        }
        case 'GET /api/v1/providers': {
          const page = pageOf(providers, query);
          return send(200, {
            values: page.values,
            has_more: page.next !== '',
            next_page_token: page.next,
          });
        }
        case 'GET /api/v1/looping': {
          // The last page hands back the token it was asked with.
          const token = query.get('page_token');
          return send(200, {
            values: [token ?? 'first'],
            next_page_token: 'p2',
          });
        }
        case 'GET /api/v1/echo':
          // Not Veza: a server that echoes the key (in a header and the body), for masking.
          res.setHeader('x-echo', req.headers.authorization ?? '');
          return send(200, { value: { url: req.url, authorization: req.headers.authorization } });
        default:
          return send(404, envelope('NotFound', 'Not Found'));
      }
    })();
  });
  return {
    url: server.url('').replace(/\/$/, ''),
    key,
    server,
    counts,
    events,
    close: () => server.close(),
  };
}
