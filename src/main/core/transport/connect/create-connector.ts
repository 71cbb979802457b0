import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type buildConnector from 'undici/types/connector';
import type { Route } from '../proxy/choose-route';
import { openTunnel, type ProxySchemeMemory } from '../proxy/open-tunnel';
import { tlsHandshake, type HandshakeError } from '../tls/tls-handshake';
import type { CertificateSummary } from '../tls/certificate-summary';
import type { TrustStore } from '../tls/trusted-cas';
import type { LookupFunction } from '../transport-types';
import {
  codedError,
  ConnectFailure,
  type ProxyResponse,
  type TransportStage,
} from './connect-failure';
import { recordSocket, type SocketRecord } from './connection-timings';
import { openTcp, openTcpToAny, resolveAddresses, type ConnectAttempt } from './dial';

export interface ConnectorConfig {
  route: Route;
  /**
   * tunnel: reach the target through CONNECT (https targets, or direct routes).
   * forward: undici talks to the proxy itself, which fetches absolute-URI requests (http targets).
   */
  proxyMode: 'tunnel' | 'forward';
  lookup: LookupFunction;
  trust: TrustStore;
  pin?: string;
  connectTimeoutMs: number;
  purpose?: 'request' | 'inspect';
  /** The sign-in scheme the proxy asked for on an earlier connection (one per agent). */
  proxyScheme?: ProxySchemeMemory;
}

export interface OpenedConnection {
  socket: net.Socket;
  record: SocketRecord;
  /** The target's chain, leaf first (https only). */
  chain: CertificateSummary[];
}

function stripBrackets(host: string): string {
  return host.replace(/^\[|\]$/g, '');
}

function authorityOf(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * Opens one connection stage by stage (DNS, TCP, proxy tunnel, TLS), timing each, under one
 * connect timeout, and fails with the stage it was in. Used by undici as its `connect`
 * function and by inspectCertificate().
 */
export async function openConnection(
  config: ConnectorConfig,
  target: { protocol: string; hostname: string; port: number },
): Promise<OpenedConnection> {
  const { route } = config;
  const proxy = route.kind === 'proxy' ? new URL(route.origin) : undefined;
  const hostname = stripBrackets(target.hostname);
  // tunnel: DNS, TCP and CONNECT are the proxy's stages, TLS is the target's.
  // forward: undici already targets the proxy, so every stage is the proxy's.
  const tunnel = !!proxy && config.proxyMode === 'tunnel';
  const stageOf = (stage: TransportStage): TransportStage =>
    !proxy || (tunnel && stage === 'tls') ? stage : 'proxy';
  const dialHost = tunnel && proxy ? stripBrackets(proxy.hostname) : hostname;
  const dialPort =
    tunnel && proxy ? Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80)) : target.port;

  let stage = stageOf('dns');
  let current: net.Socket | undefined;
  let closeAttempts = () => {};
  // Every address tried for the connection and how each failed, for the problem that follows.
  const attempts: ConnectAttempt[] = [];
  let expire: (error: Error) => void = () => {};
  const deadline = new Promise<never>((_, reject) => (expire = reject));
  deadline.catch(() => {});
  const timer = setTimeout(() => {
    const error = codedError(
      'UND_ERR_CONNECT_TIMEOUT',
      `Connect timeout after ${config.connectTimeoutMs} ms (stage ${stage}).`,
    );
    current?.destroy();
    closeAttempts();
    for (const attempt of attempts) attempt.error ??= 'ETIMEDOUT';
    expire(error);
  }, config.connectTimeoutMs);
  // Each stage races the one connect deadline; a DNS lookup cannot be cancelled, only left.
  const step = <T>(promise: Promise<T>) => Promise.race([promise, deadline]);
  const started = performance.now();
  const record: SocketRecord = { dns: 0, connect: 0, tls: 0, readyAt: 0, requests: 0 };
  let chain: CertificateSummary[] = [];
  try {
    const addresses = await step(resolveAddresses(config.lookup, dialHost));
    const afterDns = performance.now();
    record.dns = afterDns - started;

    stage = stageOf('tcp');
    let socket = await step(
      openTcpToAny(addresses, dialPort, attempts, (close) => (closeAttempts = close)),
    );
    current = socket;
    const address = socket.remoteAddress ?? addresses[0]?.address ?? dialHost;
    if (tunnel && proxy && route.kind === 'proxy') {
      stage = 'proxy';
      // The proxy's own TLS (an https:// proxy), again for a reconnect after a refusal.
      const secureProxy = async (plain: net.Socket) => {
        if (proxy.protocol !== 'https:') return plain;
        const secured = tlsHandshake(plain, {
          hostname: dialHost,
          trust: config.trust,
          purpose: 'request',
        });
        current = (await secured).socket;
        return current;
      };
      socket = await step(secureProxy(socket));
      const { user, authorization } = route;
      socket = await step(
        openTunnel(socket, authorityOf(hostname, target.port), {
          signIn: user && authorization ? { ...user, basic: authorization } : undefined,
          memory: config.proxyScheme,
          reconnect: async () =>
            secureProxy(await openTcp(address, dialPort, (s) => (current = s))),
        }),
      );
      current = socket;
    }
    const afterConnect = performance.now();
    record.connect = afterConnect - afterDns;

    if (target.protocol === 'https:') {
      stage = stageOf('tls');
      const secured = await step(
        tlsHandshake(socket, {
          hostname,
          trust: config.trust,
          pin: config.proxyMode === 'forward' ? undefined : config.pin,
          purpose: config.purpose ?? 'request',
        }),
      );
      socket = secured.socket;
      current = socket;
      record.peerCertificate = secured.peerCertificate;
      chain = secured.chain;
      record.tls = performance.now() - afterConnect;
    }
    record.readyAt = performance.now();
    recordSocket(socket, record);
    return { socket, record, chain };
  } catch (error) {
    current?.destroy();
    closeAttempts();
    const { chain, proxyResponse } = error as HandshakeError & { proxyResponse?: ProxyResponse };
    throw new ConnectFailure(stage, error, {
      chain,
      proxyResponse,
      ...(stage === 'tcp' && { attempts }),
    });
  } finally {
    clearTimeout(timer);
  }
}

/** The `connect` function undici calls for each new connection of an Agent. */
export function createConnector(config: ConnectorConfig): buildConnector.connector {
  const withMemory = { ...config, proxyScheme: config.proxyScheme ?? {} };
  return (options, callback) => {
    const port = Number(options.port || (options.protocol === 'https:' ? 443 : 80));
    openConnection(withMemory, {
      protocol: options.protocol,
      hostname: options.hostname,
      port,
    }).then(
      ({ socket }) => callback(null, socket),
      (error: Error) => callback(error, null),
    );
  };
}
