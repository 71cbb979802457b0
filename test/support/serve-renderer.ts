import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRendererFile, type RendererFileResponse } from '../../src/main/core/renderer-files';
import { writeWebResponse } from '../../src/main/core/write-web-response';

/** Answers the routes main serves on the page's origin besides its files (response bodies). */
export type PageRoute = (method: string, urlPath: string) => Promise<Response | undefined>;

/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 through the same function the app://
 * protocol uses, with the same security headers. Answers its origin and a close function.
 */
export async function serveRenderer(
  root: string,
  /** Answers some paths itself (test fixtures); undefined falls through to the built files. */
  override?: (urlPath: string) => RendererFileResponse | undefined,
  /** Main's own routes, as app:// answers them (app-protocol.ts); asked before the files. */
  route?: PageRoute,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const urlPath = request.url ?? '/';
    void (async () => {
      const routed = await route?.(request.method ?? 'GET', urlPath);
      if (routed) return writeWebResponse(routed, response);
      const { status, headers, body } =
        override?.(urlPath) ?? (await readRendererFile(root, urlPath));
      response.writeHead(status, headers);
      response.end(body);
    })();
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
