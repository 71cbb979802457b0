import { startHttpServer, type TestServer } from '../../../support/network/servers';

// A small server on 127.0.0.1 for what the simulated Veza (src/sandbox) does not do: every
// error carries one request_id known in advance (the simulator's are random), it records
// each request it gets (so a test can see that nothing reached it), and `/api/v1/echo` echoes
// the key back, in a header and the body (not Veza: for the test that the key is masked).
// Anything else answers Veza's error envelope: 401 without the right key, else 404.

export interface DocumentedVeza {
  url: string;
  key: string;
  server: TestServer;
  close(): Promise<void>;
}

/** The request_id of every error this server answers. */
export const documentedRequestId = '0123456789abcdef0123456789abcdef';

const envelope = (code: string, message: string) => ({
  code,
  message,
  request_id: documentedRequestId,
  timestamp: '2026-12-01T00:00:00Z',
  details: [],
});

export async function startDocumentedVeza(key: string): Promise<DocumentedVeza> {
  const server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${key}`)
      return send(401, envelope('Unauthenticated', 'Invalid API key'));
    if (req.method === 'GET' && url.pathname === '/api/v1/echo') {
      res.setHeader('x-echo', req.headers.authorization ?? '');
      return send(200, { value: { url: req.url, authorization: req.headers.authorization } });
    }
    return send(404, envelope('NotFound', 'Not Found'));
  });
  return {
    url: server.url('').replace(/\/$/, ''),
    key,
    server,
    close: () => server.close(),
  };
}
