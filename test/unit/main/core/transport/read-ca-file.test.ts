import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../../../../../src/main/core/problem-error';
import {
  MAX_CA_FILE_BYTES,
  readCaFile,
} from '../../../../../src/main/core/transport/tls/trusted-cas';
import { issueCertificate, type Issued } from '../../../../../src/sandbox/tls/certificates';
import { tempFolder } from '../../../../support/network/temp-folder';

// What the file system answers can be bent per test: a path swapped between the check and the
// open, a disk that never answers, a file that grows after it was checked.
type FsPromises = typeof import('node:fs/promises');
const bend = vi.hoisted(() => ({
  stat: undefined as FsPromises['stat'] | undefined,
  open: undefined as
    | ((real: FsPromises['open'], ...args: Parameters<FsPromises['open']>) => Promise<FileHandle>)
    | undefined,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<FsPromises>();
  return {
    ...actual,
    stat: ((...args: Parameters<FsPromises['stat']>) =>
      (bend.stat ?? actual.stat)(...args)) as FsPromises['stat'],
    open: (...args: Parameters<FsPromises['open']>) =>
      bend.open ? bend.open(actual.open, ...args) : actual.open(...args),
  };
});

const folder = tempFolder();
let root: Issued;
let pemFile: string;
let fifo: string;

beforeAll(async () => {
  root = await issueCertificate({ commonName: 'Acme Private Root', isCA: true });
  pemFile = folder.write('root.pem', root.cert);
  fifo = path.join(folder.dir, 'pipe.pem');
  execFileSync('mkfifo', [fifo]);
});
afterEach(() => {
  bend.stat = undefined;
  bend.open = undefined;
  // A reader wrongly stuck on the pipe gets EOF instead of holding a thread forever.
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: nobody is reading it.
  }
});
afterAll(() => folder.dispose());

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ProblemError);
  const { problem } = error as ProblemError;
  expect(problem.code).toBe('CA_FILE_INVALID');
  return problem.detail;
}

/** A stat answer of a small regular file, whatever the path really is. */
const regularStat = (() => Promise.resolve(statSync(pemFile))) as unknown as FsPromises['stat'];

describe('readCaFile', () => {
  it('reads the certificates of a valid PEM file', async () => {
    await expect(readCaFile(pemFile, 1_000)).resolves.toEqual([root.cert.trim()]);
  });

  it('a missing file says so in plain words', async () => {
    const file = path.join(folder.dir, 'missing.pem');
    const detail = await refusal(readCaFile(file, 1_000));
    expect(detail.raw).toBe('There is no CA file at this place any more (ENOENT).');
    expect(detail.errorCode).toBe('ENOENT');
    expect(detail.facts).toEqual({ file });
  });

  it('a pipe swapped in after the check is opened without waiting and refused through its handle', async () => {
    bend.stat = regularStat;
    const started = performance.now();
    const detail = await refusal(readCaFile(fifo, 5_000));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(detail.raw).toBe(
      'The CA file is a special file (a named pipe), not a certificate file.',
    );
    expect(detail.facts).toEqual({ file: fifo });
  }, 3_000);

  it('a file that grew past 1 MB after the check is read no further than 1 MB + 1 byte', async () => {
    const big = folder.write('big.pem', root.cert + '#'.repeat(3 * MAX_CA_FILE_BYTES));
    const readLengths: number[] = [];
    bend.stat = regularStat;
    bend.open = async (real, ...args) => {
      const handle = await real(...args);
      return new Proxy(handle, {
        get(target, name) {
          if (name === 'stat') return () => Promise.resolve(statSync(pemFile));
          if (name === 'read')
            return async (buffer: Buffer, offset: number, length: number, position: null) => {
              const answer = await target.read(buffer, offset, length, position);
              readLengths.push(answer.bytesRead);
              return answer;
            };
          const value: unknown = Reflect.get(target, name);
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
    };
    const detail = await refusal(readCaFile(big, 5_000));
    expect(detail.raw).toBe('The CA file is larger than 1 MB: it is not a certificate file.');
    expect(readLengths.reduce((sum, n) => sum + n, 0)).toBe(MAX_CA_FILE_BYTES + 1);
  });

  it('a disk that never answers the open is given up after the timeout', async () => {
    bend.open = () => new Promise<FileHandle>(() => {});
    const started = performance.now();
    const detail = await refusal(readCaFile(pemFile, 200));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_500);
    expect(detail.raw).toBe(
      'The CA file could not be read within 0.2 s: the disk or network drive it is on may be slow or unavailable.',
    );
    expect(detail.facts).toEqual({ file: pemFile });
  }, 3_000);

  it('a read that answers late is given up at the timeout, and the file is closed afterwards', async () => {
    let closed = false;
    let reads = 0;
    bend.open = async (real, ...args) => {
      const handle = await real(...args);
      return new Proxy(handle, {
        get(target, name) {
          if (name === 'read')
            return async (...readArgs: Parameters<FileHandle['read']>) => {
              reads += 1;
              await new Promise((resolve) => setTimeout(resolve, 400));
              return target.read(...readArgs);
            };
          if (name === 'close') return () => ((closed = true), target.close());
          const value: unknown = Reflect.get(target, name);
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
    };
    const started = performance.now();
    const detail = await refusal(readCaFile(pemFile, 100));
    expect(performance.now() - started).toBeLessThan(350);
    expect(detail.raw).toMatch(/could not be read within 0\.1 s/);
    await vi.waitFor(() => expect(closed).toBe(true), { timeout: 2_000 });
    // The late read is not followed by another one.
    expect(reads).toBe(1);
  }, 3_000);
});
