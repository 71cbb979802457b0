import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRendererFile } from '../../src/main/core/renderer-files';

/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 through the same function the app://
 * protocol uses, with the same security headers. Answers its origin and a close function.
 */
export async function serveRenderer(
  root: string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    void readRendererFile(root, request.url ?? '/').then((file) => {
      response.writeHead(file.status, file.headers);
      response.end(file.body);
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
