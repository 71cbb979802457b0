import { useEffect, useState } from 'react';
import type { FormatReply, FormatRequest } from './format-protocol';

export type BodyIndexState =
  { phase: 'indexing' } | ({ phase: 'ready' } & FormatReply) | { phase: 'failed'; message: string };

/**
 * Indexes a body in a web worker (a new one per body, ended when done or when the body
 * changes), so parsing tens of MB never blocks the page.
 */
export function useBodyIndex(bytes: Uint8Array): BodyIndexState {
  const [result, setResult] = useState<{ bytes: Uint8Array; state: BodyIndexState }>();
  useEffect(() => {
    const worker = new Worker(new URL('./format-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<FormatReply>) => {
      setResult({ bytes, state: { phase: 'ready', ...data } });
      worker.terminate();
    };
    worker.onerror = (event) => {
      setResult({
        bytes,
        state: { phase: 'failed', message: event.message || 'The formatter stopped.' },
      });
      worker.terminate();
    };
    // The worker gets its own copy, handed over rather than cloned: a cloned message keeps
    // a serialized copy alive on this side for a while, a transferred one belongs to the
    // worker and goes when it ends. The viewer keeps the original for drawing lines.
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy } satisfies FormatRequest, [copy.buffer]);
    return () => worker.terminate();
  }, [bytes]);
  return result?.bytes === bytes ? result.state : { phase: 'indexing' };
}
