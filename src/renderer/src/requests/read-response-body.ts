import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import type { ResponseBodyRef } from '../../../shared/requests/request-records';
import { responseBodyPath } from '../../../shared/requests/response-body-url';

/** Base64 to bytes: the native decoder where Chromium has it (140+), atob otherwise. */
export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array })
    .fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * The body of an answer for the viewer. A small body came inline with the answer; a large one
 * is fetched from the page's own origin by reference (main serves it, response-body-route.ts)
 * as a Blob: the network stack keeps it, and only the viewer's format worker reads its bytes,
 * so the page's thread never copies tens of MB (base64 chunks over IPC, then an ArrayBuffer
 * copied for the worker, each cost long tasks: bench/request-body-transfer.bench.ts). No body
 * (history dropped it for space) or a missing file is RESPONSE_BODY_GONE.
 */
export async function readResponseBody(
  body: ResponseBodyRef | undefined,
): Promise<{ ok: true; body: Blob | Uint8Array } | { ok: false; problem: Problem }> {
  const gone = { ok: false as const, problem: makeProblem('RESPONSE_BODY_GONE') };
  if (!body) return gone;
  if (body.kind === 'inline') return { ok: true, body: decodeBase64(body.base64) };
  try {
    const response = await fetch(responseBodyPath(body.ref), { cache: 'no-store' });
    if (!response.ok) return gone;
    return { ok: true, body: await response.blob() };
  } catch {
    return gone;
  }
}
