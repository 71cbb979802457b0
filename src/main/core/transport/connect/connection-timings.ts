import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { CertificateSummary } from '../tls/certificate-summary';

/** How long opening the connection took, per stage, in ms; zeros when it was reused. */
export interface ConnectionTimings {
  dns: number;
  /** TCP connect, plus the proxy's CONNECT tunnel when there is one. */
  connect: number;
  tls: number;
  /** True when the request went over a connection opened earlier (keep-alive). */
  reused: boolean;
}

/** What the connector learnt while opening one socket. */
export interface SocketRecord {
  dns: number;
  connect: number;
  tls: number;
  readyAt: number;
  peerCertificate?: CertificateSummary;
  requests: number;
}

/** What one request learns about the socket it was written to. */
export interface RequestTrace {
  socket?: SocketRecord;
  /** performance.now() when the request's head was written. */
  sentAt?: number;
  /** True for the first request on a socket: it paid for opening it. */
  openedSocket?: boolean;
}

const sockets = new WeakMap<Socket, SocketRecord>();
const traces = new WeakMap<object, RequestTrace>();
let dispatching: RequestTrace | undefined;

export function recordSocket(socket: Socket, record: SocketRecord): void {
  sockets.set(socket, record);
}

// undici hides which socket carries a request. Its diagnostics channels say it: the request
// object is created synchronously inside dispatch() (the Agent builds a new client instead of
// queueing), and "sendHeaders" names the request and its socket. Channels are global and also
// see Node's built-in fetch; those requests have no trace and are ignored.
diagnosticsChannel.subscribe('undici:request:create', (message) => {
  const { request } = message as { request: object };
  if (dispatching) traces.set(request, dispatching);
});
diagnosticsChannel.subscribe('undici:client:sendHeaders', (message) => {
  const { request, socket } = message as { request: object; socket: Socket };
  const trace = traces.get(request);
  const record = sockets.get(socket);
  if (!trace || !record) return;
  trace.socket = record;
  trace.sentAt = performance.now();
  trace.openedSocket = record.requests === 0;
  record.requests += 1;
});

/** Runs a dispatch so the undici request it creates is tied to `trace`. */
export function traceDispatch<T>(trace: RequestTrace, dispatch: () => T): T {
  dispatching = trace;
  try {
    return dispatch();
  } finally {
    dispatching = undefined;
  }
}

export function connectionTimingsOf(trace: RequestTrace): ConnectionTimings {
  const record = trace.socket;
  if (!record || !trace.openedSocket) return { dns: 0, connect: 0, tls: 0, reused: !!record };
  return { dns: record.dns, connect: record.connect, tls: record.tls, reused: false };
}
