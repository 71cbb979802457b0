import type { ServerResponse } from 'node:http';

// A JSON list of exactly `totalBytes` bytes, generated item by item and written in ~64 KB
// chunks that wait for 'drain': memory stays flat however large the body, and a slow reader
// slows the writer instead of filling the server's memory. Content-Length is exact, so clients
// can show progress; the few bytes an item would overshoot become JSON whitespace.

const head = '{"values":[';
const tail = '],"has_more":false,"next_page_token":""}';
const chunkTarget = 64 * 1024;
const nodeTypes = ['OktaUser', 'AwsIamUser', 'AzureADUser', 'GithubUser', 'SnowflakeUser'];
const departments = ['Engineering', 'Finance', 'Sales', 'Security', 'People', 'Support', 'Legal'];

export const minLargeJsonBytes = head.length + tail.length;

/** One realistic-looking node; ASCII only, so characters and bytes count the same. */
function largeItem(index: number): string {
  const id = index.toString().padStart(9, '0');
  const type = nodeTypes[index % nodeTypes.length];
  const department = departments[index % departments.length];
  const day = String((index % 28) + 1).padStart(2, '0');
  return `{"id":"node-${id}","type":"${type}","properties":{"name":"User ${id}","email":"user.${id}@example.com","department":"${department}","is_active":${index % 11 !== 0},"mfa_enabled":${index % 5 !== 0},"risk_score":${(index * 37) % 101},"created_at":"2024-03-${day}T09:30:00Z"}}`;
}

function waitForDrain(response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (drained: boolean) => {
      response.off('drain', onDrain);
      response.off('close', onClose);
      resolve(drained);
    };
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    response.once('drain', onDrain);
    response.once('close', onClose);
  });
}

export async function streamLargeJson(
  response: ServerResponse,
  totalBytes: number,
  onWritten: (bytes: number) => void,
): Promise<void> {
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': String(totalBytes),
  });
  let budget = totalBytes - minLargeJsonBytes;
  let chunk = head;
  for (let index = 0; ; index += 1) {
    const item = index === 0 ? largeItem(index) : `,${largeItem(index)}`;
    if (item.length > budget) break;
    chunk += item;
    budget -= item.length;
    if (chunk.length < chunkTarget) continue;
    if (response.destroyed) return;
    onWritten(chunk.length);
    const flushed = response.write(chunk);
    chunk = '';
    if (!flushed && !(await waitForDrain(response))) return;
  }
  chunk += ' '.repeat(budget) + tail;
  onWritten(chunk.length);
  response.end(chunk);
}
