import type { ServerResponse } from 'node:http';
import type { DeliveryFault } from '../faults/fault-rules';

// Writes a whole (small) body, honestly or through a delivery fault. Content-Length is always
// the full length, so a cut body is detectable the way it is in the wild.

export function sendBody(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  delivery?: DeliveryFault,
): Promise<void> {
  response.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
  if (!delivery) {
    response.end(body);
    return Promise.resolve();
  }
  if (delivery.kind === 'truncate') {
    const cut = Math.floor(body.length * Math.min(Math.max(delivery.fraction ?? 0.5, 0), 0.99));
    return new Promise((resolve) => {
      // Flush what we have, then drop the connection without the rest.
      response.write(body.subarray(0, cut), () => {
        response.socket?.destroy();
        resolve();
      });
    });
  }
  return trickle(response, body, delivery.chunkBytes ?? 16, delivery.intervalMs ?? 50);
}

async function trickle(
  response: ServerResponse,
  body: Buffer,
  chunkBytes: number,
  intervalMs: number,
): Promise<void> {
  response.flushHeaders();
  for (let offset = 0; offset < body.length; offset += chunkBytes) {
    if (response.destroyed) return;
    response.write(body.subarray(offset, offset + chunkBytes));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  response.end();
}

export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
  delivery?: DeliveryFault,
): Promise<void> {
  return sendBody(
    response,
    status,
    { 'Content-Type': 'application/json', ...headers },
    Buffer.from(JSON.stringify(value)),
    delivery,
  );
}

export function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
  delivery?: DeliveryFault,
): Promise<void> {
  return sendBody(
    response,
    status,
    { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    Buffer.from(html),
    delivery,
  );
}
