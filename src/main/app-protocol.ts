import { protocol } from 'electron';
import { readRendererFile } from './core/renderer-files';
import { appScheme } from '../shared/security/content-security-policy';

/** Must run before `app.ready`: app:// behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves app://veza-desk/: main's own routes first (response bodies, see
 * core/requests/response-body-route.ts), then the built renderer with the security headers.
 * The e2e test server (test/support/serve-renderer.ts) calls the same two functions.
 */
export function serveAppScheme(options: {
  rendererRoot: string;
  host: string;
  route: (method: string, urlPath: string) => Promise<Response | undefined>;
}): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== options.host) return new Response('Not found', { status: 404 });
    const routed = await options.route(request.method, url.pathname);
    if (routed) return routed;
    if (request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = await readRendererFile(options.rendererRoot, url.pathname);
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
}
