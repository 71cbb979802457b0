import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { ntowfV2 } from '../../../src/main/core/transport/proxy/ntlm-messages';
import { fakeLookup } from './lookups';

export interface ProxyOptions {
  /**
   * basic: needs user:password. negotiate: offers only Negotiate/Kerberos (a Windows ticket,
   * which we cannot do); a proxy that really signs in with NTLM is startNtlmProxy below (and
   * squid, test/support/network/squid.ts).
   */
  auth?: { kind: 'basic'; username: string; password: string } | { kind: 'negotiate' };
  /** Answer CONNECT with this status instead of tunnelling (e.g. 403). */
  refuseWith?: number;
  /** The test names it resolves (to 127.0.0.1); fakeLookup's by default. */
  names?: string[];
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
  const lookup = fakeLookup(options.names) as unknown as net.LookupFunction;

  const challenge = (): string[] =>
    options.auth?.kind === 'basic' ? ['Basic realm="test-proxy"'] : ['Negotiate', 'Kerberos'];
  const authorized = (header: string | undefined): boolean => {
    if (header) credentialsSeen.push(header);
    if (!options.auth) return true;
    if (options.auth.kind !== 'basic') return false;
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
    tunnelTo(client, req.url ?? '', head, lookup);
  });
  return { ...(await listening(server, sockets)), log, credentialsSeen };
}

export interface NtlmProxy extends TestProxy {
  /** DOMAIN\user of each accepted sign-in. */
  signedIn: string[];
}

/**
 * A CONNECT proxy that signs in with NTLM and checks the password (squid's test helper accepts
 * any): Type 1 -> a Type 2 challenge -> the Type 3's NTLMv2 proof recomputed with the expected
 * password (MS-NLMP 3.3.2), on one kept-alive connection. closeFirst: close the connection
 * after the first 407 (as some proxies do), so the client must come back on a new one.
 */
export async function startNtlmProxy(options: {
  username: string;
  domain: string;
  password: string;
  closeFirst?: boolean;
}): Promise<NtlmProxy> {
  const log: string[] = [];
  const credentialsSeen: string[] = [];
  const signedIn: string[] = [];
  const sockets = new Set<net.Socket>();
  const lookup = fakeLookup() as unknown as net.LookupFunction;
  const expectedKey = ntowfV2({ ...options, workstation: '' });

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let received = Buffer.alloc(0);
    let serverChallenge: Buffer | undefined;
    let first = true;
    const answer407 = (authenticate: string, close = false) => {
      // With a body, as real proxies send their error page: the client must read past it.
      const text = `HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: ${authenticate}\r\nContent-Length: 7\r\n${close ? 'Connection: close\r\n' : ''}\r\nsign in`;
      if (close) client.end(text);
      else client.write(text);
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.subarray(0, end).toString('latin1');
      received = received.subarray(end + 4);
      const [requestLine = '', ...lines] = head.split('\r\n');
      log.push(requestLine.replace(/ HTTP\/1\.1$/, ''));
      const authorization = lines
        .find((line) => /^proxy-authorization:/i.test(line))
        ?.replace(/^[^:]*:\s*/, '');
      if (authorization) credentialsSeen.push(authorization);
      const token = /^NTLM\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      const message = token ? Buffer.from(token, 'base64') : undefined;
      const type = message && message.length >= 12 ? message.readUInt32LE(8) : 0;
      const closeNow = first && options.closeFirst && !authorization;
      first = false;
      if (type === 1) {
        serverChallenge = randomBytes(8);
        answer407(`NTLM ${challengeMessage(serverChallenge, options.domain)}`);
      } else if (type === 3 && message && serverChallenge && checks(message, serverChallenge)) {
        client.removeListener('data', onData);
        tunnelTo(client, requestLine.split(' ')[1] ?? '', received, lookup);
      } else {
        serverChallenge = undefined;
        answer407('NTLM', closeNow);
      }
    };
    client.on('data', onData);
  });

  const checks = (message: Buffer, serverChallenge: Buffer): boolean => {
    const field = (index: number) => {
      const at = 12 + index * 8;
      const offset = message.readUInt32LE(at + 4);
      return message.subarray(offset, offset + message.readUInt16LE(at));
    };
    const nt = field(1);
    const domain = field(2).toString('utf16le');
    const user = field(3).toString('utf16le');
    if (nt.length <= 24) return false; // NTLMv1 or LM: refused, as a hardened Windows domain does
    const proof = createHmac('md5', expectedKey)
      .update(Buffer.concat([serverChallenge, nt.subarray(16)]))
      .digest();
    const ok =
      proof.equals(nt.subarray(0, 16)) &&
      user.toUpperCase() === options.username.toUpperCase() &&
      domain.toUpperCase() === options.domain.toUpperCase();
    if (ok) signedIn.push(`${domain}\\${user}`);
    return ok;
  };

  return { ...(await listening(server, sockets)), log, credentialsSeen, signedIn };
}

/** Listens on a free 127.0.0.1 port; close() cuts the open connections too. */
async function listening(server: net.Server, sockets: Set<net.Socket>) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers a CONNECT with 200 and joins the client to the target (test names only). */
function tunnelTo(client: net.Socket, authority: string, head: Buffer, lookup: net.LookupFunction) {
  const [host = '', port = '443'] = authority.split(/:(?=\d+$)/);
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
}

/** A Type 2 message: Unicode, NTLM, extended session security, target info with the domain. */
function challengeMessage(serverChallenge: Buffer, domain: string): string {
  const name = Buffer.from(domain.toUpperCase(), 'utf16le');
  const pair = Buffer.alloc(4);
  pair.writeUInt16LE(2, 0); // MsvAvNbDomainName
  pair.writeUInt16LE(name.length, 2);
  const targetInfo = Buffer.concat([pair, name, Buffer.alloc(4)]); // then MsvAvEOL
  const header = Buffer.alloc(48);
  header.write('NTLMSSP\0', 0, 'latin1');
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(name.length, 12);
  header.writeUInt16LE(name.length, 14);
  header.writeUInt32LE(48, 16);
  header.writeUInt32LE(0x00898205, 20); // unicode, request target, NTLM, always sign, domain, ESS, target info
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(48 + name.length, 44);
  return Buffer.concat([header, name, targetInfo]).toString('base64');
}
