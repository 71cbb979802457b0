import { z } from 'zod';
import { problemSchema } from '../problems/problem';
import { requestSpecSchema } from './request-spec';

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

export const bodyRefSchema = z.uuid();

export const responseBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inline'), base64: z.string() }),
  z.object({ kind: z.literal('file'), ref: bodyRefSchema, size: z.number().int().nonnegative() }),
]);
export type ResponseBodyRef = z.infer<typeof responseBodySchema>;

export const headerPairSchema = z.object({ name: z.string(), value: z.string() });

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
  stoppedBy: z.enum(['end', 'cancelled', 'maxPages']),
});

/** An answer from the instance, as the composer shows it. */
export const sentResponseSchema = z.object({
  /** The history entry it was recorded under (save to file, re-open). */
  historyId: z.uuid(),
  status: z.number().int(),
  headers: z.array(headerPairSchema),
  timings: requestTimingsSchema,
  size: z.number().int().nonnegative(),
  /** "direct" or "proxy http://host:port". */
  route: z.string(),
  /** The key was withheld from a redirect to another address. */
  authorizationDropped: z.boolean(),
  /** The URL that answered (no key is ever in a URL). */
  url: z.string(),
  body: responseBodySchema,
  /** A Veza error answer, as a problem in plain words. */
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
  at: z.string(),
  profileId: z.uuid(),
  instanceName: z.string(),
  method: requestSpecSchema.shape.method,
  /** Path and query, as sent. */
  target: z.string(),
  status: z.number().int().optional(),
  /** The problem code when no answer came (network failure, cancelled). */
  problemCode: z.string().optional(),
  durationMs: z.number().optional(),
  size: z.number().int().optional(),
  pages: z.number().int().optional(),
  /** The answer came but its body is no longer kept (history's space limit). */
  bodyRemoved: z.boolean().optional(),
});
export type HistorySummary = z.infer<typeof historySummarySchema>;

export const historyEntrySchema = historySummarySchema.extend({
  spec: requestSpecSchema,
  headers: z.array(headerPairSchema).optional(),
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
  savedAt: z.string(),
});
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
  requests: z.array(z.unknown()).max(10_000),
});

export const savedImportResultSchema = z.object({
  cancelled: z.boolean(),
  imported: z.number().int(),
  /** Plain words on what was left out or changed, e.g. "Authorization header removed". */
  notes: z.array(z.string()),
});
export type SavedImportResult = z.infer<typeof savedImportResultSchema>;
