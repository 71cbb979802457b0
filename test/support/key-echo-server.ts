import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** What the key echo server received: method, target and the Authorization header. */
export interface EchoedRequest {
  method: string;
  target: string;
  authorization: string | undefined;
}

export interface KeyEchoServer {
  origin: string;
  port: number;
  received: EchoedRequest[];
  /** `refuse`: users/self and the provider list answer 401 (the doctor's and the CLI's refusal). */
  settings: { refuse: boolean };
  close(): Promise<void>;
}

/** The ways a server can quote a key back, as the key masker must find them. */
function quoted(authorization: string) {
  const key = authorization.replace(/^Bearer\s+/i, '');
  return {
    authorization,
    key,
    url_encoded: encodeURIComponent(key),
    base64: Buffer.from(key).toString('base64'),
    // The whole header base64-encoded: the key sits inside the blob, off its byte alignment.
    header_base64: Buffer.from(authorization).toString('base64'),
  };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Veza's 401 error envelope, with the refused key quoted in both messages. */
function refusal(authorization: string) {
  const { key, url_encoded } = quoted(authorization);
  return json({
    code: 'Unauthenticated',
    message: `API key ${key} not found`,
    request_id: randomBytes(16).toString('hex'),
    timestamp: new Date().toISOString(),
    details: [
      {
        '@type': 'type.googleapis.com/errorstatus.v1.UserFacingErrorInfo',
        reason: 'API_KEY_NOT_FOUND',
        message: `The key ${url_encoded} (${authorization}) is not known here`,
        resolution: `Generate a new key; this one (${key}) will not work.`,
      },
    ],
  });
}

/**
 * A JSON list of at least `bytes` bytes whose items quote the key in every form. The padding
 * grows by one character per item, so the key falls at every offset of a read chunk.
 */
function largeList(authorization: string, bytes: number): Buffer {
  const forms = quoted(authorization);
  const items: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const item = JSON.stringify({ i, pad: 'x'.repeat(i % 997), ...forms });
    items.push(item);
    size += item.length + 1;
  }
  return Buffer.from(`{"values":[${items.join(',')}],"next_page_token":""}`);
}

interface Answer {
  status: number;
  type: string;
  body: Buffer;
  headers?: Record<string, string>;
}

function answerFor(url: URL, authorization: string, settings: KeyEchoServer['settings']): Answer {
  const forms = quoted(authorization);
  const ok = (body: Buffer, type = 'application/json'): Answer => ({ status: 200, type, body });
  const denied: Answer = { status: 401, type: 'application/json', body: refusal(authorization) };
  switch (url.pathname) {
    // What the connection doctor reads: who the key acts as, and what it reaches.
    case '/api/v1/users/self':
      if (settings.refuse) return denied;
      return ok(
        json({
          value: {
            id: 'echo-user',
            name: `Echo ${forms.key}`,
            email: `echo+${forms.url_encoded}@example.com`,
            team: { name: `Team ${forms.base64}` },
            roles: ['admin'],
            api_key: { id: forms.key },
          },
        }),
      );
    case '/api/v1/providers':
      if (settings.refuse) return denied;
      return ok(json({ values: [{ id: 'p1', name: forms.authorization }], next_page_token: '' }));
    case '/echo/small':
      return ok(json({ value: forms }));
    case '/echo/large': {
      const body = largeList(authorization, Number(url.searchParams.get('bytes') ?? 300_000));
      if (url.searchParams.get('gzip') !== '1') return ok(body);
      return { ...ok(gzipSync(body)), headers: { 'Content-Encoding': 'gzip' } };
    }
    case '/echo/html':
      return ok(
        Buffer.from(
          `<!doctype html><html><head><title>Echo</title></head><body>` +
            `<p>You sent ${forms.authorization}</p><p>${forms.url_encoded}</p>` +
            `<p>${forms.base64}</p></body></html>`,
        ),
        'text/html; charset=utf-8',
      );
    case '/echo/redirect':
      return {
        status: 302,
        type: 'text/plain',
        body: Buffer.from(`Moved to ${forms.key}`),
        headers: {
          Location: `/echo/small?token=${forms.url_encoded}&b64=${encodeURIComponent(forms.base64)}`,
        },
      };
    case '/echo/denied':
      return denied;
    default:
      return { status: 404, type: 'text/plain', body: Buffer.from(`No ${url.pathname} here`) };
  }
}

/**
 * A server on 127.0.0.1 that quotes the Authorization header it received back in every
 * answer: in headers (one of them a Set-Cookie list), in small and large JSON bodies (raw,
 * URL-encoded and base64, also gzip-encoded), in an HTML page, in a redirect's Location, and
 * in Veza's 401 error envelope. Tests prove that main masks the key wherever it comes back.
 */
export async function startKeyEchoServer(): Promise<KeyEchoServer> {
  const received: EchoedRequest[] = [];
  const settings = { refuse: false };
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const authorization = request.headers.authorization;
      received.push({ method: request.method ?? '', target: request.url ?? '', authorization });
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const answer = answerFor(url, authorization ?? '', settings);
      const forms = quoted(authorization ?? '');
      response.writeHead(answer.status, {
        'Content-Type': answer.type,
        'Content-Length': String(answer.body.length),
        'X-Echo-Authorization': forms.authorization,
        'X-Echo-Key-Url': forms.url_encoded,
        'X-Echo-Key-Base64': forms.base64,
        'Set-Cookie': [`echo=${forms.url_encoded}; Path=/`, `echo64=${forms.base64}; Path=/`],
        ...answer.headers,
      });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    settings,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
