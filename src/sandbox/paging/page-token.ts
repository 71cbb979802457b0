// Opaque page tokens (base64url JSON), as opaque to clients as Veza's. `o` is the offset of the
// next item; `e` records that the "empty page while has_more" quirk was already served.

export interface PageCursor {
  offset: number;
  emptyServed: boolean;
}

export function encodePageToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.offset, e: cursor.emptyServed ? 1 : 0 })).toString(
    'base64url',
  );
}

/** The cursor in a token, or undefined when the token is not one of ours. */
export function decodePageToken(token: string): PageCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { o, e } = parsed as { o?: unknown; e?: unknown };
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) return undefined;
    return { offset: o, emptyServed: e === 1 };
  } catch {
    return undefined;
  }
}
