import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface RendererFileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers every response of the page carries, whether it is served by app:// or the test server. */
export const rendererSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Serves one file of the built renderer for a URL path. Paths that climb out of the root
 * (`..`, encoded or not) are refused; "/" is index.html. Used by the app:// protocol and by
 * the e2e test server, so tests load the page exactly as the app does.
 */
export async function readRendererFile(
  root: string,
  urlPath: string,
): Promise<RendererFileResponse> {
  const notFound = (): RendererFileResponse => ({
    status: 404,
    headers: { ...rendererSecurityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
    body: Buffer.from('Not found'),
  });
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return notFound();
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootResolved = path.resolve(root);
  const filePath = path.resolve(rootResolved, relative);
  if (filePath !== rootResolved && !filePath.startsWith(rootResolved + path.sep)) return notFound();
  try {
    const body = await readFile(filePath);
    const type = contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { ...rendererSecurityHeaders, 'Content-Type': type }, body };
  } catch {
    return notFound();
  }
}
