import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What an echo server received: method, target, headers (values as UTF-8) and body. */
export interface ReceivedRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A server on 127.0.0.1 that answers every request with 200 {"ok":true} and keeps what it
 * received, so tests can run generated code for real and see exactly what arrived.
 */
export async function startEchoServer(): Promise<{
  origin: string;
  received: ReceivedRequest[];
  close: () => Promise<void>;
}> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        // Node reads header bytes as Latin-1; curl and requests send UTF-8.
        const name = (request.rawHeaders[i] ?? '').toLowerCase();
        headers[name] = Buffer.from(request.rawHeaders[i + 1] ?? '', 'latin1').toString('utf8');
      }
      received.push({
        method: request.method ?? '',
        target: request.url ?? '',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
