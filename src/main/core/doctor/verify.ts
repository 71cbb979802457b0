import { performance } from 'node:perf_hooks';
import type {
  Identity,
  VerificationResult,
  VerificationStep,
  VerificationStepId,
} from '../../../shared/doctor/verification';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import { lintApiKey } from '../../../shared/profiles/lint-api-key';
import { normalizeInstanceUrl } from '../../../shared/profiles/normalize-instance-url';
import { problemFromVezaResponse } from '../../../shared/veza/problem-from-veza-response';
import {
  type CertificateSummary,
  createRedactor,
  redactDeep,
  TransportError,
  type Transport,
  type TransportNetwork,
  type TransportResponse,
} from '../transport';
import { ProblemError } from '../problem-error';
import { createInstanceSession } from '../veza/instance-client';
import { interpretAnswer } from '../veza/interpret-answer';
import { readJsonAnswer, type JsonAnswer } from '../veza/read-json-answer';
import { explainCertificateDates } from './explain-certificate-dates';
import { explainHandshake } from './explain-handshake';
import { probeKeyReach } from './probe-key-reach';
import { readIdentity } from './read-identity';
import { StepTracker } from './step-tracker';

export interface VerifyTarget {
  /** The instance address, as stored or as typed (the CLI's --url). */
  address: string;
  /**
   * Reads the API key (the keychain for a saved instance, the environment or stdin for the
   * CLI); undefined when there is none. The key stays in this process.
   */
  readKey: () => Promise<string | undefined>;
  network?: TransportNetwork;
  /** The limit for the whole check, every request and probe in it (default 30 s). */
  checkMs?: number;
}

export interface VerifyDeps {
  /**
   * A transport of its own for this check, closed at the end: the doctor must see DNS, TCP and
   * TLS happen, not ride on a connection an earlier request left open.
   */
  openTransport: () => Transport;
  onSteps?: (steps: VerificationStep[]) => void;
  signal?: AbortSignal;
  now?: () => Date;
  /** Which OS's steps a clock problem gives (this computer's, unless a test says). */
  platform?: NodeJS.Platform;
}

const identityPath = '/api/v1/users/self';
/** One check, however slowly a server trickles its answers, ends within this by default. */
export const defaultCheckMs = 30_000;
const connectionSteps = ['proxy', 'dns', 'tcp', 'tls'] as const;

/** Where a failure with this code stops the walk through the layers. */
function stepOfHttpProblem(code: Problem['code']): VerificationStepId {
  if (code === 'AUTH_INVALID_KEY' || code === 'AUTH_MALFORMED_KEY') return 'auth';
  if (code === 'FORBIDDEN_ROLE' || code === 'FORBIDDEN_TEAM_KEY') return 'permission';
  return 'http';
}

/** The problem a users/self answer stands for, or undefined when it is Veza saying who. */
function problemOfIdentityAnswer(
  answer: JsonAnswer,
  response: TransportResponse,
): Problem | undefined {
  // The doctor sends a key only once it passed the key step (our format check). A page from
  // a firewall or gateway is never read as the key refused: Veza did not see the key.
  const reading = interpretAnswer(answer, response, { keyWellFormed: true });
  // Every key may ask who it is ("get user" is allowed even to team keys), so Veza's own 403
  // here is the key refused, not a missing role: some servers answer a revoked key with 403.
  if (!reading.ok && reading.problem.code === 'FORBIDDEN_ROLE') {
    const url = response.url;
    const refused = problemFromVezaResponse({
      status: 401,
      body: answer.text,
      keyWellFormed: true,
      host: new URL(url).hostname,
      url,
    });
    if (refused) return { ...refused, detail: { ...refused.detail, status: 403 } };
  }
  if (!reading.ok) return reading.problem;
  if (answer.status !== 200) {
    const url = response.url;
    return makeProblem('HTTP_NOT_VEZA', {
      status: answer.status,
      url,
      facts: { host: new URL(url).hostname, url },
    });
  }
  return undefined;
}

