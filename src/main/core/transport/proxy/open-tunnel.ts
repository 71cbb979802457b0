import type { Socket } from 'node:net';
import { codedError, type ProxyResponse } from '../connect/connect-failure';

const MAX_HEAD = 64 * 1024;

/** Reads an HTTP response head from a proxy (status line and headers). */
export function parseProxyHead(head: string): ProxyResponse {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
  const authenticate = lines
    .filter((line) => /^proxy-authenticate:/i.test(line))
    .map((line) => line.slice(line.indexOf(':') + 1).trim());
  return { status, authenticate };
}

/**
 * Asks an HTTP proxy for a tunnel (CONNECT host:port) on an open socket. Resolves when the
 * proxy answers 2xx; otherwise rejects with the proxy's answer attached, so the classifier can
 * tell "sign in" (407) from "refused" (403, 502...).
 */
export function openTunnel(
  socket: Socket,
  authority: string,
  proxyAuthorization: string | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const cleanup = () => {
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(codedError('ECONNRESET', 'The proxy closed the connection before answering CONNECT.'));
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) {
        if (received.length > MAX_HEAD)
          onError(codedError('EPROTO', 'The proxy sent an endless answer.'));
        return;
      }
      cleanup();
      const response = parseProxyHead(received.subarray(0, end).toString('latin1'));
      if (response.status >= 200 && response.status < 300) {
        const rest = received.subarray(end + 4);
        if (rest.length) socket.unshift(rest);
        resolve();
        return;
      }
      reject(
        Object.assign(
          codedError('VEZA_PROXY_STATUS', `The proxy answered CONNECT with ${response.status}.`),
          { proxyResponse: response },
        ),
      );
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
    const auth = proxyAuthorization ? `Proxy-Authorization: ${proxyAuthorization}\r\n` : '';
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`);
  });
}
