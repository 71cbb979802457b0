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

/**
 * How large a request may be (issue 14). Far above what anyone types or pastes, low enough that
 * a request fits in one IPC message and a history entry stays small. The messages are what the
 * composer shows when a request is over one.
 */
export const requestLimits = {
  /** The path, as typed (before percent-encoding). */
  path: 8 * 1024,
  /** Rows of the query parameters table, and of the headers table. */
  rows: 100,
  /** A row's name. */
  rowName: 256,
  /** A row's value (a header value, a query parameter's value such as a filter). */
  rowValue: 16 * 1024,
  /**
   * The path, query parameters and headers together, in characters. Servers in front of Veza
   * refuse far less (Node's default is 16 KB of headers); this keeps a history entry small.
   */
  head: 64 * 1024,
  /**
   * The body, in characters. It crosses IPC as one string; anything larger belongs in a file
   * (sending a body streamed from a file is not built yet).
   */
  body: 10 * 1024 * 1024,
} as const;

const kb = (characters: number) => `${Math.round(characters / 1024).toLocaleString('en-US')} KB`;

/** A header or query row of the composer's tables; unticked rows are kept but not sent. */
export const requestRowSchema = z.object({
  name: z
    .string()
    .max(
      requestLimits.rowName,
      `A name in the tables can be at most ${requestLimits.rowName} characters long.`,
    ),
  value: z
    .string()
    .max(
      requestLimits.rowValue,
      `A value in the tables can be at most ${kb(requestLimits.rowValue)} long.`,
    ),
  enabled: z.boolean(),
});

export type RequestRow = z.infer<typeof requestRowSchema>;

/** Characters of the path, the rows' names and values: what `requestLimits.head` bounds. */
export function headLength(spec: {
  path: string;
  query: readonly RequestRow[];
  headers: readonly RequestRow[];
}): number {
  const rows = [...spec.query, ...spec.headers];
  return rows.reduce((sum, row) => sum + row.name.length + row.value.length, spec.path.length);
}

// A line break in a header would let a value smuggle in another header.
const headerRowSchema = requestRowSchema
  .refine((row) => !/[\r\n]/.test(row.name) && !/[\r\n]/.test(row.value), {
    message: 'A header name or value cannot contain a line break.',
  })
  .refine((row) => row.name === '' || /^[!#$%&'*+.^`|~\w-]+$/.test(row.name.trim()), {
    message: 'A header name can only contain letters, digits and - _ . signs.',
  });

export const requestSpecSchema = z
  .object({
    method: z.enum(httpMethods),
    /** Relative to the instance: starts with one "/", no query (that is in `query`), no fragment. */
    path: z
      .string()
      .max(requestLimits.path, `The path can be at most ${kb(requestLimits.path)} long.`)
      .regex(/^\/(?!\/)/, 'The path must start with a single "/", for example /api/v1/providers.')
      .refine((path) => !/[?#\r\n\t]/.test(path), {
        message:
          'The path cannot contain ?, # or line breaks: put query parameters in their table.',
      }),
    query: z
      .array(requestRowSchema)
      .max(
        requestLimits.rows,
        `A request can have at most ${requestLimits.rows} query parameters.`,
      ),
    headers: z
      .array(headerRowSchema)
      .max(requestLimits.rows, `A request can have at most ${requestLimits.rows} headers.`)
      .refine((rows) => !rows.some((row) => isCredentialHeader(row.name)), {
        message:
          'Authorization, Cookie and Proxy-Authorization headers are not kept in a request: Veza Desk adds the key from the keychain itself.',
      }),
    body: z
      .string()
      .max(
        requestLimits.body,
        `The body is larger than ${requestLimits.body / 1024 / 1024} MB, the most Veza Desk sends. Send a smaller body, or split the data into several requests.`,
      )
      .optional(),
  })
  .refine((spec) => headLength(spec) <= requestLimits.head, {
    message: `The path, query parameters and headers together are longer than ${kb(requestLimits.head)}. The servers in front of Veza refuse requests that large: remove some rows or shorten their values.`,
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
