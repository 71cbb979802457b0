import { open } from 'node:fs/promises';
import type { TransportResponse } from '../transport';

/** Enough of a body to recognise it and to read an identity or an error envelope. */
const maxTextBytes = 1024 * 1024;

export interface JsonAnswer {
  status: number;
  contentType: string;
  /** The body's start as text (up to 1 MB). */
  text: string;
  /** The parsed body when it is complete JSON; undefined otherwise. */
  json: unknown;
  retryAfter?: string;
}

function header(response: TransportResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function startOfFile(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxTextBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxTextBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads a call's answer and frees its body (temp file or memory) at once. */
export async function readJsonAnswer(response: TransportResponse): Promise<JsonAnswer> {
  try {
    return await peekJsonAnswer(response);
  } finally {
    await response.release();
  }
}

/** Reads the start of an answer (up to 1 MB) and leaves its body for the caller to keep. */
export async function peekJsonAnswer(response: TransportResponse): Promise<JsonAnswer> {
  const bytes =
    response.body.kind === 'memory'
      ? response.body.bytes.subarray(0, maxTextBytes)
      : await startOfFile(response.body.path);
  const text = bytes.toString('utf8');
  let json: unknown;
  if (response.size <= maxTextBytes) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return {
    status: response.status,
    contentType: header(response, 'content-type') ?? '',
    text,
    json,
    retryAfter: header(response, 'retry-after'),
  };
}
