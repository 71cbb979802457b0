import { Readable } from 'node:stream';
import { makeProblem } from '../../../shared/problems/make-problem';
import { responseBodyRoute } from '../../../shared/requests/response-body-url';
import { rendererSecurityHeaders } from '../renderer-files';
import type { BodyFiles } from './body-files';

const gone = (): Response =>
  new Response(JSON.stringify(makeProblem('RESPONSE_BODY_GONE')), {
    status: 404,
    headers: { ...rendererSecurityHeaders, 'Content-Type': 'application/json; charset=utf-8' },
  });

/**
 * Answers `GET /response-bodies/<ref>` on the page's origin with one body file, streamed from
 * disk. Both the app:// protocol and the e2e test server call this, so tests read bodies the way
 * the app does. Any other path answers undefined (the renderer files are served instead); a
 * reference that is not a body id, or whose file is gone, is a 404 carrying RESPONSE_BODY_GONE.
 */
export async function answerResponseBodyRequest(
  bodies: BodyFiles,
  method: string,
  urlPath: string,
): Promise<Response | undefined> {
  const pathname = urlPath.split('?')[0] ?? '';
  if (!pathname.startsWith(responseBodyRoute)) return undefined;
  if (method !== 'GET') return new Response('Not found', { status: 404 });
  const ref = pathname.slice(responseBodyRoute.length);
  // openStream refuses anything but a body id, and a removed body, before anything is sent.
  let opened: Awaited<ReturnType<BodyFiles['openStream']>>;
  try {
    opened = await bodies.openStream(decodeURIComponent(ref));
  } catch {
    return gone();
  }
  const { stream, size } = opened;
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    status: 200,
    headers: {
      ...rendererSecurityHeaders,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': 'no-store',
    },
  });
}
