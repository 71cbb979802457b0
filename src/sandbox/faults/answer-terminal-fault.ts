import type { ServerResponse } from 'node:http';
import { ApiError, internalError } from '../http/api-error';
import { buildErrorEnvelope, newRequestId } from '../http/error-envelope';
import { sendHtml, sendJson } from '../http/send-response';
import { gatewayErrorPage, gatewayUnavailableText } from '../pages/gateway-error-page';
import { ssoLoginPage } from '../pages/sso-login-page';
import type { TerminalFault } from './fault-rules';

/** Answers a request with the fault instead of the API (before any key check, as a proxy would). */
export function answerTerminalFault(
  fault: TerminalFault,
  response: ServerResponse,
  path: string,
  now: Date,
): Promise<void> {
  const envelope = (error: ApiError) =>
    sendJson(
      response,
      error.status,
      buildErrorEnvelope(error.spec, newRequestId(), now),
      error.headers,
    );
  switch (fault.kind) {
    case 'rateLimit':
      return envelope(
        new ApiError(
          429,
          {
            code: 'ResourceExhausted',
            message: 'Too many requests',
            info: {
              reason: 'RATE_LIMITED',
              message: 'The request rate limit was exceeded.',
              resolution: 'Wait for the time given in Retry-After, then retry.',
            },
          },
          { 'Retry-After': String(fault.retryAfterSeconds ?? 1) },
        ),
      );
    case 'serverError':
      if (fault.status === 502 && fault.body === 'envelope')
        return envelope(
          new ApiError(502, {
            code: 'Unavailable',
            message: gatewayUnavailableText,
            info: {
              reason: 'UNAVAILABLE',
              message: gatewayUnavailableText,
              resolution: 'Retry in a few minutes.',
            },
          }),
        );
      if (fault.status === 502 || fault.status === 504)
        return sendHtml(response, fault.status, gatewayErrorPage(fault.status));
      if (fault.status === 500) return envelope(internalError());
      return envelope(
        new ApiError(
          503,
          {
            code: 'Unavailable',
            message: 'The service is currently unavailable',
            info: {
              reason: 'UNAVAILABLE',
              message: 'Veza is temporarily unavailable (maintenance or overload).',
              resolution: 'Retry in a few minutes.',
            },
          },
          fault.retryAfterSeconds === undefined
            ? {}
            : { 'Retry-After': String(fault.retryAfterSeconds) },
        ),
      );
    case 'ssoPage':
      return sendHtml(response, 200, ssoLoginPage(path));
    case 'ssoRedirect':
      response.writeHead(302, {
        Location: fault.location ?? `/sso/login?RelayState=${encodeURIComponent(path)}`,
        'Content-Length': '0',
      });
      response.end();
      return Promise.resolve();
    case 'hang':
      // Say nothing; the socket stays open until the client gives up or the sandbox closes.
      return Promise.resolve();
  }
}
