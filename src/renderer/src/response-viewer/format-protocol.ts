import type { JsonLineIndex } from '../../../shared/json/json-line-index';
import type { JsonSyntaxError } from '../../../shared/json/scan-json';

/**
 * What the viewer sends its format worker: a copy of the body's bytes, or the body as a Blob
 * (a large answer), which the worker reads itself and hands back with the index, so the page
 * never copies or reads tens of MB on its own thread.
 */
export type FormatRequest = { bytes: Uint8Array } | { blob: Blob };

/** What the format worker answers; typed arrays are transferred, not copied. */
export interface FormatReply {
  /** The body's bytes when it was sent as a Blob. */
  bytes?: Uint8Array;
  /** The pretty view's lines, or undefined when the body is not JSON. */
  tree?: JsonLineIndex;
  syntaxError?: JsonSyntaxError;
  rawRows: Int32Array;
  milliseconds: number;
}

/** The worker could not read the body (a Blob whose file is gone). */
export interface FormatFailure {
  failure: string;
}
