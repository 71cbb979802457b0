import type { JsonLineIndex } from '../../../shared/json/json-line-index';
import type { JsonSyntaxError } from '../../../shared/json/scan-json';

/** What the viewer sends its format worker: a copy of the body's bytes. */
export interface FormatRequest {
  bytes: Uint8Array;
}

/** What the format worker answers; typed arrays are transferred, not copied. */
export interface FormatReply {
  /** The pretty view's lines, or undefined when the body is not JSON. */
  tree?: JsonLineIndex;
  syntaxError?: JsonSyntaxError;
  rawRows: Int32Array;
  milliseconds: number;
}
