/**
 * The renderer's Content Security Policy. Only the app's own scripts and styles run; no eval,
 * no inline script, no remote content, no plugins, no frames, no network from the page (every
 * HTTP call goes through main). It is set twice: as a <meta> tag in the built index.html and
 * as a response header by the app:// protocol handler.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The scheme and host the packaged app serves its page from (not file://). */
export const appScheme = 'app';
export const appOrigin = 'app://veza-desk';
