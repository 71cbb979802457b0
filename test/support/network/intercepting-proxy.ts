import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type net from 'node:net';
import tls from 'node:tls';
import type { Issued } from '../../../src/sandbox/tls/certificates';

export interface InterceptingProxy {
  url: string;
  /** "CONNECT host:port" per tunnel asked for. */
  log: string[];
  /** Every request head it could read inside a tunnel, decrypted (Authorization included). */
  decrypted: string[];
  close(): Promise<void>;
}

/**
 * A forward proxy that terminates TLS itself, as a TLS-inspection box or an attacker's proxy
 * does: it answers CONNECT, presents its own certificate for any host, reads what the client
 * sends and answers as Veza would (users/self), so a client that trusts its certificate shows
 * a green check while the proxy reads the key.
 */
export async function startInterceptingProxy(certificate: Issued): Promise<InterceptingProxy> {
  const log: string[] = [];
  const decrypted: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    log.push(`CONNECT ${req.url ?? ''}`);
    socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
    const inner = new tls.TLSSocket(socket, {
      isServer: true,
      cert: certificate.cert,
      key: certificate.key,
    });
    inner.on('error', () => socket.destroy());
    let text = '';
    inner.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      decrypted.push(text.slice(0, text.indexOf('\r\n\r\n')));
      text = '';
      const body = JSON.stringify({ value: { id: 'u-1', name: 'Looks Legit', roles: [] } });
      inner.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    decrypted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
