import type { ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/**
 * Sends a fetch-style Response (what main's page routes answer, and what app:// takes) through
 * a Node HTTP server: the e2e test server and the dev server use it. The body is streamed; if
 * the page goes away first, the body stream is destroyed, which closes its file.
 */
export function writeWebResponse(answer: Response, response: ServerResponse): void {
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (!answer.body) {
    response.end();
    return;
  }
  pipeline(Readable.fromWeb(answer.body as NodeReadableStream), response, () => {});
}
