import type { IncomingMessage } from 'node:http';
import { ApiError, invalidArgument } from './api-error';

/** Reads and parses a JSON request body, refusing bodies over `limitBytes` (413) or not JSON. */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw payloadTooLarge(limitBytes);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidArgument([{ field: 'body', description: 'The request body is not valid JSON' }]);
  }
}

function payloadTooLarge(limitBytes: number): ApiError {
  return new ApiError(413, {
    code: 'ResourceExhausted',
    message: `Request body exceeds ${limitBytes} bytes`,
    info: {
      reason: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is too large.',
      resolution: 'Send a smaller body (OAA pushes are limited to 100 MB).',
    },
  });
}
