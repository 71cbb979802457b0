import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRendererFile, type RendererFileResponse } from '../../src/main/core/renderer-files';

/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 through the same function the app://
 * protocol uses, with the same security headers. Answers its origin and a close function.
 */
export async function serveRenderer(
  root: string,
  /** Answers some paths itself (test fixtures); undefined falls through to the built files. */
  override?: (urlPath: string) => RendererFileResponse | undefined,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const answer = override?.(request.url ?? '/');
    const file = answer ? Promise.resolve(answer) : readRendererFile(root, request.url ?? '/');
    void file.then(({ status, headers, body }) => {
      response.writeHead(status, headers);
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
