import type { Socket } from 'node:net';
import { codedError, type ProxyResponse } from '../connect/connect-failure';

const MAX_HEAD = 64 * 1024;
const MAX_BODY = 1024 * 1024;

export interface ProxyAnswer {
  response: ProxyResponse;
  /** Whether the same connection can carry the next CONNECT (NTLM needs it). */
  keepAlive: boolean;
}

/** Reads an HTTP response head from a proxy (status line and headers). */
export function parseProxyHead(head: string): ProxyResponse & { headers: Map<string, string> } {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = new Map<string, string>();
  const authenticate: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'proxy-authenticate') authenticate.push(value);
    else headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return { status, authenticate, headers };
}

/**
 * Reads one answer of a proxy to CONNECT: the head, and for a refusal its body (by
 * Content-Length), so the connection can be asked again. A 2xx leaves what follows (the
 * target's first bytes) in the socket.
 */
export function readProxyAnswer(socket: Socket): Promise<ProxyAnswer> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    let head: ReturnType<typeof parseProxyHead> | undefined;
    let bodyEnd = 0;
    const cleanup = () => {
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const finish = (keepAlive: boolean) => {
      cleanup();
      const { status, authenticate } = head ?? { status: 0, authenticate: [] };
      resolve({ response: { status, authenticate }, keepAlive });
    };
    const onClose = () => {
      // A refusal whose body runs to the close is complete; no answer at all is a reset.
      if (head) finish(false);
      else {
        cleanup();
        reject(
          codedError('ECONNRESET', 'The proxy closed the connection before answering CONNECT.'),
        );
      }
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!head) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) {
          if (received.length > MAX_HEAD)
            onError(codedError('EPROTO', 'The proxy sent an endless answer.'));
          return;
        }
        head = parseProxyHead(received.subarray(0, end).toString('latin1'));
        received = received.subarray(end + 4);
        if (head.status >= 200 && head.status < 300) {
          cleanup();
          if (received.length) socket.unshift(received);
          resolve({ response: { status: head.status, authenticate: [] }, keepAlive: true });
          return;
        }
        const length = head.headers.get('content-length');
        const chunked = /chunked/i.test(head.headers.get('transfer-encoding') ?? '');
        if (length === undefined || chunked || !/^\d+$/.test(length) || Number(length) > MAX_BODY) {
          // No way to tell where the body ends: this connection cannot be asked again.
          finish(false);
          return;
        }
        bodyEnd = Number(length);
      }
      if (received.length >= bodyEnd)
        finish(
          !/\bclose\b/i.test(
            `${head.headers.get('connection') ?? ''} ${head.headers.get('proxy-connection') ?? ''}`,
          ),
        );
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
  });
}
