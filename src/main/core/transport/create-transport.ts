import dns from 'node:dns';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProblemError } from '../problem-error';
import { AgentPool } from './agent-pool';
import { readBody, formatBytes } from './body/read-body';
import { ACCEPT_ENCODING } from './body/decode-content';
import { TempBodyStore } from './body/temp-body-store';
import { classifyNetworkError } from './classify-network-error';
import { codedError } from './connect/connect-failure';
import { connectionTimingsOf } from './connect/connection-timings';
import { openConnection } from './connect/create-connector';
import { dispatchHop, type HopAnswer } from './dispatch-hop';
import { sameOrigin } from './origin';
import { chooseRoute, describeRoute, type Route } from './proxy/choose-route';
import { createRedactor } from './redact';
import { followRedirect, type HopTarget } from './redirect-policy';
import type { CertificateSummary } from './tls/certificate-summary';
import { loadTrustStore } from './tls/trusted-cas';
import { defaultLimits, defaultTimeouts, mergeSettings } from './transport-defaults';
import { TransportError } from './transport-error';
import type {
  RedirectHop,
  SendOptions,
  TransportDeps,
  TransportNetwork,
  TransportRequest,
  TransportResponse,
} from './transport-types';

export interface Transport {
  /** Sends one request, following redirects; rejects with a TransportError (a ProblemError). */
  send(request: TransportRequest, options?: SendOptions): Promise<TransportResponse>;
  /**
   * Opens a TLS connection only to read the server's certificate, trusted or not, so the UI
   * can show it (subject, issuer, validity, SHA-256) before the user pins it. Sends nothing.
   */
  inspectCertificate(
    url: string,
    network?: TransportNetwork,
  ): Promise<{ certificate: CertificateSummary; chain: CertificateSummary[] }>;
  /** Removes the temp file of a large body (same as response.release()). */
  releaseBody(file: string): Promise<void>;
  /** Removes every temp body file still held; the Electron glue calls it on quit. */
  cleanupAll(): void;
  /** Closes pooled connections and removes temp files. */
  close(): Promise<void>;
}

/** Headers that identify the caller and must not follow a redirect to another origin. */
const SENSITIVE = ['authorization', 'cookie', 'proxy-authorization'];