/**
 * The connection steps before the one that failed did their part; the proxy only if used, and
 * TLS only for https (a connection cut on a plain-http loopback demo never had TLS to pass).
 */
function passStepsBefore(
  steps: StepTracker,
  failedAt: VerificationStepId,
  route: string | undefined,
  baseUrl: string,
): void {
  for (const id of connectionSteps) {
    if (id === failedAt) return;
    if (id === 'proxy' && (route === undefined || route === 'direct'))
      steps.notNeeded('proxy', 'direct connection, no proxy');
    else if (id === 'tls' && !baseUrl.startsWith('https:'))
      steps.notNeeded('tls', 'plain http: allowed only on this computer');
    else steps.pass(id, id === 'proxy' ? route : undefined);
  }
}

/** Marks proxy, DNS, TCP and TLS from what the transport measured while connecting. */
function passConnectionSteps(steps: StepTracker, response: TransportResponse): void {
  const { timings } = response;
  const reused = timings.reused ? ' (connection reused)' : '';
  if (response.route === 'direct') steps.notNeeded('proxy', 'direct connection, no proxy');
  else steps.pass('proxy', response.route, 0);
  const resolved =
    response.route === 'direct' ? new URL(response.url).hostname : 'the proxy (it looks up Veza)';
  steps.pass('dns', `${resolved}${reused}`, timings.dns);
  steps.pass('tcp', undefined, timings.connect);
  if (response.url.startsWith('https:')) {
    const certificate = response.peerCertificate;
    steps.pass(
      'tls',
      certificate ? `certificate from ${certificate.issuer}` : undefined,
      timings.tls,
    );
  } else {
    steps.notNeeded('tls', 'plain http: allowed only on this computer');
  }
}

/**
 * The connection doctor: walks URL, key, proxy, DNS, TCP, TLS, HTTP, authentication,
 * permission and identity, stops at the first failure with a Problem, and on success says who
 * the key acts as, what kind of key it is and what it reaches. One function behind the Verify
 * button, "check all instances" and `veza-desk check`.
 */
