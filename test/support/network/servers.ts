import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Issued } from '../../../src/sandbox/tls/certificates';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A server the test made, with what it saw. */
export interface TestServer {
  port: number;
  /** http(s)://127.0.0.1:port, or with the given host name. */
  url(path?: string, host?: string): string;
  /** Every request head it received. */
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders }[];
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

async function listen(server: net.Server, scheme: string): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0 };
  server.on('connection', (socket: net.Socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const requests: TestServer['requests'] = [];
  server.on('request', (req: http.IncomingMessage) =>
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers }),
  );
  return {
    port,
    url: (path = '/', host = '127.0.0.1') => `${scheme}://${host}:${port}${path}`,
    requests,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function startHttpServer(handler: Handler): Promise<TestServer> {
  return listen(http.createServer(handler), 'http');
}

/** An https server presenting `chain` (leaf first, PEM) with the leaf's key. */
export function startHttpsServer(
  leaf: Issued,
  handler: Handler,
  extraChain: Issued[] = [],
): Promise<TestServer> {
  const cert = leaf.cert + extraChain.map((c) => c.cert).join('');
  return listen(https.createServer({ cert, key: leaf.key }, handler), 'https');
}

/** A raw TCP server: accepts and lets the test decide what (not) to say. */
export function startTcpServer(onSocket: (socket: net.Socket) => void): Promise<TestServer> {
  return listen(net.createServer(onSocket), 'https');
}

export const ok: Handler = (_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end('{"value":{"ok":true}}');
};
