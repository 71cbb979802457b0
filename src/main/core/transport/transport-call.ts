import { performance } from 'node:perf_hooks';
import { ProblemError } from '../problem-error';
import { ACCEPT_ENCODING } from './body/decode-content';
import { formatBytes, readBody } from './body/read-body';
import { CancelSwitch } from './cancel-switch';
import { classifyNetworkError } from './classify-network-error';
import { codedError } from './connect/connect-failure';
import { connectionTimingsOf } from './connect/connection-timings';
import { dispatchHop, type HopAnswer } from './dispatch-hop';
import { sameOrigin } from './origin';
import { parseTarget } from './parse-target';
import { chooseRoute, describeRoute, proxyContext, type Route } from './proxy/choose-route';
import { createRedactor } from './redact';
import { followRedirect, type HopTarget } from './redirect-policy';
import { withClientCertificate } from './tls/client-identity';
import { defaultTrustStore, loadTrustStore } from './tls/trusted-cas';
import { mergeSettings } from './transport-defaults';
import type { TransportContext } from './transport-context';
import { TransportError } from './transport-error';
import type {
  RedirectHop,
  SendOptions,
  TransportLimits,
  TransportRequest,
  TransportResponse,
  TransportTimeouts,
} from './transport-types';

/** Headers that identify the caller and must not follow a redirect to another origin. */
const SENSITIVE = new Set(['authorization', 'cookie', 'proxy-authorization']);
const REDIRECT_BODY_LIMIT = 64 * 1024;
const releaseNothing = (): Promise<void> => Promise.resolve();

/**
 * One send(): the redirect loop, the key's origin rule, the timeouts and the response report.
 * A class, so a call allocates one object instead of a dozen closures (it runs per request).
 */
export class TransportCall {
  private readonly started = performance.now();
  private readonly timeouts: TransportTimeouts;
  private readonly limits: TransportLimits;
  private readonly callerHeaders: Record<string, string> = {};
  /** Everything that must never appear in an error text. */
  private readonly secrets: (string | undefined)[];
  private readonly cancel = new CancelSwitch();
  private readonly redirects: RedirectHop[] = [];
  private target: HopTarget;
  private route: Route = { kind: 'direct' };
  private responseStarted = false;
  private authorizationDropped = false;

  constructor(
    private readonly context: TransportContext,
    private readonly request: TransportRequest,
    private readonly options: SendOptions,
  ) {
    const network = options.network;
    this.timeouts = network?.timeouts
      ? mergeSettings(context.timeouts, network.timeouts)
      : context.timeouts;
    this.limits = options.limits ? mergeSettings(context.limits, options.limits) : context.limits;
    for (const name in request.headers)
      this.callerHeaders[name.toLowerCase()] = request.headers[name] as string;
    const authorization = options.credentials?.authorization;
    const callerAuthorization = this.callerHeaders.authorization;
    this.secrets = [
      authorization,
      tokenOf(authorization),
      callerAuthorization,
      tokenOf(callerAuthorization),
      this.callerHeaders.cookie,
    ];
    this.target = {
      method: request.method.toUpperCase(),
      url: parseTarget(request.url),
      body: request.body === undefined ? undefined : Buffer.from(request.body),
    };
  }

  async run(): Promise<TransportResponse> {
    const { request, cancel } = this;
    // The switch is an EventListener object (handleEvent), so no closure is needed here.
    if (request.signal?.aborted) cancel.handleEvent();
    request.signal?.addEventListener('abort', cancel, { once: true });
    const totalMs = this.timeouts.totalMs;
    const timer = setTimeout(
      () =>
        cancel.abort(codedError('VEZA_TOTAL_TIMEOUT', `No complete answer within ${totalMs} ms.`)),
      totalMs,
    );
    try {
      return await this.follow();
    } catch (error) {
      throw this.explain(error);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', cancel);
    }
  }

