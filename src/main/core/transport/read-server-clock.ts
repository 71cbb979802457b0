import { openDiagnosticConnection } from './connect/open-diagnostic-connection';
import type { TransportContext } from './transport-context';
import type { TransportNetwork } from './transport-types';

/** Enough for any answer's head; the body is never read. */
const maxHeadBytes = 16 * 1024;

/**
 * The server's clock, from the `Date` header of a `HEAD /` sent over a connection that checks
 * no certificate (the certificate is what is in doubt) and carries no key, no cookie and
 * nothing else of the user's: a diagnostic that tells "this computer's clock is wrong" from
 * "the certificate is wrong", never used for anything else. Through the same proxy decision as
 * a request. Undefined when the server cannot be reached or names no time.
 */
export async function readServerClock(
  context: TransportContext,
  url: string,
  network?: TransportNetwork,
): Promise<Date | undefined> {
  try {
    const { socket, target, timeouts } = await openDiagnosticConnection(
      context,
      url,
      network,
      'unchecked',
    );
    const head = await new Promise<string>((resolve) => {
      let received = '';
      const done = () => {
        clearTimeout(timer);
        socket.destroy();
        resolve(received);
      };
      const timer = setTimeout(done, Math.min(timeouts.firstByteMs, 10_000));
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        received += chunk;
        if (received.includes('\r\n\r\n') || received.length > maxHeadBytes) done();
      });
      socket.once('error', done);
      socket.once('end', done);
      socket.write(
        `HEAD / HTTP/1.1\r\nHost: ${target.host}\r\nUser-Agent: Veza Desk clock check\r\nConnection: close\r\n\r\n`,
      );
    });
    const date = /^date:[ \t]*([^\r\n]+)/im.exec(head.split('\r\n\r\n')[0] ?? '')?.[1];
    const time = date === undefined ? Number.NaN : Date.parse(date);
    return Number.isNaN(time) ? undefined : new Date(time);
  } catch {
    return undefined;
  }
}
