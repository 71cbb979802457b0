import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

/**
 * A real squid (Debian's) on 127.0.0.1 that signs users in with NTLM through its test helper
 * (ntlm_fake_auth: a real NTLM handshake, any password accepted), for the transport's Windows
 * sign-in. Its config, cache and logs live in a temp folder; it resolves the test names
 * (veza.test...) from its own hosts file and asks no DNS server. Needs the squid package
 * (README, Prerequisites); without it the test fails and says so.
 */
export interface Squid {
  url: string;
  port: number;
  /** The access log so far (squid's native format: ... user hierarchy type). */
  accessLog(): string;
  close(): Promise<void>;
}

const binaries = ['/usr/sbin/squid', '/usr/local/sbin/squid'];
const helpers = ['/usr/lib/squid/ntlm_fake_auth', '/usr/lib64/squid/ntlm_fake_auth'];

export async function startSquid(options: { names?: string[] } = {}): Promise<Squid> {
  const binary = binaries.find((candidate) => existsSync(candidate));
  const helper = helpers.find((candidate) => existsSync(candidate));
  if (!binary || !helper)
    throw new Error('squid is not installed: on Debian, apt-get install squid.');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-squid-'));
  await mkdir(path.join(folder, 'cache'));
  const port = await freePort();
  const names = options.names ?? ['veza.test', 'other.test', 'acme.vezacloud.invalid'];
  await writeFile(path.join(folder, 'hosts'), `127.0.0.1 ${names.join(' ')}\n`);
  const user = workerUser(folder);
  const log = path.join(folder, 'access.log');
  await writeFile(
    path.join(folder, 'squid.conf'),
    `${user ? `cache_effective_user ${user.name}\n` : ''}http_port 127.0.0.1:${port}
pid_filename ${path.join(folder, 'squid.pid')}
cache_log ${path.join(folder, 'cache.log')}
access_log stdio:${log}
cache_store_log none
coredump_dir ${path.join(folder, 'cache')}
cache deny all
cache_mem 8 MB
memory_cache_shared off
shutdown_lifetime 0 seconds
hosts_file ${path.join(folder, 'hosts')}
dns_nameservers 127.0.0.1
dns_timeout 1 seconds
pinger_enable off
auth_param ntlm program ${helper}
auth_param ntlm children 2 startup=1 idle=1
auth_param ntlm keep_alive on
acl signed_in proxy_auth REQUIRED
acl local_ports port 1-65535
acl CONNECT method CONNECT
http_access deny !signed_in
http_access allow CONNECT local_ports
http_access allow all
`,
  );
  if (user) chownTree(folder, user);
  const child: ChildProcess = spawn(
    binary,
    // A service name of its own: squid names its shared memory after it, so two test files
    // (or a crashed run's leftovers) never collide.
    ['-N', '-n', `veza${port}`, '-f', path.join(folder, 'squid.conf')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  // Ready when it says so in its log (a probe connection would be one more access-log line).
  const ready = () => read(path.join(folder, 'cache.log')).includes('Accepting HTTP Socket');
  for (let tries = 0; !ready(); tries += 1) {
    if (child.exitCode !== null || tries > 200)
      throw new Error(`squid did not start: ${stderr}${read(path.join(folder, 'cache.log'))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accessLog: () => read(log),
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * As root squid refuses to run its workers as root (CI runs tests as root): they run as
 * Debian's "proxy" user, which must own the temp folder to write its logs there.
 */
function workerUser(folder: string): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'proxy');
  if (!entry) throw new Error(`squid needs its "proxy" user to run as root (folder ${folder}).`);
  return { name: 'proxy', uid: Number(entry[2]), gid: Number(entry[3]) };
}

function chownTree(folder: string, user: { uid: number; gid: number }): void {
  chownSync(folder, user.uid, user.gid);
  for (const name of readdirSync(folder)) chownSync(path.join(folder, name), user.uid, user.gid);
}