export async function verify(target: VerifyTarget, deps: VerifyDeps): Promise<VerificationResult> {
  const steps = new StepTracker(deps.onSteps);
  const now = deps.now ?? (() => new Date());
  let redact = createRedactor([]);
  const finish = (result: Omit<VerificationResult, 'steps' | 'finishedAt'>): VerificationResult =>
    // The last line of defence before a verdict leaves main: a server that echoes the
    // request cannot carry the key into the window, the CLI's output or the saved profile.
    redactDeep({ ...result, steps: steps.snapshot(), finishedAt: now().toISOString() }, redact);
  const fail = (
    step: VerificationStepId,
    problem: Problem,
    url: string,
    route?: string,
    certificate?: CertificateSummary,
  ): VerificationResult => {
    steps.fail(step, problem.title);
    return finish({ ok: false, outcome: problem.code, url, problem, route, certificate });
  };

  steps.start('url');
  const normalized = normalizeInstanceUrl(target.address);
  if (!normalized.ok) return fail('url', normalized.problem, target.address);
  const baseUrl = normalized.baseUrl;
  // Saved instances are stored as origins; an address with a path comes from the CLI or an
  // environment variable, where it breaks every script that appends /api/v1/... to it.
  if (normalized.notices.some((notice) => notice.code === 'REDUCED_TO_ORIGIN')) {
    return fail(
      'url',
      makeProblem('URL_HAS_PATH', { url: target.address, facts: { url: target.address } }),
      baseUrl,
    );
  }
  steps.pass('url', normalized.displayUrl);

  steps.start('key');
  let key: string | undefined;
  try {
    key = await target.readKey();
  } catch (error) {
    // The keychain is locked or missing: KEYCHAIN_UNAVAILABLE, at the key step.
    if (error instanceof ProblemError) return fail('key', error.problem, baseUrl);
    throw error;
  }
  redact = createRedactor([key]);
  if (!key) return fail('key', makeProblem('KEY_MISSING'), baseUrl);
  const keyProblem = lintApiKey(key).problems[0];
  if (keyProblem) return fail('key', keyProblem, baseUrl);
  steps.pass('key', `${key.length} characters, ends in …${key.slice(-4)}`);

  const transport = deps.openTransport();
  const session = createInstanceSession(transport, { baseUrl, key, network: target.network });
  // One deadline for the whole check; each request keeps its own timeouts within it.
  const checkMs = target.checkMs ?? defaultCheckMs;
  const deadline = new AbortController();
  const deadlineTimer = setTimeout(() => deadline.abort(), checkMs);
  const signal = deps.signal ? AbortSignal.any([deps.signal, deadline.signal]) : deadline.signal;
  /** A request stopped by the check's deadline (not by the user) is the check taking too long. */
  const overdue = (problem: Problem): Problem =>
    problem.code === 'REQUEST_CANCELLED' && deadline.signal.aborted && !deps.signal?.aborted
      ? makeProblem('CHECK_TIMEOUT', {
          url: baseUrl,
          facts: {
            host: new URL(baseUrl).hostname,
            seconds: String(Math.round(checkMs / 100) / 10),
          },
        })
      : problem;
  const get = async (path: string) => {
    const response = await session.send({
      method: 'GET',
      url: `${baseUrl}${path}`,
      headers: { accept: 'application/json' },
      signal,
    });
    return { response, answer: await readJsonAnswer(response) };
  };
  try {
    for (const id of connectionSteps) steps.start(id);
    steps.start('http');
    let identityCall;
    const started = performance.now();
    try {
      identityCall = await get(identityPath);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      const dated = await explainCertificateDates(error.problem, {
        transport,
        baseUrl,
        network: target.network,
        certificate: error.peerCertificate,
        now: now(),
        platform: deps.platform ?? process.platform,
      });
      const problem = await explainHandshake(dated, {
        transport,
        baseUrl,
        network: target.network,
      });
      // A server that wants a client certificate refuses at the secure connection, even when
      // (TLS 1.3) it says so only after the handshake.
      const stage = problem.code.startsWith('TLS_CLIENT_CERT_') ? 'tls' : error.stage;
      passStepsBefore(steps, stage, error.route, baseUrl);
      return fail(stage, overdue(problem), baseUrl, error.route, error.peerCertificate);
    }
    const latencyMs = performance.now() - started;
    const { response, answer } = identityCall;
    passConnectionSteps(steps, response);
    steps.start('auth');
    const identityProblem = problemOfIdentityAnswer(answer, response);
    if (identityProblem) {
      const step = stepOfHttpProblem(identityProblem.code);
      if (step !== 'http') steps.pass('http', `HTTP ${answer.status}`, response.timings.firstByte);
      return fail(step, identityProblem, baseUrl, response.route);
    }
    steps.pass('http', `HTTP ${answer.status}`, response.timings.firstByte);
    steps.pass('auth', 'the key was accepted');

    steps.start('permission');
    const reach = await probeKeyReach(async (path) => (await get(path)).answer);
    if (!reach.ok) return fail('permission', reach.problem, baseUrl, response.route);
    steps.pass(
      'permission',
      reach.keyKind === 'team' ? 'team key: OAA integrations only' : 'personal key',
    );

    steps.start('identity');
    const identity: Identity | undefined = readIdentity(answer.json);
    steps.pass('identity', identity?.name ?? 'Veza did not say', 0);
    const result = {
      ok: true,
      outcome: reach.keyKind === 'team' ? 'OK_TEAM_KEY' : 'OK_PERSONAL_KEY',
      url: baseUrl,
      keyKind: reach.keyKind,
      identity,
      reach: reach.reach,
      latencyMs,
      route: response.route,
    } as const;
    return finish(result);
  } catch (error) {
    if (error instanceof TransportError) {
      const running = steps.snapshot().find((step) => step.status === 'running');
      return fail(running?.id ?? 'http', overdue(error.problem), baseUrl, error.route);
    }
    throw error;
  } finally {
    clearTimeout(deadlineTimer);
    await transport.close();
  }
}
