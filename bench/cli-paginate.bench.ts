// `veza-desk api --paginate` against the same 100 GETs made bare with undici, on one local
// server (127.0.0.1) serving 10,000 items in 100 pages of Veza's list shape: (a) the time of
// the command (run in-process as run-cli dispatches it, so Node's own start is not counted)
// over the bare walk, interleaved, ratio per round, median; (b) the memory the built command
// (a child process, as a script runs it) needs for the list beyond what it needs for one page,
// against the size of the merged document it prints. Each timed walk starts after a full GC.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Agent, request } from 'undici';
import { runCli } from '../src/cli/run-cli';
import { createTransport } from '../src/main/core/transport';
import { createInstanceSession } from '../src/main/core/veza/instance-client';
import { median, report } from './support/figure';

const pagesCount = 100;
const perPage = 100;
const key = Buffer.from('bench-key-'.repeat(4)).toString('base64');
const listPath = '/api/v1/providers/datasources';

/** 100 page bodies made once: about 1 KB per item (a data source as Veza lists it, with a long note). */
function makePages(): Buffer[] {
  return Array.from({ length: pagesCount }, (_, page) => {
    const values = Array.from({ length: perPage }, (_, i) => {
      const n = page * perPage + i;
      return {
        id: `ds-${String(n).padStart(6, '0')}`,
        name: `Data source ${n}`,
        datasource_type: 'AWS',
        agent_type: 'none',
        status: n % 7 ? 'SUCCESS' : 'ERROR',
        provider_id: `prov-${n % 50}`,
        state: 'ENABLED',
        effective_state: 'ENABLED',
        created_at: '2026-11-01T00:00:00Z',
        updated_at: '2026-11-02T00:00:00Z',
        synced_at: '2026-11-03T00:00:00Z',
        parsed_at: '2026-11-03T00:01:00Z',
        notes: 'n'.repeat(600),
      };
    });
    const last = page === pagesCount - 1;
    return Buffer.from(
      JSON.stringify({ values, has_more: !last, next_page_token: last ? '' : `p${page + 1}` }),
    );
  });
}

async function startServer(pages: Buffer[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.authorization !== `Bearer ${key}` || url.pathname !== listPath) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end('{"code":"Unauthenticated","message":"Invalid API key"}');
    }
    const token = url.searchParams.get('page_token');
    const body = pages[token ? Number(token.slice(1)) : 0] ?? Buffer.from('{}');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A full GC before each timed walk, outside the timing: no side pays for the garbage of the
// one before it (the command's printed document is freed when a real command's process ends).
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  collect();
  const start = performance.now();
  await run();
  return performance.now() - start;
};

const args = (url: string, paginate: boolean) => [
  'api',
  listPath,
  '--url',
  url,
  '-q',
  'page_size=100',
  ...(paginate ? ['--paginate'] : []),
];

