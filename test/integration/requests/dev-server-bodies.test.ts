import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import config from '../../../electron.vite.config';
import { createBodyFiles } from '../../../src/main/core/requests/body-files';
import { responseBodyPath } from '../../../src/shared/requests/response-body-url';
import { tempFolder } from '../../support/network/temp-folder';

// `npm run dev` serves the page from Vite: the renderer's dev server must answer large response
// bodies from main's data folder as app:// does, or every answer over 16 KB would be "gone".
const folder = tempFolder();
let server: ViteDevServer;
let origin: string;

beforeAll(async () => {
  process.env.VEZA_DESK_HOME = folder.dir;
  server = await createServer({
    configFile: false,
    ...config.renderer,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  origin = `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
  delete process.env.VEZA_DESK_HOME;
  folder.dispose();
});

it("the dev server answers a body from main's data folder, and a missing one as gone", async () => {
  const bytes = Buffer.from(JSON.stringify({ values: Array.from({ length: 3000 }, (_, i) => i) }));
  const ref = await createBodyFiles(folder.dir).write(bytes);
  const found = await fetch(`${origin}${responseBodyPath(ref)}`);
  expect(found.status).toBe(200);
  expect(Buffer.from(await found.arrayBuffer()).equals(bytes)).toBe(true);

  const gone = await fetch(`${origin}${responseBodyPath(crypto.randomUUID())}`);
  expect(gone.status).toBe(404);
  expect(((await gone.json()) as { code: string }).code).toBe('RESPONSE_BODY_GONE');
  expect((await fetch(`${origin}/index.html`)).status).toBe(200);
});
