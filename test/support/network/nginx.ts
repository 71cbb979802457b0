import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { accepts, freePort } from './free-port';

/**
 * A real nginx (Debian's, as companies put in front of services) on 127.0.0.1, for what a
 * gateway in front of Veza answers with: its own error pages, a 502 when the upstream is down,
 * a 504 when it does not answer in time. `server` is the body of one `server { }` block; the
 * listen line is added. Needs the nginx package (README, Prerequisites); without it the test
 * fails and says so.
 */
export interface Nginx {
  url: string;
  port: number;
  close(): Promise<void>;
}

const binaries = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];

/** `tls`: serve https with this certificate (PEM text), its key and any extra files named in `server`. */
export async function startNginx(
  server: string,
  tls?: { cert: string; key: string; files?: Record<string, string> },
): Promise<Nginx> {
  const binary = binaries.find((candidate) => existsSync(candidate));
  if (!binary) throw new Error('nginx is not installed: on Debian, apt-get install nginx.');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-nginx-'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${path.join(folder, name)};`)
    .join('\n');
  let listen = `listen 127.0.0.1:${port};`;
  let body = server;
  if (tls) {
    const files = { 'server.crt': tls.cert, 'server.key': tls.key, ...tls.files };
    for (const [name, text] of Object.entries(files))
      await writeFile(path.join(folder, name), text);
    listen = `listen 127.0.0.1:${port} ssl;
    ssl_certificate ${path.join(folder, 'server.crt')};
    ssl_certificate_key ${path.join(folder, 'server.key')};`;
    // Extra files are named in the block by their bare name: {{name}}.
    body = server.replace(/\{\{([\w.-]+)\}\}/g, (_, name: string) => path.join(folder, name));
  }
  // As root (CI), workers would switch to a user that cannot enter the temp folder.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  await writeFile(
    path.join(folder, 'nginx.conf'),
    `${user}worker_processes 1;
daemon off;
pid ${path.join(folder, 'nginx.pid')};
error_log ${path.join(folder, 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log off;
${temp}
  server {
    ${listen}
${body}
  }
}
`,
  );
  const child: ChildProcess = spawn(binary, ['-p', folder, '-c', path.join(folder, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = () => {
    const file = path.join(folder, 'error.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  for (let tries = 0; !(await accepts(port)); tries += 1) {
    if (child.exitCode !== null || tries > 100)
      throw new Error(`nginx did not start: ${stderr}${errorLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(folder, { recursive: true, force: true });
    },
  };
}
