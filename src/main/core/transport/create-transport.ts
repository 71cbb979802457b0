import dns from 'node:dns';
import os from 'node:os';
import path from 'node:path';
import { AgentPool } from './agent-pool';
import { TempBodyStore } from './body/temp-body-store';
import { inspectCertificate, type InspectedCertificate } from './inspect-certificate';
import { probeClientCertificateAnswer, probeTls, type TlsOffer } from './probe-tls';
import { readServerClock } from './read-server-clock';
import { defaultLimits, defaultTimeouts, mergeSettings } from './transport-defaults';
import { TransportCall } from './transport-call';
import type { TransportContext } from './transport-context';
import type {
  SendOptions,
  TransportDeps,
  TransportNetwork,
  TransportRequest,
  TransportResponse,
} from './transport-types';

export interface Transport {
  /** Sends one request, following redirects; rejects with a TransportError (a ProblemError). */
  send(request: TransportRequest, options?: SendOptions): Promise<TransportResponse>;
  /** The server's certificate, trusted or not, to show before "Trust this certificate". */
  inspectCertificate(url: string, network?: TransportNetwork): Promise<InspectedCertificate>;
  /** The server's time from its Date header, no key sent, no certificate checked (the doctor's clock check). */
  readServerClock(url: string, network?: TransportNetwork): Promise<Date | undefined>;
  /** Which TLS versions and cipher the server offers, no key sent (the doctor, after a failed handshake). */
  probeTls(url: string, network?: TransportNetwork): Promise<TlsOffer | undefined>;
  /** The alert a server sends about the client certificate once a handshake ends (TLS 1.3), nothing sent. */
  probeClientCertificateAnswer(
    url: string,
    network?: TransportNetwork,
  ): Promise<string | undefined>;
  /** Removes the temp file of a large body (same as response.release()). */
  releaseBody(file: string): Promise<void>;
  /** Removes every temp body file still held; the Electron glue calls it on quit. */
  cleanupAll(): void;
  /** Closes pooled connections and removes temp files. */
  close(): Promise<void>;
}

/**
 * The one HTTP transport. Dependencies are injected so the same code runs in Electron (system
 * proxy, keychain), the CLI and tests (fake resolver, fake system proxy, private temp folder).
 */
export function createTransport(deps: TransportDeps = {}): Transport {
  const context: TransportContext = {
    lookup: deps.lookup ?? dns.lookup,
    routeDeps: {
      env: deps.env ?? process.env,
      resolveSystemProxy: deps.resolveSystemProxy,
      proxyPassword: deps.proxyPassword,
    },
    agents: new AgentPool(),
    store: new TempBodyStore(deps.tempDir ?? path.join(os.tmpdir(), 'veza-desk-bodies')),
    timeouts: mergeSettings(defaultTimeouts, deps.defaults?.timeouts),
    limits: mergeSettings(defaultLimits, deps.defaults?.limits),
  };
  return {
    send: (request, options = {}) => new TransportCall(context, request, options).run(),
    inspectCertificate: (url, network) => inspectCertificate(context, url, network),
    readServerClock: (url, network) => readServerClock(context, url, network),
    probeTls: (url, network) => probeTls(context, url, network),
    probeClientCertificateAnswer: (url, network) =>
      probeClientCertificateAnswer(context, url, network),
    releaseBody: (file) => context.store.release(file),
    cleanupAll: () => context.store.cleanupAll(),
    close: async () => {
      await context.agents.close();
      context.store.dispose();
    },
  };
}
