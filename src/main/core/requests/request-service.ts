import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { formatSize } from '../../../shared/format/format-size';
import { clipText } from '../../../shared/ipc/bounds';
import {
  fetchAllPages,
  PagingError,
  type AllPages,
  type VezaPage,
} from '../../../shared/paging/fetch-all-pages';
import { createMergedListJson } from '../../../shared/paging/merged-list-json';
import { pageRequest, pagingOf } from '../../../shared/paging/page-request';
import { rawListRange } from '../../../shared/paging/raw-list-range';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import type { Profile } from '../../../shared/profiles/profile';
import { buildRequestTarget } from '../../../shared/requests/build-request-url';
import {
  answeredUrlMax,
  cutRequestBody,
  inlineBodyLimit,
  pagingLimits,
  responseHeaderRowsMax,
  responseHeaderTextMax,
  type HistoryEntry,
  type ResponseBodyRef,
  type SentResponse,
} from '../../../shared/requests/request-records';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { ProblemError } from '../problem-error';
import {
  TransportError,
  type Redactor,
  type Transport,
  type TransportResponse,
} from '../transport';
import type { InstanceClient, InstanceSession } from '../veza/instance-client';
import { interpretAnswer } from '../veza/interpret-answer';
import { peekJsonAnswer } from '../veza/read-json-answer';
import type { BodyFiles } from './body-files';
import type { HistoryStore } from './history-store';
import { headerRows, requestTimings } from './response-record';
import { answerResponseBodyRequest } from './response-body-route';
import { sendToInstance, type InstanceCall } from './send-to-instance';

export interface RequestServiceDeps {
  instances: InstanceClient;
  /** The one transport every request of the workspace shares (pooled connections). */
  transport: Transport;
  history: HistoryStore;
  bodies: BodyFiles;
  now?: () => Date;
  /** Where "Fetch all pages" stops (pagingLimits unless a test sets smaller ones). */
  pagingLimits?: Partial<{ pages: number; bytes: number }>;
}

export interface SendArgs {
  profileId: string;
  spec: RequestSpec;
  confirmedProduction?: boolean;
}

/** A spec fit for history: should the user have typed the key into it, it is taken out. */
function withoutKey(spec: RequestSpec, redact: Redactor): RequestSpec {
  const text = JSON.stringify(spec);
  const kept = redact(text);
  return kept === text ? spec : (JSON.parse(kept) as RequestSpec);
}

/**
 * The problem an answer stands for, read once here and shown as it is by the window: a
 * refusal or fault from Veza, or a web page (sign-in, firewall) where Veza should answer. Any
 * other answer is shown as the user asked for it.
 */
export async function problemOf(
  response: TransportResponse,
  profile: Profile,
  /** The session it came through: whether its key passed our format check (interpret-answer). */
  session: Pick<InstanceSession, 'keyWellFormed'>,
): Promise<Problem | undefined> {
  const reading = interpretAnswer(await peekJsonAnswer(response), response, {
    keyKind: profile.key?.kind,
    keyWellFormed: session.keyWellFormed,
  });
  if (reading.ok) return undefined;
  const webPage = reading.kind === 'login-page' || reading.kind === 'other-html';
  return response.status >= 400 || webPage ? reading.problem : undefined;
}

async function bodyBytes(response: TransportResponse): Promise<Buffer> {
  return response.body.kind === 'memory' ? response.body.bytes : readFile(response.body.path);
}

/** The answer's headers within the contract's bounds (a server may send thousands). */
function answerHeaders(response: TransportResponse): SentResponse['headers'] {
  return headerRows(response.headers)
    .slice(0, responseHeaderRowsMax)
    .map(({ name, value }) => ({
      name: clipText(name, responseHeaderTextMax),
      value: clipText(value, responseHeaderTextMax),
    }));
}

/** `{ "values": [...] }` as JSON.stringify(..., null, 2) writes it (createMergedListJson). */
export function mergedPagesJson(values: readonly unknown[]): Buffer {
  const parts: Buffer[] = [];
  const json = createMergedListJson((part) => parts.push(Buffer.from(part as string)));
  json.add(values, 'values');
  json.finish('values', {});
  return Buffer.concat(parts);
}

