import { makeProblem } from '../problems/make-problem';
import type { Problem, ProblemDetail } from '../problems/problem';
import type { ProblemCode } from '../problems/problem-codes';
import { formatWait } from '../time/format-wait';
import type { PageAnswerer } from './answerer-of-page';
import { readVezaError, type VezaErrorEnvelope } from './read-veza-error';

export interface VezaResponseFacts {
  status: number;
  /** The body as text or parsed JSON; only a Veza error envelope in it is read. */
  body?: unknown;
  /** The Retry-After header as received (seconds or an HTTP date). */
  retryAfter?: string;
  /** The kind of key that made the call, when known: a 403 then says "team key". */
  keyKind?: 'personal' | 'team';
  /**
   * The key sent passed Veza Desk's own format check (lint-api-key.ts). Then Veza's "Invalid
   * API key" or "Malformed API key" cannot mean the key's form is wrong: Veza does not know
   * it (another instance's key, revoked, deleted), and it reads as refused.
   */
  keyWellFormed?: boolean;
  /** The instance's host name and the URL asked for, for the explanation. */
  host?: string;
  url?: string;
  /** Now, for reading an HTTP-date Retry-After (injected so tests need no clock). */
  now?: Date;
  /** What answered, when it is not Veza (a gateway's page): named in a gateway's problem. */
  answerer?: PageAnswerer;
}

// Veza's documented key texts, which say the key itself is wrong in form; believed only for a
// key that did not pass our own format check (see keyWellFormed).
const malformedKeyMessage = /(invalid|malformed) api key/i;
// When a 429 has no Retry-After, a short pause that rate limits usually accept.
const defaultRetrySeconds = 30;

/** Seconds to wait from a Retry-After value (seconds or HTTP date), at least 1. */
export function retryAfterSeconds(retryAfter: string | undefined, now = new Date()): number {
  const value = retryAfter?.trim() ?? '';
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(1, Math.ceil((date - now.getTime()) / 1000));
  return defaultRetrySeconds;
}

function codeFor(
  status: number,
  envelope: VezaErrorEnvelope | undefined,
  facts: Pick<VezaResponseFacts, 'keyKind' | 'keyWellFormed'>,
): ProblemCode | undefined {
  if (status === 401) {
    const words = `${envelope?.message ?? ''} ${envelope?.userFacing?.message ?? ''}`;
    return !facts.keyWellFormed && malformedKeyMessage.test(words)
      ? 'AUTH_MALFORMED_KEY'
      : 'AUTH_INVALID_KEY';
  }
  if (status === 403) return facts.keyKind === 'team' ? 'FORBIDDEN_TEAM_KEY' : 'FORBIDDEN_ROLE';
  if (status === 404) return 'HTTP_NOT_FOUND';
  if (status === 405) return 'HTTP_METHOD_NOT_ALLOWED';
  if (status === 429) return 'RATE_LIMITED';
  // 502 and 504 are a gateway in front of Veza that got no answer from it (Veza documents 502
  // as "temporarily unavailable"), 503 Veza's own "resource temporarily unavailable"
  // (developers/api, status codes). All pass: none is Veza failing at the request itself.
  if (status === 502 || status === 504) return 'GATEWAY_UNAVAILABLE';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'SERVER_ERROR';
  // 400 and the other refusals of a request (409 AlreadyExists, 412, 422...) read the same.
  if (status >= 400) return 'HTTP_BAD_REQUEST';
  return undefined;
}

/** How long to wait, in words, for the problems that come with a wait. */
function waitFacts(code: ProblemCode, facts: VezaResponseFacts): Record<string, string> {
  if (code === 'RATE_LIMITED') {
    const seconds = retryAfterSeconds(facts.retryAfter, facts.now);
    return { seconds: String(seconds), wait: formatWait(seconds) };
  }
  if (code !== 'SERVICE_UNAVAILABLE' && code !== 'GATEWAY_UNAVAILABLE') return {};
  if (!facts.retryAfter?.trim()) return { wait: 'a few minutes' };
  const wait = formatWait(retryAfterSeconds(facts.retryAfter, facts.now));
  return { wait, askedWait: ` It asked to be tried again in ${wait}.` };
}

/** Who answered instead of Veza, for a gateway's problem: its name and its page's title. */
export function answererFacts(
  answerer: PageAnswerer | undefined,
  unnamed: string,
): Record<string, string> {
  return {
    answerer: answerer?.name ?? unnamed,
    ...(answerer?.title ? { titled: `, titled “${answerer.title}”`, title: answerer.title } : {}),
  };
}

/**
 * Veza's message with the field violations and the missing resource spelled out. A generic
 * top message ("Permission denied") is followed by the user-facing one, which says why ("Your
 * role (viewer) does not allow this action"); with field violations, those say why instead.
 */
function serverMessageOf(envelope: VezaErrorEnvelope): string | undefined {
  const userFacing = envelope.userFacing?.message;
  const why =
    envelope.message && userFacing !== envelope.message && envelope.fieldViolations.length === 0
      ? userFacing
      : undefined;
  const parts = [
    envelope.message ?? userFacing,
    why,
    ...envelope.fieldViolations.map(({ field, description }) =>
      field ? `${field}: ${description}` : description,
    ),
    envelope.resource?.name
      ? `${envelope.resource.type ?? 'resource'} ${envelope.resource.name}`
      : undefined,
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join('; ') : undefined;
}

/**
 * The problem an HTTP error answer from Veza stands for, with Veza's own words and the
 * request_id support asks for; undefined for answers that are not errors (below 400). Used
 * by the response viewer and the connection doctor alike.
 */
export function problemFromVezaResponse(facts: VezaResponseFacts): Problem | undefined {
  const envelope = readVezaError(facts.body);
  // A fault in a gateway's own page (not Veza's JSON) is the gateway not reaching Veza.
  const code =
    facts.answerer && facts.status >= 500
      ? 'GATEWAY_UNAVAILABLE'
      : codeFor(facts.status, envelope, facts);
  if (!code) return undefined;
  const factValues: Record<string, string> = { status: String(facts.status) };
  if (facts.host) factValues.host = facts.host;
  if (facts.url) factValues.url = facts.url;
  Object.assign(factValues, waitFacts(code, facts));
  if (code === 'GATEWAY_UNAVAILABLE')
    Object.assign(factValues, answererFacts(facts.answerer, 'A gateway'));
  const detail: ProblemDetail = { status: facts.status, facts: factValues };
  if (facts.url) detail.url = facts.url;
  if (envelope) {
    if (envelope.requestId) detail.requestId = envelope.requestId;
    if (envelope.code) detail.serverCode = envelope.code;
    const serverMessage = serverMessageOf(envelope);
    if (serverMessage) detail.serverMessage = serverMessage;
    if (envelope.userFacing?.resolution) detail.serverResolution = envelope.userFacing.resolution;
  }
  return makeProblem(code, detail);
}
