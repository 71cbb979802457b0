import { spawn } from 'node:child_process';
import { accepts, freePort } from './free-port';
import { tempFolder } from './temp-folder';

export interface OpensslServer {
  url: (host: string) => string;
  close(): Promise<void>;
}

/**
 * OpenSSL's own test server (`openssl s_server`) on 127.0.0.1, presenting `cert`/`key` and
 * asking for a client certificate from `clientCa`: unlike Node, whose server checks the client
 * certificate after the handshake and just closes, OpenSSL turns a bad one down with a TLS
 * alert (unknown CA, expired...), as most servers and load balancers do.
 */
export async function startOpensslServer(options: {
  cert: string;
  key: string;
  clientCa: string;
  version: 'TLSv1.2' | 'TLSv1.3';
}): Promise<OpensslServer> {
  const folder = tempFolder();
  const port = await freePort();
  const child = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      `127.0.0.1:${port}`,
      '-cert',
      folder.write('server.pem', options.cert),
      '-key',
      folder.write('server.key', options.key),
      '-CAfile',
      folder.write('clients.pem', options.clientCa),
      '-Verify',
      '1',
      '-verify_return_error',
      options.version === 'TLSv1.3' ? '-tls1_3' : '-tls1_2',
      '-www',
      '-quiet',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Ready once it accepts a connection (that one is closed at once).
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`openssl s_server exited: ${output}`);
    if (await accepts(port)) break;
    if (tries > 100) throw new Error(`openssl s_server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: (host) => `https://${host}:${port}`,
    close: async () => {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
      folder.dispose();
    },
  };
}
