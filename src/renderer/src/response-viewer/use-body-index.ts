import { useEffect, useState } from 'react';
import type { FormatFailure, FormatReply, FormatRequest } from './format-protocol';

export type BodyIndexState =
  | { phase: 'indexing' }
  | ({ phase: 'ready'; bytes: Uint8Array } & FormatReply)
  | { phase: 'failed'; message: string };

/**
 * Indexes a body in a web worker (a new one per body, ended when done or when the body
 * changes), so parsing tens of MB never blocks the page. A Blob is read by the worker, whose
 * bytes come back with the index: the page thread never touches the whole body.
 */
export function useBodyIndex(body: Uint8Array | Blob): BodyIndexState {
  const [result, setResult] = useState<{ body: Uint8Array | Blob; state: BodyIndexState }>();
  useEffect(() => {
    const worker = new Worker(new URL('./format-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<FormatReply | FormatFailure>) => {
      if ('failure' in data) {
        setResult({ body, state: { phase: 'failed', message: data.failure } });
      } else {
        const bytes = data.bytes ?? (body as Uint8Array);
        setResult({ body, state: { phase: 'ready', ...data, bytes } });
      }
      worker.terminate();
    };
    worker.onerror = (event) => {
      setResult({
        body,
        state: { phase: 'failed', message: event.message || 'The formatter stopped.' },
      });
      worker.terminate();
    };
    if (body instanceof Blob) {
      // Sending a Blob sends a handle, not its bytes.
      worker.postMessage({ blob: body } satisfies FormatRequest);
    } else {
      // The worker gets its own copy, handed over rather than cloned: a cloned message keeps
      // a serialized copy alive on this side for a while, a transferred one belongs to the
      // worker and goes when it ends. The viewer keeps the original for drawing lines.
      const copy = body.slice();
      worker.postMessage({ bytes: copy } satisfies FormatRequest, [copy.buffer]);
    }
    return () => worker.terminate();
  }, [body]);
  return result?.body === body ? result.state : { phase: 'indexing' };
}
