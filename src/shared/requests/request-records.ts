import { z } from 'zod';
import { routeMax } from '../doctor/verification';
import { bounds } from '../ipc/bounds';
import { problemSchema } from '../problems/problem';
import { profileNameMaxLength } from '../profiles/profile';
import { requestLimits, requestSpecSchema } from './request-spec';

/**
 * What crosses IPC and lands on disk for sent requests: the answer, the history entries and the
 * saved requests. None of these shapes has a place for a key; the spec is a RequestSpec, which
 * refuses credential headers.
 */

/**
 * Bodies up to this size travel inline (base64) and stay inline in history; larger ones are
 * written to a file under the data folder's `bodies/` that the page fetches by reference
 * (response-body-url.ts).
 */
export const inlineBodyLimit = 16 * 1024;
/**
 * Body files kept for history, in all. Beyond it the oldest entries lose their answer's body
 * (the entry itself stays), so repeated large downloads cannot fill the disk unnoticed.
 */
export const historyBodyBudgetBytes = 512 * 1024 * 1024;

/**
 * A request's body is kept in history only up to this many bytes (UTF-8): the first part, with
 * the entry marked `requestBodyCut`, so history.json stays small however large the bodies sent.
 */
export const historyRequestBodyLimit = 64 * 1024;

/**
 * history.json at most, serialized (besides its 200 entries): when adding an entry would pass
 * it, the oldest entries go, with their body files. The newest entry is always kept.
 */
export const historyFileBudgetBytes = 20 * 1024 * 1024;

/**
 * A request body fit for history: whole when it is within `limit` bytes of UTF-8, else its
 * first `limit` bytes (never half a character) and `cut: true`.
 */
export function cutRequestBody(
  body: string,
  limit: number = historyRequestBodyLimit,
): { body: string; cut: boolean } {
  // A UTF-16 code unit is at most 3 bytes of UTF-8.
  if (body.length * 3 <= limit) return { body, cut: false };
  const bytes = new TextEncoder().encode(body);
  if (bytes.length <= limit) return { body, cut: false };
  let end = limit;
  // Back to the start of a character: continuation bytes are 10xxxxxx.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end -= 1;
  return { body: new TextDecoder().decode(bytes.subarray(0, end)), cut: true };
}

/**
 * "Fetch all pages" stops before the end of a list at either limit, with PAGING_LIMIT_REACHED
 * saying how far it got. Bytes are the pages' bodies as received, before they are merged.
 */
export const pagingLimits = { pages: 10_000, bytes: 256 * 1024 * 1024 } as const;

/** Response headers kept of one answer (a server sends a few dozen). */
export const responseHeaderRowsMax = 1000;
/** One header's name or value; Node refuses answers with more than 16 KB of headers in all. */
export const responseHeaderTextMax = 16 * 1024;

/**
 * The most a percent-encoded path and query can be: every character of the request's head
 * encoded as up to 9 characters (%E2%82%AC), plus "?", "=" and "&".
 */
export const requestTargetMax = 9 * requestLimits.head + 2 * requestLimits.rows + 1;
/**
 * The URL that answered: the instance's origin and the target, or where a redirect led (a
 * Location header, itself within Node's 16 KB of headers). request-service.ts clips to it.
 */
export const answeredUrlMax = requestTargetMax + bounds.url;

export const bodyRefSchema = z.uuid();

export const responseBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('inline'),
    base64: z.string().max(Math.ceil(inlineBodyLimit / 3) * 4),
  }),
  z.object({ kind: z.literal('file'), ref: bodyRefSchema, size: z.number().int().nonnegative() }),
]);
export type ResponseBodyRef = z.infer<typeof responseBodySchema>;

export const headerPairSchema = z.object({
  name: z.string().max(responseHeaderTextMax),
  value: z.string().max(responseHeaderTextMax),
});
const headerPairsSchema = z.array(headerPairSchema).max(responseHeaderRowsMax);

export const requestTimingsSchema = z.object({
  totalMs: z.number(),
  dnsMs: z.number().optional(),
  connectMs: z.number().optional(),
  tlsMs: z.number().optional(),
  firstByteMs: z.number().optional(),
  downloadMs: z.number().optional(),
});
export type RequestTimings = z.infer<typeof requestTimingsSchema>;

/** "Fetch all pages": how many pages were merged and why it stopped. */
export const pagingSummarySchema = z.object({
  pages: z.number().int(),
  items: z.number().int(),
  stoppedBy: z.enum(['end', 'cancelled', 'maxPages', 'maxBytes']),
});

