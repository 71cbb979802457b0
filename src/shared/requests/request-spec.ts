import { z } from 'zod';
import { httpMethods } from '../http-protocol/http-method';

/**
 * A request as the composer edits it and as history and saved requests store it. It never
 * holds a credential: main adds Authorization itself, only towards the profile's own origin.
 */

/** Headers that carry credentials; a request spec may never hold them. */
export const credentialHeaderNames: readonly string[] = [
  'authorization',
  'cookie',
  'proxy-authorization',
];

export function isCredentialHeader(name: string): boolean {
  return credentialHeaderNames.includes(name.trim().toLowerCase());
}

/** A header or query row of the composer's tables; unticked rows are kept but not sent. */
export const requestRowSchema = z.object({
  name: z.string(),
  value: z.string(),
  enabled: z.boolean(),
});
export type RequestRow = z.infer<typeof requestRowSchema>;

// A line break in a header would let a value smuggle in another header.
const headerRowSchema = requestRowSchema
  .refine((row) => !/[\r\n]/.test(row.name) && !/[\r\n]/.test(row.value), {
    message: 'A header name or value cannot contain a line break.',
  })
  .refine((row) => row.name === '' || /^[!#$%&'*+.^`|~\w-]+$/.test(row.name.trim()), {
    message: 'A header name can only contain letters, digits and - _ . signs.',
  });

export const requestSpecSchema = z.object({
  method: z.enum(httpMethods),
  /** Relative to the instance: starts with one "/", no query (that is in `query`), no fragment. */
  path: z
    .string()
    .regex(/^\/(?!\/)/, 'The path must start with a single "/", for example /api/v1/providers.')
    .refine((path) => !/[?#\r\n\t]/.test(path), {
      message: 'The path cannot contain ?, # or line breaks: put query parameters in their table.',
    }),
  query: z.array(requestRowSchema),
  headers: z
    .array(headerRowSchema)
    .refine((rows) => !rows.some((row) => isCredentialHeader(row.name)), {
      message:
        'Authorization, Cookie and Proxy-Authorization headers are not kept in a request: Veza Desk adds the key from the keychain itself.',
    }),
  body: z.string().optional(),
});
export type RequestSpec = z.infer<typeof requestSpecSchema>;

/**
 * Removes credential headers from a request (for example one read from an old file or a
 * paste), answering the names it removed so the caller can say so.
 */
export function stripCredentialHeaders(spec: RequestSpec): {
  spec: RequestSpec;
  removed: string[];
} {
  const removed = spec.headers.filter((row) => isCredentialHeader(row.name)).map((row) => row.name);
  return {
    spec: { ...spec, headers: spec.headers.filter((row) => !isCredentialHeader(row.name)) },
    removed,
  };
}

/** The rows that are sent: ticked and named. */
export function activeRows(rows: readonly RequestRow[]): RequestRow[] {
  return rows.filter((row) => row.enabled && row.name.trim() !== '');
}
