import { bodyChunkLimit, type ResponseBodyRef } from '../../../shared/requests/request-records';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';

// Each chunk is decoded on the UI thread as it arrives: 2 MB keeps every such step short
// (bench/request-body-transfer.bench.ts: 8 MB chunks made 100-150 ms tasks).
const chunkBytes = Math.min(2 * 1024 * 1024, bodyChunkLimit);

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
 * The bytes of an answer for the viewer. A large body is read from main in bounded base64
 * chunks straight into one buffer of its final size: strings cross Electron's IPC and the test
 * bridge the same way, and no chunk is kept once copied.
 */
export async function readResponseBody(
  body: ResponseBodyRef,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: Problem }> {
  if (body.kind === 'inline') return { ok: true, bytes: decodeBase64(body.base64) };
  const bytes = new Uint8Array(body.size);
  let offset = 0;
  while (offset < body.size) {
    const length = Math.min(chunkBytes, body.size - offset);
    const chunk = await veza.invoke('requests.readBody', { ref: body.ref, offset, length });
    if (!chunk.ok) return chunk;
    const part = decodeBase64(chunk.value.base64);
    if (part.length === 0) break;
    bytes.set(part, offset);
    offset += part.length;
  }
  return { ok: true, bytes: offset === body.size ? bytes : bytes.subarray(0, offset) };
}
