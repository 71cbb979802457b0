import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRendererFile, rendererSecurityHeaders } from '../../src/main/core/renderer-files';

/** A file the lab page may fetch from lab-data/ on its own origin. */
export interface LabFile {
  contentType: string;
  body: Buffer | string;
}

/**
 * Serves the built renderer (out/renderer) exactly as serve-renderer.ts does, plus
 * /lab-data/<name> from memory, so the component lab page can load fixtures of any size
 * from its own origin under the app's CSP.
 */
export async function serveComponentLab(
  root: string,
  labFiles: ReadonlyMap<string, LabFile>,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const labFile = path.startsWith('/lab-data/')
      ? labFiles.get(path.slice('/lab-data/'.length))
      : undefined;
    if (labFile) {
      response.writeHead(200, { ...rendererSecurityHeaders, 'Content-Type': labFile.contentType });
      response.end(labFile.body);
      return;
    }
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

/** The two lab files for one response fixture: its description and its body. */
export function responseFixture(
  name: string,
  fixture: {
    status: number;
    headers: Array<{ name: string; value: string }>;
    body: Buffer | string;
    timings?: Record<string, number>;
    keyKind?: 'personal' | 'team';
    host?: string;
  },
): Array<[string, LabFile]> {
  const { body, ...rest } = fixture;
  return [
    [
      `${name}.json`,
      {
        contentType: 'application/json',
        body: JSON.stringify({ ...rest, bodyFile: `${name}.body` }),
      },
    ],
    [`${name}.body`, { contentType: 'application/octet-stream', body }],
  ];
}