/** An answer from the instance, as the composer shows it. */
export const sentResponseSchema = z.object({
  /** The history entry it was recorded under (save to file, re-open). */
  historyId: z.uuid(),
  status: z.number().int(),
  headers: headerPairsSchema,
  timings: requestTimingsSchema,
  size: z.number().int().nonnegative(),
  /** "direct" or "proxy http://host:port". */
  route: z.string().max(routeMax),
  /** The key was withheld from a redirect to another address. */
  authorizationDropped: z.boolean(),
  /** The URL that answered (no key is ever in a URL). */
  url: z.string().max(answeredUrlMax),
  body: responseBodySchema,
  /**
   * A Veza error answer, as a problem in plain words; for "Fetch all pages" stopped at a limit,
   * PAGING_LIMIT_REACHED with the pages that were merged.
   */
  problem: problemSchema.optional(),
  paging: pagingSummarySchema.optional(),
});
export type SentResponse = z.infer<typeof sentResponseSchema>;

export const sendRequestArgsSchema = z.object({
  profileId: z.uuid(),
  spec: requestSpecSchema,
  /** Chosen by the window so it can cancel before the answer arrives. */
  requestId: z.uuid(),
  /** The user confirmed a change on a production instance (main checks it too). */
  confirmedProduction: z.boolean().optional(),
});

export const historySummarySchema = z.object({
  id: z.uuid(),
  at: z.string().max(bounds.timestamp),
  profileId: z.uuid(),
  instanceName: z.string().max(profileNameMaxLength),
  method: requestSpecSchema.shape.method,
  /** Path and query, as sent. */
  target: z.string().max(requestTargetMax),
  status: z.number().int().optional(),
  /** The problem code when no answer came (network failure, cancelled). */
  problemCode: z.string().max(bounds.id).optional(),
  durationMs: z.number().optional(),
  size: z.number().int().optional(),
  pages: z.number().int().optional(),
  /** The answer came but its body is no longer kept (history's space limit). */
  bodyRemoved: z.boolean().optional(),
});
export type HistorySummary = z.infer<typeof historySummarySchema>;

export const historyEntrySchema = historySummarySchema.extend({
  /** The request as sent, its body cut to historyRequestBodyLimit bytes (see requestBodyCut). */
  spec: requestSpecSchema,
  /** Only the first historyRequestBodyLimit bytes of the request's body are kept in `spec`. */
  requestBodyCut: z.boolean().optional(),
  headers: headerPairsSchema.optional(),
  timings: requestTimingsSchema.optional(),
  body: responseBodySchema.optional(),
  /** What main read the answer as (a Veza refusal, a sign-in page...), shown as it is. */
  problem: problemSchema.optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const savedRequestNameMax = 200;

export const savedRequestSchema = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(savedRequestNameMax),
  /** "" is the top level; one level of folders, named by the user. */
  folder: z.string().trim().max(savedRequestNameMax),
  spec: requestSpecSchema,
  savedAt: z.string().max(bounds.timestamp),
});

/** History entries one list answer may hold (history keeps 200; room for a larger setting). */
export const historyListMax = 10_000;

/** Saved requests Veza Desk lists (an import brings at most as many at once). */
export const savedRequestsMax = 10_000;
export type SavedRequest = z.infer<typeof savedRequestSchema>;

/** A saved request as an exported file holds it: no id, nothing else. */
export const exportedRequestSchema = savedRequestSchema.pick({
  name: true,
  folder: true,
  spec: true,
});

export const savedRequestsExportFormat = 'veza-desk-requests';

export const savedRequestsExportFileSchema = z.object({
  format: z.literal(savedRequestsExportFormat),
  version: z.literal(1),
  exportedAt: z.string(),
  requests: z.array(z.unknown()).max(savedRequestsMax),
});

/**
 * Notes of one import at most: beyond, the last of them says how many more there were
 * ("… and 12 more.").
 */
export const savedImportNotesMax = bounds.shortList;
/** One note at most: one names every row it removed (headers and query, with their names). */
export const savedImportNoteMax =
  2 * requestLimits.rows * (requestLimits.rowName + 40) + bounds.name;

export const savedImportResultSchema = z.object({
  cancelled: z.boolean(),
  imported: z.number().int(),
  /** Plain words on what was left out or changed, e.g. "Authorization header removed". */
  notes: z.array(z.string().max(savedImportNoteMax)).max(savedImportNotesMax),
});
export type SavedImportResult = z.infer<typeof savedImportResultSchema>;
