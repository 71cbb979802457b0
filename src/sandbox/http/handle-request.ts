import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from '../auth/authenticate';
import { authorize } from '../auth/authorize';
import { answerTerminalFault } from '../faults/answer-terminal-fault';
import type { DeliveryFault } from '../faults/fault-rules';
import { newAuditId } from '../resources/event-and-audit-routes';
import type { RequestRecord, SandboxState } from '../sandbox-state';
import { ApiError, internalError, notFoundInfo } from './api-error';
import { buildErrorEnvelope, newRequestId } from './error-envelope';
import { readJsonBody } from './read-json-body';
import { createRouter, normalizePath, type Route } from './route-table';
import { sendJson } from './send-response';
import { servePage } from './serve-page';

// The pipeline, in the order a real deployment applies it: faults first (they stand for the
// network, proxies and gateways in front of Veza), then the web app's pages outside /api, then
// the key, the route, the key's scope and the handler. Any failure becomes Veza's envelope.

const defaultBodyLimit = 1024 * 1024;
const requestLogLimit = 1000;

function log(state: SandboxState, record: RequestRecord): void {
  state.requestLog.push(record);
  if (state.requestLog.length > requestLogLimit) state.requestLog.shift();
}

// Guess: an unknown path answers Veza's documented 404 (oaaclient-py tests/test_client.py)
// without a ResourceInfo, as there is no resource to name.
const routeNotFound = new ApiError(404, {
  code: 'NotFound',
  message: 'Not Found',
  info: notFoundInfo,
});

function methodNotAllowed(allowed: string[]): ApiError {
  return new ApiError(
    405,
    {
      code: 'Unimplemented',
      message: 'Method Not Allowed',
      info: {
        reason: 'METHOD_NOT_ALLOWED',
        message: 'This path does not accept this method.',
        resolution: `Use ${allowed.join(' or ')}.`,
      },
    },
    { Allow: allowed.join(', ') },
  );
}

export function createRequestHandler(state: SandboxState, routes: readonly Route[]) {
  const route = createRouter(routes);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    state.stats.requests += 1;
    // A fixed base: only the path and query of the request line matter (no lookup happens).
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = normalizePath(url.pathname);
    const method = request.method ?? 'GET';
    const record: RequestRecord = {
      id: newAuditId(),
      method,
      path,
      hadAuthorization: request.headers.authorization !== undefined,
      userAgent: request.headers['user-agent'],
      startedAt: state.clock.now(),
    };
    log(state, record);
    response.once('finish', () => {
      record.status = response.statusCode;
      record.endedAt = state.clock.now();
    });
    let delivery: DeliveryFault | undefined;
    try {
      if (!path.startsWith('/sso/')) {
        const faults = state.faults.take(method, path);
        const delay = state.settings.latencyMs + faults.latencyMs;
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (faults.terminal)
          return await answerTerminalFault(faults.terminal, response, path, state.clock.now());
        delivery = faults.delivery;
      }
      if (!path.startsWith('/api/'))
        return await servePage(path, url.searchParams, response, delivery);
      const principal = authenticate(request.headers.authorization, state);
      record.keyId = principal.key.id;
      const match = route(method, path, state);
      if (match.kind === 'none') throw routeNotFound;
      if (match.kind === 'wrong-method') throw methodNotAllowed(match.allowed);
      authorize(match.route, principal, state);
      const result = await match.route.handle({
        request,
        params: match.params,
        query: url.searchParams,
        principal,
        state,
        readJson: () => readJsonBody(request, match.route.maxBodyBytes ?? defaultBodyLimit),
      });
      if ('stream' in result) return await result.stream(response);
      await sendJson(response, result.status ?? 200, result.body, {}, delivery);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : internalError();
      if (!(error instanceof ApiError)) console.error('sandbox: a handler failed', error);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const envelope = buildErrorEnvelope(apiError.spec, newRequestId(), state.clock.now());
      await sendJson(response, apiError.status, envelope, apiError.headers, delivery);
    }
  };
}
