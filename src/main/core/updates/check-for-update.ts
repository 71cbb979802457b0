import semver from 'semver';
import type { Problem, ProblemDetail } from '../../../shared/problems/problem';
import type { ProblemCode } from '../../../shared/problems/problem-codes';
import { makeProblem } from '../../../shared/problems/make-problem';
import { formatWait } from '../../../shared/time/format-wait';
import type { GitHubRepository } from '../../../shared/updates/github-repository';
import { answererOfPage } from '../../../shared/veza/answerer-of-page';
import { ProblemError } from '../problem-error';
import type { Transport, TransportNetwork, TransportResponse } from '../transport';
import { readRelease } from './read-release';
import { asUpdateProblem } from './update-problem';

/** What Help > Check for updates… found. Nothing is ever downloaded or installed. */
export type UpdateCheckResult =
  | {
      kind: 'newer';
      /** The latest release's version, e.g. 1.4.0. */
      version: string;
      /** The running version. */
      currentVersion: string;
      /** Its page on github.com, checked to be one of this repository's release pages. */
      pageUrl: string;
      /** ISO time it was published, when GitHub says. */
      publishedAt?: string;
      /** The start of its release notes, plain text. */
      notes: string;
    }
  | {
      kind: 'up-to-date';
      /** The running version. */
      version: string;
      /** The latest release's, when one was read (older, or a prerelease not offered). */
      latestVersion?: string;
    }
  | { kind: 'problem'; problem: Problem };

export interface UpdateCheckOptions {
  /** The running version (package.json's, app.getVersion()). */
  currentVersion: string;
  /** The repository whose release pages may be offered. */
  repository: GitHubRepository;
  /** GitHub's latest-release address (release-source.ts); tests give their own server's. */
  releasesUrl: string;
  /** The app's one transport. */
  transport: Transport;
  /** This computer's network (updateCheckNetwork), never an instance's. */
  network: TransportNetwork;
  signal?: AbortSignal;
  /** For the rate limit's reset time. */
  now?: () => Date;
}

/** A release answer is a few KB; a page of notes and assets stays far below this. */
const maxAnswerBytes = 2 * 1024 * 1024;

/** When GitHub says nothing about its reset time: its limits are counted per hour. */
const unknownWaitSeconds = 3600;

const header = (response: TransportResponse, name: string): string | undefined => {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function bodyText(response: TransportResponse): string {
  return response.body.kind === 'memory' ? response.body.bytes.toString('utf8') : '';
}

function problem(code: ProblemCode, detail: ProblemDetail): UpdateCheckResult {
  return { kind: 'problem', problem: makeProblem(code, detail) };
}

/** GitHub's rate limit: 403 or 429 with `x-ratelimit-remaining: 0`, or with `retry-after`. */
function rateLimitWait(response: TransportResponse, now: Date): number | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const retryAfter = Number(header(response, 'retry-after'));
  const remaining = header(response, 'x-ratelimit-remaining');
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter;
  if (remaining !== '0') return undefined;
  const reset = Number(header(response, 'x-ratelimit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return unknownWaitSeconds;
  return Math.max(1, reset - now.getTime() / 1000);
}

function isJson(response: TransportResponse): boolean {
  return /\bjson\b/i.test(header(response, 'content-type') ?? '');
}

function readAnswer(response: TransportResponse, options: UpdateCheckOptions): UpdateCheckResult {
  const url = new URL(options.releasesUrl);
  const status = `HTTP ${response.status}`;
  const detail = (raw: string, extra: Record<string, string> = {}): ProblemDetail => ({
    raw,
    status: response.status,
    url: `${url.origin}${url.pathname}`,
    facts: { host: url.host, status, ...extra },
  });
  const text = bodyText(response);

  const wait = rateLimitWait(response, options.now?.() ?? new Date());
  if (wait !== undefined)
    return problem(
      'UPDATE_RATE_LIMITED',
      detail('GitHub refused with its rate limit.', { wait: formatWait(wait) }),
    );
  if (response.status === 404 && isJson(response))
    return problem('UPDATE_NO_RELEASES', detail('GitHub knows no published release.'));
  if (response.status !== 200 || !isJson(response)) {
    const answerer = answererOfPage(response.headers, text.slice(0, 16_384));
    const said = [
      answerer.name && `answered by ${answerer.name}`,
      answerer.title && `"${answerer.title}"`,
    ]
      .filter(Boolean)
      .join(', ');
    const what = isJson(response)
      ? 'an answer'
      : `a ${header(response, 'content-type') ?? 'typeless'} answer`;
    return problem(
      'UPDATE_ANSWER_UNREADABLE',
      detail(`Not a release: ${what} with ${status}${said ? ` (${said})` : ''}.`),
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return problem('UPDATE_ANSWER_UNREADABLE', detail('The answer is not valid JSON.'));
  }
  const release = readRelease(value, options.repository);
  if (!release.ok) return problem('UPDATE_ANSWER_UNREADABLE', detail(release.why));

  const current = options.currentVersion;
  // A prerelease is offered only to someone who runs one (releases/latest never names one).
  const offered = !release.prerelease || semver.prerelease(current) !== null;
  if (!offered || !semver.gt(release.version, current))
    return { kind: 'up-to-date', version: current, latestVersion: release.version };
  return {
    kind: 'newer',
    version: release.version,
    currentVersion: current,
    pageUrl: release.pageUrl,
    ...(release.publishedAt ? { publishedAt: release.publishedAt } : {}),
    notes: release.notes,
  };
}

/**
 * Asks GitHub's releases API for the latest published release and compares it with the running
 * version (semver). One GET with `Accept` and a `User-Agent`: no Authorization, no key, no
 * cookie, through the app's transport on this computer's network. Every failure is a Problem
 * with steps for the check (update-problem.ts); it never throws.
 */
export async function checkForUpdate(options: UpdateCheckOptions): Promise<UpdateCheckResult> {
  const current = semver.valid(options.currentVersion);
  if (!current)
    return problem('INTERNAL_ERROR', {
      raw: `The running version (${options.currentVersion}) is not a version number.`,
    });
  let response: TransportResponse;
  try {
    response = await options.transport.send(
      {
        method: 'GET',
        url: options.releasesUrl,
        headers: {
          accept: 'application/vnd.github+json',
          'user-agent': `Veza-Desk/${current}`,
        },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      {
        network: options.network,
        limits: {
          maxBodyBytes: maxAnswerBytes,
          memoryThresholdBytes: maxAnswerBytes,
          maxRedirects: 3,
        },
      },
    );
  } catch (error) {
    if (error instanceof ProblemError)
      return { kind: 'problem', problem: asUpdateProblem(error.problem) };
    return problem('INTERNAL_ERROR', {
      raw: error instanceof Error ? error.name : typeof error,
    });
  }
  try {
    return readAnswer(response, { ...options, currentVersion: current });
  } finally {
    await response.release().catch(() => {});
  }
}
