import { z } from 'zod';
import { boundedRecord, bounds } from '../ipc/bounds';
import { problemCodes } from './problem-codes';

/** Any text of a problem (makeProblem clips to it, so a long server message cannot break one). */
const problemText = z.string().max(bounds.problemText);
const problemId = z.string().max(bounds.id);

/**
 * Technical facts behind a problem, already redacted: no key, no Authorization header, no
 * proxy password. Veza's request_id stays, because Veza support asks for it.
 */
export const problemDetailSchema = z.object({
  /** The raw error text, e.g. "getaddrinfo ENOTFOUND acme.vezacloud.com". */
  raw: problemText.optional(),
  /** The Node/undici error code behind the failure, e.g. ECONNREFUSED. */
  errorCode: problemId.optional(),
  status: z.number().int().optional(),
  url: problemText.optional(),
  requestId: problemId.optional(),
  /** Veza's own words, from its error envelope. */
  serverCode: problemId.optional(),
  serverMessage: problemText.optional(),
  serverResolution: problemText.optional(),
  /** Other named facts the explanation refers to (issuer, wait in seconds, proxy, ...). */
  facts: boundedRecord(problemId, problemText, bounds.problemFacts).optional(),
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

export const problemSchema = z.object({
  code: z.enum(problemCodes),
  title: problemText,
  explanation: problemText,
  fix: z.array(problemText).max(bounds.problemSteps),
  detail: problemDetailSchema,
});
export type Problem = z.infer<typeof problemSchema>;