  private async follow(): Promise<TransportResponse> {
    const { context, options, cancel } = this;
    const network = options.network;
    const credentials = options.credentials;
    const roots = network?.caFile
      ? await loadTrustStore(network.caFile, this.timeouts.connectMs)
      : defaultTrustStore();
    const trust = network?.clientCertificate
      ? await withClientCertificate(roots, network.clientCertificate)
      : roots;
    const firstUrl = this.target.url;
    // Once the chain leaves the credentials' origin it never gets them back: a server we do
    // not trust must not be able to aim our key at a path of its choosing.
    let credentialsAllowed = !!credentials;
    let sensitiveAllowed = true;
    for (;;) {
      const target = this.target;
      const route = chooseRoute(target.url, network, context.routeDeps);
      this.route = route instanceof Promise ? await route : route;
      if (this.route.kind === 'proxy') this.secrets.push(...this.route.secrets);
      credentialsAllowed &&= !!credentials && sameOrigin(target.url, credentials.origin);
      sensitiveAllowed &&= target.url === firstUrl || sameOrigin(target.url, firstUrl);
      const headers = this.hopHeaders(sensitiveAllowed);
      if (credentials && credentialsAllowed) headers.authorization = credentials.authorization;
      if (
        (credentials && !credentialsAllowed) ||
        (this.callerHeaders.authorization && !sensitiveAllowed)
      ) {
        this.authorizationDropped = true;
      }
      if (cancel.aborted) throw cancel.reason;

      this.responseStarted = false;
      const answer = await dispatchHop(
        { method: target.method, url: target.url, headers, body: target.body },
        {
          route: this.route,
          agents: context.agents,
          lookup: context.lookup,
          trust,
          pin: network?.pinnedCertSha256,
          timeouts: this.timeouts,
          signal: cancel,
        },
      );
      this.responseStarted = true;
      const next =
        options.followRedirects === false
          ? undefined
          : followRedirect(target, answer.status, firstValue(answer.headers.location));
      if (!next) return this.respond(answer);
      await answer.body.dump({ limit: REDIRECT_BODY_LIMIT }).catch(() => {});
      this.redirects.push({
        url: target.url.href,
        status: answer.status,
        authorizationSent: !!headers.authorization,
      });
      if (this.redirects.length > this.limits.maxRedirects)
        throw this.tooManyRedirects(firstUrl, next.url);
      this.target = next;
    }
  }

  /** The caller's headers for one hop: sensitive ones only on the first origin, body headers only with a body. */
  private hopHeaders(sensitiveAllowed: boolean): Record<string, string> {
    const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING };
    const hasBody = !!this.target.body;
    for (const name in this.callerHeaders) {
      if (name === 'host' || name === 'content-length') continue;
      if (!sensitiveAllowed && SENSITIVE.has(name)) continue;
      if (!hasBody && name === 'content-type') continue;
      headers[name] = this.callerHeaders[name] as string;
    }
    return headers;
  }

  private async respond(answer: HopAnswer): Promise<TransportResponse> {
    const { store } = this.context;
    const { body, size } = await readBody(
      answer.body,
      answer.headers['content-encoding'],
      this.limits,
      store,
    );
    const ended = performance.now();
    const { trace } = answer;
    const peerCertificate = trace.socket?.peerCertificate;
    return {
      status: answer.status,
      headers: answer.headers,
      url: this.target.url.href,
      route: describeRoute(this.route),
      redirects: this.redirects,
      authorizationDropped: this.authorizationDropped,
      body,
      size,
      timings: {
        ...connectionTimingsOf(trace),
        firstByte: answer.headersAt - (trace.sentAt ?? answer.dispatchedAt),
        download: ended - answer.headersAt,
        total: ended - this.started,
      },
      ...(peerCertificate && { peerCertificate }),
      release: body.kind === 'file' ? store.release.bind(store, body.path) : releaseNothing,
    };
  }

  private tooManyRedirects(firstUrl: URL, nextUrl: URL): ProblemError {
    const redact = createRedactor(this.secrets);
    const url = redact(`${firstUrl.origin}${firstUrl.pathname}`);
    return ProblemError.of('HTTP_TOO_MANY_REDIRECTS', {
      raw: redact(
        `Stopped after ${this.limits.maxRedirects} redirects; the last one pointed to ${nextUrl.origin}${nextUrl.pathname}.`,
      ),
      url,
      facts: { host: firstUrl.host, url },
    });
  }

  /** Any failure becomes a TransportError with a redacted Problem and the stage it failed in. */
  private explain(error: unknown): TransportError {
    const route = describeRoute(this.route);
    if (error instanceof ProblemError) return TransportError.fromProblem(error, route);
    // After a cancel or the total timeout, undici reports its own abort: the reason is ours.
    const reason: unknown = this.cancel.aborted ? this.cancel.reason : error;
    const failure = classifyNetworkError(reason, {
      url: this.target.url.href,
      ...proxyContext(this.route),
      redact: createRedactor(this.secrets),
      responseStarted: this.responseStarted,
      limit: formatBytes(this.limits.maxBodyBytes),
    });
    return TransportError.from(failure, route);
  }
}

/** The credential without its scheme word ("Bearer abc" -> "abc"), to redact it alone too. */
function tokenOf(authorization: string | undefined): string | undefined {
  return authorization?.replace(/^\s*\w+\s+/, '');
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
