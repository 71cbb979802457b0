/**
 * The most text main copies to the clipboard for the window (characters). A UTF-8 body of at
 * most this many bytes always fits, so the viewer can tell before decoding a body.
 */
export const clipboardTextLimit = 50_000_000;
