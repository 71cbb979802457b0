import { gunzipSync } from 'node:zlib';
import { invalidArgument } from '../http/api-error';

// An OAA push carries the payload as `json_data`: a JSON string, or with
// `compression_type: "GZIP"` the JSON gzipped and base64-encoded (as Veza's oaaclient sends it).
// Veza's documented limit is 100 MB of payload.

export const maxPushPayloadBytes = 100 * 1024 * 1024;

export function decodePushPayload(
  jsonData: string,
  compression: string | undefined,
): Record<string, unknown> {
  let text = jsonData;
  // Any case: the docs' example sends "none" (developers/api/oaa/rest-api/operations), Veza's
  // client "GZIP" (oaaclient/client.py).
  const kind = compression?.toUpperCase();
  if (kind === 'GZIP') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(jsonData) || jsonData.length % 4 !== 0)
      throw violation('json_data is not base64 encoded');
    try {
      text = gunzipSync(Buffer.from(jsonData, 'base64'), {
        maxOutputLength: maxPushPayloadBytes,
      }).toString('utf8');
    } catch (error) {
      throw violation(
        (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
          ? 'payload exceeds the 100 MB limit'
          : 'json_data is not valid gzip data',
      );
    }
  } else if (kind !== undefined && kind !== 'NONE' && kind !== '') {
    throw invalidArgument([
      { field: 'compression_type', description: 'compression_type must be GZIP or NONE' },
    ]);
  }
  if (Buffer.byteLength(text) > maxPushPayloadBytes)
    throw violation('payload exceeds the 100 MB limit');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw violation('payload is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw violation('payload must be a JSON object');
  return parsed as Record<string, unknown>;
}

function violation(description: string) {
  return invalidArgument([{ field: 'json_data', description }]);
}