/** What a walk stopped at a limit says: how far it got, and which limit. */
export function pagingLimitProblem(
  all: AllPages<unknown>,
  limits: { pages: number; bytes: number },
): Problem | undefined {
  if (all.stoppedBy !== 'maxPages' && all.stoppedBy !== 'maxBytes') return undefined;
  const limit =
    all.stoppedBy === 'maxPages'
      ? `${limits.pages.toLocaleString('en-US')} pages`
      : formatSize(limits.bytes);
  return makeProblem('PAGING_LIMIT_REACHED', {
    raw: `Fetch all pages stopped at ${all.stoppedBy}: ${all.pages} pages, ${all.items} items, ${all.bytes} bytes.`,
    facts: {
      pages: all.pages.toLocaleString('en-US'),
      items: all.items.toLocaleString('en-US'),
      size: formatSize(all.bytes),
      limit,
    },
  });
}

export interface PageWalkOptions {
  /** Where the walk stops (pages, and bytes of the pages' bodies). */
  limits: { pages: number; bytes: number };
  onProgress?: (progress: { pages: number; items: number }) => void;
  /** Each page's answer as it arrives (before its body is released). */
  onPage?: (response: TransportResponse) => void;
  /** The merged document's parts, in order (createMergedListJson). */
  write: (part: string | Uint8Array) => void;
  /** The document on one line (the command line) instead of indented (the workspace). */
  compact?: boolean;
}

/**
 * "Fetch all pages" of one request, for the workspace and `veza-desk api --paginate`: the
 * request again for each next page (page_token, or VQL's AFTER CURSOR: pageRequest) through
 * the instance session, each page's items written out as it arrives into one document that
 * keeps the list's own key. A refusal on any page is its problem; paging that cannot end well
 * is PAGING_FAILED; at a limit the walk stops and `all.stoppedBy` says which.
 */
