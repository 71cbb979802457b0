import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { writeCaFile, type WrittenCaFile } from './ca-file';
import { createClock, type Clock } from './clock';
import { createFaultRegistry, type FaultControl, type FaultRule } from './faults/fault-rules';
import { createRequestHandler } from './http/handle-request';
import { originFor, requireLoopbackHost, type LoopbackHost } from './loopback-host';
import { CatalogStore } from './model/catalog-store';
import { IdentityStore } from './model/identity-store';
import { createSeededRandom } from './model/seeded-random';
import { seedIdentities, type DemoIdentities, type DemoKeys } from './model/seed-identities';
import { allRoutes } from './resources/all-routes';
import { createIntegrationsControl, type IntegrationsControl } from './integrations-control';
import { createSandboxControl, type SandboxControl } from './sandbox-control';
import { defaultSettings, type SandboxSettings } from './sandbox-settings';
import type { RequestRecord, SandboxState, SandboxStats } from './sandbox-state';
import { makeLoopbackTls } from './tls/certificates';

// startSandbox: one simulated Veza instance. Everything it holds lives in the returned object
// (no globals), so tests and the app's demo mode can run several side by side and close each.

export interface SandboxOptions {
  /** Serve https with a private CA (returned as caPem). Default false: plain http. */
  https?: boolean;
  /** 0 (default) = a free port. */
  port?: number;
  /** '127.0.0.1' (default) or '::1'; anything else is refused. */
  host?: string;
  /** Seed for the made-up data (providers, nodes, ids). Default 1. */
  seed?: number;
  /** Latency added to every request, ms. */
  latencyMs?: number;
  /** Faults switched on from the start (more can be added through `faults`). */
  faults?: FaultRule[];
  /** Switches for behaviours Veza does not document (see SandboxSettings). */
  settings?: Partial<SandboxSettings>;
  /** https only: also write the CA to a file (true = a temp file removed on close, or a path). */
  caFile?: boolean | string;
  /** https only: serve this certificate instead of a fresh one from a private CA. */
  tls?: { cert: string; key: string; caPem?: string };
  /** Start the sandbox clock at this instant instead of now. */
  now?: Date;
}

export interface Sandbox {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  host: LoopbackHost;
  port: number;
  https: boolean;
  /** The CA that issued the server certificate (https). */
  caPem?: string;
  /** The CA written to a file (https with caFile). */
  caFile?: string;
  /** The demo keys by name (key text). */
  keys: DemoKeys;
  /** Ids of the demo keys, users and teams. */
  demo: Omit<DemoIdentities, 'keys'>;
  control: SandboxControl;
  /** Data source states and INTEGRATIONS events, set behind the API's back. */
  integrations: IntegrationsControl;
  faults: FaultControl;
  clock: Clock;
  /** Live settings: change a field (or call configure) and the next request sees it. */
  settings: SandboxSettings;
  configure(changes: Partial<SandboxSettings>): void;
  /** The last 1,000 requests, oldest first. */
  requests: readonly RequestRecord[];
  stats: Readonly<SandboxStats>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = requireLoopbackHost(options.host ?? '127.0.0.1');
  const clock = createClock(options.now);
  const random = createSeededRandom(options.seed ?? 1);
  const identities = new IdentityStore(random, clock);
  const demo = seedIdentities(identities);
  const settings: SandboxSettings = {
    ...defaultSettings,
    ...options.settings,
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
  };
  const state: SandboxState = {
    identities,
    catalog: new CatalogStore(random, clock.now(), demo.teams.platform),
    settings,
    clock,
    faults: createFaultRegistry(options.faults),
    requestLog: [],
    stats: { requests: 0, largeBodyBytesWritten: 0 },
  };
  const handler = createRequestHandler(state, allRoutes);
  const listener = (request: http.IncomingMessage, response: http.ServerResponse) =>
    void handler(request, response);

  let caPem: string | undefined;
  let server: http.Server | https.Server;
  if (options.https) {
    const material = options.tls ?? (await loopbackCertificate());
    caPem = material.caPem;
    server = https.createServer({ cert: material.cert, key: material.key }, listener);
  } else {
    server = http.createServer(listener);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let written: WrittenCaFile | undefined;
  if (options.https && options.caFile && caPem) written = await writeCaFile(caPem, options.caFile);

  const { keys, ...ids } = demo;
  return {
    url: originFor(options.https ? 'https' : 'http', host, port),
    host,
    port,
    https: options.https === true,
    caPem,
    caFile: written?.path,
    keys,
    demo: ids,
    control: createSandboxControl(identities, demo.users.alice),
    integrations: createIntegrationsControl(state.catalog, clock),
    faults: state.faults,
    clock,
    settings,
    configure: (changes) => Object.assign(settings, changes),
    requests: state.requestLog,
    stats: state.stats,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Hanging and keep-alive sockets would hold close() forever.
      server.closeAllConnections();
      await closed;
      await written?.remove();
    },
  };
}

async function loopbackCertificate(): Promise<{ cert: string; key: string; caPem: string }> {
  const { ca, server } = await makeLoopbackTls();
  return { cert: server.cert, key: server.key, caPem: ca.cert };
}
