/**
 * Large answers are read by the page from its own origin (app:// in the app, the test server in
 * tests) at this path, by their body reference: the network stack loads the bytes into an
 * ArrayBuffer, so no base64 string of tens of MB is made and collected on the UI thread.
 */
export const responseBodyRoute = '/response-bodies/';

export function responseBodyPath(ref: string): string {
  return `${responseBodyRoute}${encodeURIComponent(ref)}`;
}
