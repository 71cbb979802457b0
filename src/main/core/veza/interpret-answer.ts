import type { KeyKind } from '../../../shared/doctor/verification';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import { problemFromVezaResponse } from '../../../shared/veza/problem-from-veza-response';
import type { TransportResponse } from '../transport';
import type { JsonAnswer } from './read-json-answer';
import { recognizeAnswer, type AnswerKind } from './recognize-answer';

export type Interpretation =
  { ok: true; value: unknown } | { ok: false; problem: Problem; kind: AnswerKind };

export interface AnswerContext {
  /** Known from the doctor: a 403 then reads "team key" instead of "missing role". */
  keyKind?: KeyKind;
  /** The key sent passed Veza Desk's format check: a 401 then reads "refused", never "malformed". */
  keyWellFormed?: boolean;
}

/**
 * The one reading of an instance's answer: Veza's value, or the Problem it stands for. A
 * refusal becomes the problem Veza's envelope names, with Veza's own words and request_id; an
 * answer that is not Veza's (a sign-in page, a firewall's page, another server) says so
 * instead of failing to parse.
 */
export function interpretAnswer(
  answer: JsonAnswer,
  response: Pick<TransportResponse, 'url' | 'redirects'>,
  context: AnswerContext = {},
): Interpretation {
  const url = response.url;
  const host = new URL(url).hostname;
  const kind = recognizeAnswer({
    contentType: answer.contentType,
    bodyStart: answer.text.slice(0, 8192),
    finalUrl: url,
    redirectUrls: response.redirects.map((hop) => hop.url),
  });
  const veza = () =>
    problemFromVezaResponse({
      status: answer.status,
      body: answer.text,
      retryAfter: answer.retryAfter,
      keyKind: context.keyKind,
      keyWellFormed: context.keyWellFormed,
      host,
      url,
    });
  // A rate limit or a server fault is the server's trouble, even when a gateway words it in
  // HTML; any other web page (a sign-in page, a firewall's block page) is not Veza answering.
  const serverTrouble = answer.status === 429 || answer.status >= 500;
  const webPage = kind === 'login-page' || kind === 'other-html';
  if (answer.status >= 400 && (serverTrouble || !webPage)) {
    const problem = veza();
    if (problem) return { ok: false, problem, kind };
  }
  if (kind === 'veza-json' && answer.json !== undefined) return { ok: true, value: answer.json };
  const code = kind === 'login-page' ? 'HTTP_LOGIN_REDIRECT' : 'HTTP_NOT_VEZA';
  return {
    ok: false,
    kind,
    problem: makeProblem(code, {
      status: answer.status,
      url,
      ...(code === 'HTTP_NOT_VEZA' ? { raw: answer.text.slice(0, 200) } : {}),
      facts: { host, url },
    }),
  };
}
