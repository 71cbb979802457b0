// Parses and indexes a response body off the UI thread. One worker per body: it hands its
// results over (transferred, not copied) and is then ended, so no second copy stays alive.
import { buildJsonLineIndex } from '../../../shared/json/json-line-index';
import { buildRawRows } from '../../../shared/json/raw-rows';
import type { FormatFailure, FormatReply, FormatRequest } from './format-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<FormatRequest>) => void) | null;
  postMessage(message: FormatReply | FormatFailure, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async ({ data }) => {
  const started = performance.now();
  const fromBlob = 'blob' in data;
  let bytes: Uint8Array;
  try {
    bytes = fromBlob ? new Uint8Array(await data.blob.arrayBuffer()) : data.bytes;
  } catch {
    scope.postMessage({ failure: 'The body could not be read.' });
    return;
  }
  const built = buildJsonLineIndex(bytes);
  const rawRows = buildRawRows(bytes);
  const reply: FormatReply = {
    ...(fromBlob ? { bytes } : {}),
    ...(built.ok ? { tree: built.index } : { syntaxError: built.error }),
    rawRows,
    milliseconds: performance.now() - started,
  };
  const transfer: Transferable[] = [rawRows.buffer as ArrayBuffer];
  if (fromBlob) transfer.push(bytes.buffer as ArrayBuffer);
  if (built.ok)
    transfer.push(
      built.index.lines.buffer as ArrayBuffer,
      built.index.containers.buffer as ArrayBuffer,
    );
  scope.postMessage(reply, transfer);
};
