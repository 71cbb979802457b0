import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { fakeLookup } from './lookups';

export interface ProxyOptions {
  /** basic: needs user:password; ntlm: offers only NTLM/Negotiate (we cannot sign in). */
  auth?: { kind: 'basic'; username: string; password: string } | { kind: 'ntlm' };
  /** Answer CONNECT with this status instead of tunnelling (e.g. 403). */
  refuseWith?: number;
}

export interface TestProxy {
  url: string;
  port: number;
  /** "CONNECT host:port" or "GET http://..." per request the proxy received. */
  log: string[];
  /** Proxy-Authorization values it received. */
  credentialsSeen: string[];
  close(): Promise<void>;
}

/**
 * A real forwarding proxy for tests: CONNECT tunnels for https and absolute-URI requests for
 * http, with optional Basic authentication or an NTLM-only challenge, as corporate proxies do.
 */
export async function startForwardProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const log: string[] = [];
  const credentialsSeen: string[] = [];
  const sockets = new Set<net.Socket>();
  // The proxy resolves names itself, as real ones do; test names only, never outside ones.
  const lookup = fakeLookup() as unknown as net.LookupFunction;

  const challenge = (): string[] =>
    options.auth?.kind === 'ntlm' ? ['NTLM', 'Negotiate'] : ['Basic realm="test-proxy"'];
  const authorized = (header: string | undefined): boolean => {
    if (header) credentialsSeen.push(header);
    if (!options.auth) return true;
    if (options.auth.kind === 'ntlm') return false;
    const expected = Buffer.from(`${options.auth.username}:${options.auth.password}`).toString(
      'base64',
    );
    return header === `Basic ${expected}`;
  };

  const server = http.createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    if (!authorized(req.headers['proxy-authorization'])) {
      res.writeHead(407, { 'proxy-authenticate': challenge() }).end();
      return;
    }
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers,
        lookup,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    log.push(`CONNECT ${req.url}`);
    if (!authorized(req.headers['proxy-authorization'])) {
      const lines = challenge()
        .map((value) => `Proxy-Authenticate: ${value}\r\n`)
        .join('');
      client.end(`HTTP/1.1 407 Proxy Authentication Required\r\n${lines}Content-Length: 0\r\n\r\n`);
      return;
    }
    if (options.refuseWith) {
      client.end(`HTTP/1.1 ${options.refuseWith} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(
      { port: Number(port), host: host.replace(/^\[|\]$/g, ''), lookup },
      () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      },
    );
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    credentialsSeen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
