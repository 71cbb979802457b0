import { protocol } from 'electron';
import { readRendererFile } from './core/renderer-files';
import { appScheme } from '../shared/security/content-security-policy';

/** Must run before `app.ready`: app:// behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://veza-desk/ with the security headers. */
export function serveRendererOverAppScheme(rendererRoot: string, host: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== host || request.method !== 'GET')
      return new Response('Not found', { status: 404 });
    const file = await readRendererFile(rendererRoot, url.pathname);
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
}
