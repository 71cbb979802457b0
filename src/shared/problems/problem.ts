import { z } from 'zod';
import { problemCodes } from './problem-codes';

/**
 * Technical facts behind a problem, already redacted: no key, no Authorization header, no
 * proxy password. Veza's request_id stays, because Veza support asks for it.
 */
export const problemDetailSchema = z.object({
  /** The raw error text, e.g. "getaddrinfo ENOTFOUND acme.vezacloud.com". */
  raw: z.string().optional(),
  /** The Node/undici error code behind the failure, e.g. ECONNREFUSED. */
  errorCode: z.string().optional(),
  status: z.number().int().optional(),
  url: z.string().optional(),
  requestId: z.string().optional(),
  /** Veza's own words, from its error envelope. */
  serverCode: z.string().optional(),
  serverMessage: z.string().optional(),
  serverResolution: z.string().optional(),
  /** Other named facts the explanation refers to (issuer, wait in seconds, proxy, ...). */
  facts: z.record(z.string(), z.string()).optional(),
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

export const problemSchema = z.object({
  code: z.enum(problemCodes),
  title: z.string(),
  explanation: z.string(),
  fix: z.array(z.string()),
  detail: problemDetailSchema,
});
export type Problem = z.infer<typeof problemSchema>;
