import { readFile } from 'node:fs/promises';
import type { CDPSession } from '@playwright/test';

/**
 * The resident memory of Chromium's processes of the given types (renderer: the page, its
 * workers, its array buffers and DOM; browser: the network stack and Blob storage), read from
 * /proc for the pids Chromium reports. Linux only.
 */
export async function residentBytes(
  browserSession: CDPSession,
  types: readonly string[],
): Promise<number> {
  const info = (await browserSession.send('SystemInfo.getProcessInfo')) as {
    processInfo: Array<{ type: string; id: number }>;
  };
  let total = 0;
  for (const process of info.processInfo.filter((candidate) => types.includes(candidate.type))) {
    const status = await readFile(`/proc/${process.id}/status`, 'utf8').catch(() => '');
    const kilobytes = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    total += Number(kilobytes ?? 0) * 1024;
  }
  return total;
}

/** The resident memory of Chromium's renderer processes. */
export const rendererResidentBytes = (browserSession: CDPSession) =>
  residentBytes(browserSession, ['renderer']);
