import { invalidArgument } from '../http/api-error';
import type { Route } from '../http/route-table';
import { minLargeJsonBytes, streamLargeJson } from './large-json-stream';

// Not a Veza endpoint: GET /api/v1/sandbox/large?bytes=N answers a valid Veza-style list of
// exactly N bytes (default 1 MB, at most 1 GB), streamed, for response-viewer and transport
// work on big bodies. Delivery faults (truncate, trickle) do not apply to it.

export const maxLargeJsonBytes = 1_000_000_000;

export const largeBodyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/sandbox/large',
    access: 'read',
    handle: ({ query, state }) => {
      const bytes = Number(query.get('bytes') ?? 1_000_000);
      if (!Number.isInteger(bytes) || bytes < minLargeJsonBytes || bytes > maxLargeJsonBytes)
        throw invalidArgument([
          {
            field: 'bytes',
            description: `bytes must be an integer from ${minLargeJsonBytes} to ${maxLargeJsonBytes}`,
          },
        ]);
      return {
        stream: (response) =>
          streamLargeJson(response, bytes, (written) => {
            state.stats.largeBodyBytesWritten += written;
          }),
      };
    },
  },
];
