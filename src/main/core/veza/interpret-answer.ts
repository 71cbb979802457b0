import type { KeyKind } from '../../../shared/doctor/verification';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import { answererOfPage } from '../../../shared/veza/answerer-of-page';
import {
  answererFacts,
  problemFromVezaResponse,
} from '../../../shared/veza/problem-from-veza-response';
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
  response: Pick<TransportResponse, 'url' | 'redirects' | 'headers'>,
  context: AnswerContext = {},
): Interpretation {
  const url = response.url;
  const host = new URL(url).hostname;
  const { status } = answer;
  const kind = recognizeAnswer({
    contentType: answer.contentType,
    bodyStart: answer.text.slice(0, 8192),
    finalUrl: url,
    redirectUrls: response.redirects.map((hop) => hop.url),
  });
  // What answered when it was not Veza (a gateway's or firewall's page): named in the problem.
  const answerer = notVeza(answer, kind)
    ? answererOfPage(response.headers, answer.text)
    : undefined;
  // A rate limit or a fault is the server's trouble, a gateway's page for it included (then
  // "Veza cannot be reached behind its gateway"); any other refusal is Veza's only in Veza's
  // own words.
  if (status >= 400 && (status === 429 || status >= 500 || !answerer)) {
    const problem = problemFromVezaResponse({
      status,
      body: answer.text,
      retryAfter: answer.retryAfter,
      keyKind: context.keyKind,
      keyWellFormed: context.keyWellFormed,
      host,
      url,
      ...(answerer ? { answerer } : {}),
    });
    if (problem) return { ok: false, problem, kind };
  }
  if (kind === 'veza-json' && answer.json !== undefined) return { ok: true, value: answer.json };
  // A gateway that wants a client certificate, or turned the one shown down, says so in its
  // page (nginx: "No required SSL certificate was sent" / "The SSL certificate error", as a 400).
  const certificatePage = answerer && status >= 400 && clientCertificatePage(answer.text);
  if (certificatePage) {
    return {
      ok: false,
      kind,
      problem: makeProblem(certificatePage, {
        status,
        url,
        raw: answer.text.slice(0, 200),
        facts: {
          host,
          url,
          status: String(status),
          ...(certificatePage === 'TLS_CLIENT_CERT_REFUSED' && {
            reason: 'the server would not accept it',
          }),
          ...answererFacts(answerer, 'The server'),
        },
      }),
    };
  }
  // Something in front of Veza stopped the request: never "the key is wrong", Veza never saw it.
  if (answerer && kind !== 'login-page' && (status >= 400 || answerer.blockPage)) {
    return {
      ok: false,
      kind,
      problem: makeProblem('GATEWAY_REFUSED', {
        status,
        url,
        raw: answer.text.slice(0, 200),
        facts: {
          host,
          url,
          status: String(status),
          ...answererFacts(answerer, 'a server in front of Veza'),
        },
      }),
    };
  }
  const code = kind === 'login-page' ? 'HTTP_LOGIN_REDIRECT' : 'HTTP_NOT_VEZA';
  return {
    ok: false,
    kind,
    problem: makeProblem(code, {
      status,
      url,
      ...(code === 'HTTP_NOT_VEZA' ? { raw: answer.text.slice(0, 200) } : {}),
      facts: { host, url },
    }),
  };
}

/** A gateway's page about the client certificate: none shown, or the one shown refused. */
function clientCertificatePage(
  text: string,
): 'TLS_CLIENT_CERT_REQUIRED' | 'TLS_CLIENT_CERT_REFUSED' | undefined {
  const start = text.slice(0, 16_384);
  if (/no required ssl certificate was sent|client certificate (is )?required/i.test(start))
    return 'TLS_CLIENT_CERT_REQUIRED';
  if (/ssl certificate error/i.test(start)) return 'TLS_CLIENT_CERT_REFUSED';
  return undefined;
}

/**
 * Not Veza's answer, whatever its status: a web page, or words that are not JSON (Veza
 * answers and refuses in JSON). An empty body could be either and is left to Veza (a guess:
 * Veza's docs show a JSON envelope for every refusal, never an empty one).
 */
function notVeza(answer: JsonAnswer, kind: AnswerKind): boolean {
  if (kind === 'login-page' || kind === 'other-html') return true;
  return kind === 'other' && answer.text.trim() !== '' && answer.json === undefined;
}