export function createTransport(deps: TransportDeps = {}): Transport {
  const lookup = deps.lookup ?? dns.lookup;
  const env = deps.env ?? process.env;
  const store = new TempBodyStore(deps.tempDir ?? path.join(os.tmpdir(), 'veza-desk-bodies'));
  const agents = new AgentPool();
  const routeDeps = {
    env,
    resolveSystemProxy: deps.resolveSystemProxy,
    proxyPassword: deps.proxyPassword,
  };

  async function send(
    request: TransportRequest,
    options: SendOptions = {},
  ): Promise<TransportResponse> {
    const started = performance.now();
    const network = options.network;
    const timeouts = mergeSettings(defaultTimeouts, deps.defaults?.timeouts, network?.timeouts);
    const limits = mergeSettings(defaultLimits, deps.defaults?.limits, options.limits);
    const credentials = options.credentials;
    const callerHeaders = lowerCaseKeys(request.headers ?? {});
    const secrets = [
      credentials?.authorization,
      bearerToken(credentials?.authorization),
      callerHeaders.authorization,
      bearerToken(callerHeaders.authorization),
      callerHeaders.cookie,
    ];
    let redact = createRedactor(secrets);

    let target: HopTarget = {
      method: request.method.toUpperCase(),
      url: parseTarget(request.url),
      body: request.body === undefined ? undefined : Buffer.from(request.body),
    };
    const cancel = new AbortController();
    const onCallerAbort = () =>
      cancel.abort(codedError('VEZA_CANCELLED', 'The request was cancelled.'));
    if (request.signal?.aborted) onCallerAbort();
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const totalTimer = setTimeout(
      () =>
        cancel.abort(
          codedError('VEZA_TOTAL_TIMEOUT', `No complete answer within ${timeouts.totalMs} ms.`),
        ),
      timeouts.totalMs,
    );

    const redirects: RedirectHop[] = [];
    let route: Route = { kind: 'direct' };
    let responseStarted = false;
    // Once the chain leaves the credentials' origin it never gets them back: a server we do
    // not trust must not be able to aim our key at a path of its choosing.
    let credentialsAllowed = true;
    let sensitiveAllowed = true;
    let authorizationDropped = false;
    try {
      const trust = await loadTrustStore(network?.caFile);
      const firstUrl = target.url;
      for (;;) {
        route = await chooseRoute(target.url, network, routeDeps);
        if (route.kind === 'proxy') redact = createRedactor([...secrets, ...route.secrets]);
        credentialsAllowed &&= !!credentials && sameOrigin(target.url, credentials.origin);
        sensitiveAllowed &&= sameOrigin(target.url, firstUrl);
        const headers = hopHeaders(callerHeaders, target, sensitiveAllowed);
        if (credentials && credentialsAllowed) headers.authorization = credentials.authorization;
        const sentAuthorization = !!headers.authorization;
        if (
          (credentials && !credentialsAllowed) ||
          (callerHeaders.authorization && !sensitiveAllowed)
        )
          authorizationDropped = true;
        if (cancel.signal.aborted) throw cancel.signal.reason;

        responseStarted = false;
        const answer = await dispatchHop(
          { method: target.method, url: target.url, headers, body: target.body },
          {
            route,
            agents,
            lookup,
            trust,
            pin: network?.pinnedCertSha256,
            timeouts,
            signal: cancel.signal,
          },
        );
        responseStarted = true;
        const next =
          options.followRedirects === false
            ? undefined
            : followRedirect(target, answer.status, headerValue(answer.headers.location));
        if (!next) return await finish(answer, target.url);
        await answer.body.dump({ limit: 64 * 1024 }).catch(() => {});
        redirects.push({
          url: target.url.href,
          status: answer.status,
          authorizationSent: sentAuthorization,
        });
        if (redirects.length > limits.maxRedirects) {
          throw ProblemError.of('HTTP_TOO_MANY_REDIRECTS', {
            raw: redact(
              `Stopped after ${limits.maxRedirects} redirects; the last one pointed to ${next.url.origin}${next.url.pathname}.`,
            ),
            url: redact(`${firstUrl.origin}${firstUrl.pathname}`),
            facts: { host: firstUrl.host, url: redact(`${firstUrl.origin}${firstUrl.pathname}`) },
          });
        }
        target = next;
      }
    } catch (error) {
      if (error instanceof ProblemError)
        throw TransportError.fromProblem(error, describeRoute(route));
      const reason: unknown = cancel.signal.aborted ? cancel.signal.reason : error;
      const failure = classifyNetworkError(reason, {
        url: target.url.href,
        proxy: route.kind === 'proxy' ? route.origin : undefined,
        redact,
        responseStarted,
        limit: formatBytes(limits.maxBodyBytes),
      });
      throw TransportError.from(failure, describeRoute(route));
    } finally {
      clearTimeout(totalTimer);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }

    async function finish(answer: HopAnswer, url: URL): Promise<TransportResponse> {
      const { body, size } = await readBody(
        answer.body,
        answer.headers['content-encoding'],
        limits,
        store,
      );
      const ended = performance.now();
      const connection = connectionTimingsOf(answer.trace);
      const requestSentAt = answer.trace.sentAt ?? answer.dispatchedAt;
      const release = () => (body.kind === 'file' ? store.release(body.path) : Promise.resolve());
      return {
        status: answer.status,
        headers: answer.headers,
        url: url.href,
        route: describeRoute(route),
        redirects,
        authorizationDropped,
        body,
        size,
        timings: {
          ...connection,
          firstByte: answer.headersAt - requestSentAt,
          download: ended - answer.headersAt,
          total: ended - started,
        },
        ...(answer.trace.socket?.peerCertificate && {
          peerCertificate: answer.trace.socket.peerCertificate,
        }),
        release,
      };
    }
  }

  async function inspectCertificate(url: string, network?: TransportNetwork) {
    const target = parseTarget(url);
    let route: Route = { kind: 'direct' };
    let redact = createRedactor();
    try {
      if (target.protocol !== 'https:')
        throw ProblemError.of('URL_NOT_HTTPS', { url: target.href, facts: { url: target.href } });
      route = await chooseRoute(target, network, routeDeps);
      if (route.kind === 'proxy') redact = createRedactor(route.secrets);
      const trust = await loadTrustStore(network?.caFile);
      const timeouts = mergeSettings(defaultTimeouts, deps.defaults?.timeouts, network?.timeouts);
      const { socket, chain } = await openConnection(
        {
          route,
          proxyMode: 'tunnel',
          lookup,
          trust,
          connectTimeoutMs: timeouts.connectMs,
          purpose: 'inspect',
        },
        { protocol: 'https:', hostname: target.hostname, port: Number(target.port || 443) },
      );
      socket.destroy();
      const [certificate] = chain;
      if (!certificate) throw codedError('EPROTO', 'The server sent no certificate.');
      return { certificate, chain };
    } catch (error) {
      if (error instanceof ProblemError)
        throw TransportError.fromProblem(error, describeRoute(route));
      const failure = classifyNetworkError(error, {
        url: target.href,
        proxy: route.kind === 'proxy' ? route.origin : undefined,
        redact,
      });
      throw TransportError.from(failure, describeRoute(route));
    }
  }

  return {
    send,
    inspectCertificate,
    releaseBody: (file) => store.release(file),
    cleanupAll: () => store.cleanupAll(),
    close: async () => {
      await agents.close();
      store.dispose();
    },
  };
}

function parseTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ProblemError.of('URL_INVALID', {
      raw: 'Not an absolute URL.',
      facts: { url: createRedactor()(url) },
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw ProblemError.of('URL_INVALID', {
      raw: `Unsupported scheme ${parsed.protocol}`,
      facts: { url: parsed.origin },
    });
  }
  return parsed;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.replace(/^\s*\w+\s+/, '');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The caller's headers for one hop: sensitive ones only on the first origin, body headers only with a body. */
function hopHeaders(
  caller: Record<string, string>,
  target: HopTarget,
  sensitiveAllowed: boolean,
): Record<string, string> {
  const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING };
  for (const [name, value] of Object.entries(caller)) {
    if (SENSITIVE.includes(name) && !sensitiveAllowed) continue;
    if (!target.body && (name === 'content-type' || name === 'content-length')) continue;
    if (name === 'host' || name === 'content-length') continue;
    headers[name] = value;
  }
  return headers;
}
