import type { KeyKind } from '../../../shared/doctor/verification';
import { problemFromVezaResponse } from '../../../shared/veza/problem-from-veza-response';
import { readJsonAnswer } from '../doctor/read-json-answer';
import { recognizeAnswer } from '../doctor/recognize-answer';
import { ProblemError } from '../problem-error';
import type { Transport, TransportNetwork } from '../transport';

/** One saved instance as the API client reaches it: address, key (main only), network. */
export interface VezaConnection {
  baseUrl: string;
  /** The API key; it goes into the Authorization header for this origin only. */
  key: string;
  network?: TransportNetwork;
  /** Known from the doctor: a 403 then reads "team key" instead of "missing role". */
  keyKind?: KeyKind;
}

/** Sends one JSON call to Veza and answers the parsed body, or throws a ProblemError. */
export type VezaCall = (method: string, path: string, body?: unknown) => Promise<unknown>;

/**
 * The JSON calls of the API client over the one transport. A refusal becomes the problem
 * Veza's envelope stands for, with Veza's own words and request_id; an answer that is not
 * Veza's (a sign-in page, another server) says so instead of failing to parse.
 */
export function createVezaCaller(
  transport: Transport,
  connection: VezaConnection,
  signal?: AbortSignal,
): VezaCall {
  const { baseUrl } = connection;
  const host = new URL(baseUrl).hostname;
  const credentials = { origin: baseUrl, authorization: `Bearer ${connection.key}` };
  return async (method, path, body) => {
    const url = `${baseUrl}${path}`;
    const response = await transport.send(
      {
        method,
        url,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal,
      },
      { network: connection.network, credentials },
    );
    const answer = await readJsonAnswer(response);
    if (answer.status >= 400) {
      const problem = problemFromVezaResponse({
        status: answer.status,
        body: answer.text,
        retryAfter: answer.retryAfter,
        keyKind: connection.keyKind,
        host,
        url,
      });
      if (problem) throw new ProblemError(problem);
    }
    const kind = recognizeAnswer({
      contentType: answer.contentType,
      bodyStart: answer.text.slice(0, 8192),
      finalUrl: response.url,
      redirectUrls: response.redirects.map((hop) => hop.url),
    });
    if (kind === 'veza-json' && answer.json !== undefined) return answer.json;
    throw ProblemError.of(kind === 'login-page' ? 'HTTP_LOGIN_REDIRECT' : 'HTTP_NOT_VEZA', {
      status: answer.status,
      url: response.url,
      facts: { host, url },
    });
  };
}