export async function walkAllPages(
  session: InstanceSession,
  call: Omit<InstanceCall, 'spec'> & { spec: RequestSpec },
  options: PageWalkOptions,
): Promise<AllPages<unknown>> {
  const { profile, signal } = call;
  const { limits } = options;
  const { listKey, paging } = pagingOf(call.spec);
  /** The latest page and its size as received, for the byte limit (pageBytes). */
  let sized: { page: unknown; bytes: number } = { page: undefined, bytes: 0 };
  const json = createMergedListJson(options.write, { compact: options.compact === true });
  let received = 0;
  /**
   * The latest page, as received, as text and parsed, until its list is passed on (compact):
   * let go of then, so it is not kept (and copied by the garbage collector) while the next
   * page is fetched.
   */
  let last: { bytes: Buffer; text: string; page: VezaPage } | undefined;
  /**
   * The latest page's list as bytes off the JavaScript heap (kept until the document is
   * written, they are not copied again by the garbage collector as kept strings would be): a
   * cut of the page's own bytes when its text is one byte per character, as Veza's JSON
   * nearly always is (no copy at all), else the list's text encoded again.
   */
  const rawListBytes = (key: string): Uint8Array | undefined => {
    if (!last) return undefined;
    const { bytes, text, page } = last;
    last = undefined;
    const range = rawListRange(text, key, page);
    if (!range) return undefined;
    return bytes.length === text.length
      ? bytes.subarray(range.start, range.end)
      : Buffer.from(text.slice(range.start, range.end));
  };
  const fetchPage = async (token: string | undefined): Promise<VezaPage> => {
    const spec = pageRequest(call.spec, paging, token);
    if (!spec) {
      throw ProblemError.of('PAGING_FAILED', {
        raw: 'The next page cannot be asked for: the VQL body is not {"query": "..."} or its cursor cannot be quoted.',
      });
    }
    const response = await sendToInstance(session, { ...call, spec });
    try {
      options.onPage?.(response);
      // A refusal or fault is its problem; a 2xx page is read once, as JSON (only what is not
      // JSON is looked at again: a sign-in page where Veza should answer is its own problem).
      const refused =
        response.status >= 400 ? await problemOf(response, profile, session) : undefined;
      if (refused) throw new ProblemError(refused);
      const bytes = await bodyBytes(response);
      received += bytes.length;
      // A page that would go over the byte limit is not even read: fetchAllPages stops at it.
      if (received > limits.bytes) {
        const unread: VezaPage = {};
        sized = { page: unread, bytes: bytes.length };
        return unread;
      }
      let page: VezaPage;
      try {
        const text = bytes.toString('utf8');
        page = JSON.parse(text) as VezaPage;
        if (options.compact) last = { bytes, text, page };
      } catch {
        const problem = await problemOf(response, profile, session);
        if (problem) throw new ProblemError(problem);
        throw ProblemError.of('PAGING_FAILED', { raw: 'A page was not JSON.' });
      }
      sized = { page, bytes: bytes.length };
      return page;
    } finally {
      await response.release();
    }
  };
  try {
    const all = await fetchAllPages(fetchPage, {
      signal,
      maxPages: limits.pages,
      maxBytes: limits.bytes,
      pageBytes: (page) => {
        const bytes = page === sized.page ? sized.bytes : 0;
        sized = { page: undefined, bytes: 0 };
        return bytes;
      },
      ...(listKey ? { listKey } : {}),
      paging,
      onItems: (items, key) =>
        json.add(items, key, options.compact ? rawListBytes(key) : undefined),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // Stopped before any page (a limit, cancelled): an empty list under the key it would have.
    json.finish(all.pages === 0 ? (listKey ?? 'values') : all.listKey, all.rest);
    return all;
  } catch (error) {
    if (error instanceof PagingError)
      throw ProblemError.of('PAGING_FAILED', { raw: error.message });
    throw error;
  }
}

/**
 * The request workspace in main: sends the composer's requests, follows pages, keeps every
 * request in history and large bodies in files the window fetches from its own origin. The key
 * is read from the keychain here and handed to the transport as credentials; it never leaves
 * main.
 */
export function createRequestService(deps: RequestServiceDeps) {
  const { instances, transport, history, bodies } = deps;
  const now = deps.now ?? (() => new Date());

  /** Small bodies inline, large ones into a body file (copied from the transport's temp file). */
  async function keepBody(bytes: Uint8Array): Promise<ResponseBodyRef> {
    if (bytes.length <= inlineBodyLimit) {
      return { kind: 'inline', base64: Buffer.from(bytes).toString('base64') };
    }
    return { kind: 'file', ref: await bodies.write(bytes), size: bytes.length };
  }

  async function keepResponseBody(response: TransportResponse): Promise<ResponseBodyRef> {
    if (response.body.kind === 'memory') return keepBody(response.body.bytes);
    return { kind: 'file', ref: await bodies.copyIn(response.body.path), size: response.size };
  }

  /**
   * The answer arrived and is shown whether or not the history can keep it: a history.json
   * that is from a newer Veza Desk (read-only) or cannot be written is reported in the history
   * list (history.list's problem), not as a failed request.
   */
  async function keepInHistory(entry: HistoryEntry): Promise<void> {
    await history.add(entry).catch((error: unknown) => {
      if (!(error instanceof ProblemError)) throw error;
    });
  }

  /** What history keeps of a request: no key, and the body only in part when it is large. */
  function entryBase(profile: Profile, spec: RequestSpec, session: InstanceSession) {
    const withoutSecret = withoutKey(spec, session.redact);
    const cut = withoutSecret.body === undefined ? undefined : cutRequestBody(withoutSecret.body);
    const kept = cut?.cut ? { ...withoutSecret, body: cut.body } : withoutSecret;
    return {
      id: randomUUID(),
      at: now().toISOString(),
      profileId: profile.id,
      instanceName: profile.name,
      method: kept.method,
      target: buildRequestTarget(kept),
      spec: kept,
      ...(cut?.cut ? { requestBodyCut: true } : {}),
    };
  }

  /** A failure that happened on the way (no answer) is history too; refusals before sending are not. */
  async function recordFailure(
    base: ReturnType<typeof entryBase>,
    error: unknown,
    startedAt: number,
  ) {
    if (!(error instanceof TransportError)) return;
    await history
      .add({ ...base, problemCode: error.problem.code, durationMs: performance.now() - startedAt })
      .catch(() => {});
  }

  /** `signal` stops it (calls.cancel); what was sent is kept in the history as cancelled. */
  async function send(args: SendArgs, signal: AbortSignal): Promise<SentResponse> {
    const { profile, session } = await instances.open(args.profileId, transport, {
      keyRequired: false,
    });
    const base = entryBase(profile, args.spec, session);
    const startedAt = performance.now();
    let response: TransportResponse;
    try {
      response = await sendToInstance(session, {
        profile,
        spec: args.spec,
        confirmedProduction: args.confirmedProduction === true,
        signal,
      });
    } catch (error) {
      await recordFailure(base, error, startedAt);
      throw error;
    }
    try {
      const body = await keepResponseBody(response);
      const problem = await problemOf(response, profile, session);
      const entry: HistoryEntry = {
        ...base,
        status: response.status,
        durationMs: response.timings.total,
        size: response.size,
        headers: answerHeaders(response),
        timings: requestTimings(response.timings),
        body,
        ...(problem ? { problem } : {}),
      };
      await keepInHistory(entry);
      return {
        historyId: entry.id,
        status: response.status,
        headers: entry.headers ?? [],
        timings: requestTimings(response.timings),
        size: response.size,
        route: response.route,
        authorizationDropped: response.authorizationDropped,
        url: clipText(response.url, answeredUrlMax),
        body,
        ...(problem ? { problem } : {}),
      };
    } finally {
      await response.release();
    }
  }

  const limits = { ...pagingLimits, ...deps.pagingLimits };

  /**
   * "Fetch all pages" (walkAllPages): one answer with the merged list under its own key, kept
   * in history as one entry. Progress after each page.
   * It stops at `limits` (pages, and bytes of the pages' bodies): what was merged is the
   * answer, with PAGING_LIMIT_REACHED saying how far it got.
   */
  async function sendAllPages(
    args: SendArgs,
    onProgress: (progress: { pages: number; items: number }) => void,
    signal: AbortSignal,
  ): Promise<SentResponse> {
    const { profile, session } = await instances.open(args.profileId, transport, {
      keyRequired: false,
    });
    const base = entryBase(profile, args.spec, session);
    const startedAt = performance.now();
    let last: { response: TransportResponse; headers: SentResponse['headers'] } | undefined;
    const parts: Uint8Array[] = [];
    let all;
    try {
      all = await walkAllPages(
        session,
        {
          profile,
          spec: args.spec,
          confirmedProduction: args.confirmedProduction === true,
          signal,
        },
        {
          limits,
          onProgress,
          onPage: (response) => (last = { response, headers: answerHeaders(response) }),
          write: (part) => parts.push(typeof part === 'string' ? Buffer.from(part) : part),
        },
      );
    } catch (error) {
      await recordFailure(base, error, startedAt);
      throw error;
    }
    const merged = Buffer.concat(parts);
    const body = await keepBody(merged);
    const totalMs = performance.now() - startedAt;
    const status = last?.response.status ?? 200;
    const headers = last?.headers ?? [];
    const problem = pagingLimitProblem(all, limits);
    await keepInHistory({
      ...base,
      status,
      durationMs: totalMs,
      size: merged.length,
      pages: all.pages,
      headers,
      timings: { totalMs },
      body,
      ...(problem ? { problem } : {}),
    });
    return {
      historyId: base.id,
      status,
      headers,
      timings: { totalMs },
      size: merged.length,
      route: last?.response.route ?? 'direct',
      authorizationDropped: last?.response.authorizationDropped ?? false,
      url: clipText(last?.response.url ?? profile.baseUrl, answeredUrlMax),
      body,
      ...(problem ? { problem } : {}),
      paging: { pages: all.pages, items: all.items, stoppedBy: all.stoppedBy },
    };
  }

  return {
    send,
    sendAllPages,
    /** Serves GET /response-bodies/<ref> for the page's origin (see response-body-route.ts). */
    answerBodyRequest: (method: string, urlPath: string) =>
      answerResponseBodyRequest(bodies, method, urlPath),
    /** A history entry's body, whole, for "Save to file" (written by main, never by the window). */
    bodyOf: async (historyId: string): Promise<Buffer | Readable> => {
      const { body } = history.get(historyId);
      if (!body) throw ProblemError.of('RESPONSE_BODY_GONE');
      if (body.kind === 'inline') return Buffer.from(body.base64, 'base64');
      // A stream, so saving hundreds of MB does not hold them in main's memory; opened now, so
      // a removed body is reported before the save dialog.
      return (await bodies.openStream(body.ref)).stream;
    },
    /** On quit (after calls.cancelAll): remove the transport's temp files, close connections. */
    shutdown: async (): Promise<void> => {
      transport.cleanupAll();
      await transport.close();
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