async function overhead(url: string): Promise<boolean> {
  // The same 100 GETs a script would make: a new connection pool each walk (as the command
  // opens its own transport), the key, each body read and parsed for its next_page_token.
  const bare = async () => {
    const agent = new Agent();
    try {
      let token = '';
      let items = 0;
      for (;;) {
        const { body } = await request(
          `${url}${listPath}?page_size=100${token ? `&page_token=${encodeURIComponent(token)}` : ''}`,
          {
            dispatcher: agent,
            headers: { accept: 'application/json', authorization: `Bearer ${key}` },
          },
        );
        const page = (await body.json()) as {
          values: unknown[];
          has_more: boolean;
          next_page_token: string;
        };
        items += page.values.length;
        if (!page.has_more) break;
        token = page.next_page_token;
      }
      if (items !== pagesCount * perPage) throw new Error(`bare walk got ${items} items`);
    } finally {
      await agent.close();
    }
  };
  // The same GETs through the instance session alone (transport, key, masking of an echoed
  // key; no paging, no merging): the part of the cost that is the app's one way to an instance.
  const session = async () => {
    const transport = createTransport({ env: {} });
    try {
      const instance = createInstanceSession(transport, { baseUrl: url, key });
      let token = '';
      for (;;) {
        const response = await instance.send({
          method: 'GET',
          url: `${url}${listPath}?page_size=100${token ? `&page_token=${encodeURIComponent(token)}` : ''}`,
          headers: { accept: 'application/json' },
        });
        const bytes = response.body.kind === 'memory' ? response.body.bytes : Buffer.alloc(0);
        await response.release();
        const page = JSON.parse(bytes.toString('utf8')) as {
          has_more: boolean;
          next_page_token: string;
        };
        if (!page.has_more) break;
        token = page.next_page_token;
      }
    } finally {
      await transport.close();
    }
  };
  let printed = 0;
  const sink = { write: (text: string) => (printed += text.length) };
  const context = {
    env: { VEZA_TOKEN: key },
    secrets: () => {
      throw new Error('--url needs no keychain');
    },
  };
  const command = async () => {
    printed = 0;
    const code = await runCli(args(url, true), { stdout: sink, stderr: sink }, context);
    if (code !== 0) throw new Error(`veza-desk api exited ${code}`);
  };
  // The output is checked once: one document with every item.
  let text = '';
  await runCli(
    args(url, true),
    { stdout: { write: (t: string) => (text += t) }, stderr: sink },
    context,
  );
  const merged = JSON.parse(text) as { values: unknown[] };
  if (merged.values.length !== pagesCount * perPage) throw new Error('not every item printed');

  for (let i = 0; i < 3; i += 1) await Promise.all([bare(), command()]); // warm-up
  const ratios: number[] = [];
  const sessionRatios: number[] = [];
  const bareMs: number[] = [];
  const commandMs: number[] = [];
  for (let round = 0; round < 21; round += 1) {
    let bareSum = 0;
    let commandSum = 0;
    let sessionSum = 0;
    for (let i = 0; i < 4; i += 1) {
      // Interleaved, order flipped every time, so every side meets the same machine load.
      if (i % 2 === 0) {
        bareSum += await timed(bare);
        commandSum += await timed(command);
        sessionSum += await timed(session);
      } else {
        sessionSum += await timed(session);
        commandSum += await timed(command);
        bareSum += await timed(bare);
      }
    }
    ratios.push(commandSum / bareSum);
    sessionRatios.push(sessionSum / bareSum);
    bareMs.push(bareSum / 4);
    commandMs.push(commandSum / 4);
  }
  console.error(
    `api --paginate: ${pagesCount} pages, ${pagesCount * perPage} items, ${(text.length / 1e6).toFixed(1)} MB printed; ` +
      `median ${median(commandMs).toFixed(0)} ms vs bare ${median(bareMs).toFixed(0)} ms; ` +
      `the same GETs through the instance session alone: ${median(sessionRatios).toFixed(2)}x bare`,
  );
  return report({
    bench: 'cli-paginate',
    figure: 'api --paginate, 10,000 items in 100 pages / the same 100 GETs bare (undici)',
    value: median(ratios),
    unit: 'x',
    bar: 1.3,
    lowerIsBetter: true,
  });
}

/** The built command as a script runs it: its peak RSS and how much it printed. */
function runBuilt(
  url: string,
  paginate: boolean,
  preload: string,
): Promise<{ rss: number; printed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', preload, path.resolve(__dirname, '../out/main/cli.js'), ...args(url, paginate)],
      {
        env: { PATH: process.env.PATH ?? '', VEZA_TOKEN: key, HOME: os.tmpdir() },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let printed = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /maxRSS=(\d+)/.exec(stderr)?.[1];
      if (code !== 0 || !rss) return reject(new Error(`veza-desk api exited ${code}: ${stderr}`));
      resolve({ rss: Number(rss) * 1024, printed });
    });
  });
}

async function memory(url: string, folder: string): Promise<boolean> {
  const cli = path.resolve(__dirname, '../out/main/cli.js');
  if (!existsSync(cli)) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  const preload = path.join(folder, 'report-rss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const all: number[] = [];
  const one: number[] = [];
  let printed = 0;
  for (let i = 0; i < 5; i += 1) {
    const paged = await runBuilt(url, true, preload);
    const single = await runBuilt(url, false, preload);
    all.push(paged.rss);
    one.push(single.rss);
    printed = paged.printed;
  }
  const growth = median(all) - median(one);
  console.error(
    `api --paginate peak RSS ${(median(all) / 1e6).toFixed(0)} MB, one page ${(median(one) / 1e6).toFixed(0)} MB; ` +
      `${(growth / 1e6).toFixed(1)} MB more for a ${(printed / 1e6).toFixed(1)} MB document`,
  );
  return report({
    bench: 'cli-paginate',
    figure: 'api --paginate peak RSS beyond one page / merged output size',
    value: growth / printed,
    unit: 'x',
    bar: 3,
    lowerIsBetter: true,
  });
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'veza-cli-paginate-bench-'));
  const server = await startServer(makePages());
  try {
    const results = [await overhead(server.url), await memory(server.url, folder)];
    process.exitCode = results.every(Boolean) ? 0 : 1;
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
