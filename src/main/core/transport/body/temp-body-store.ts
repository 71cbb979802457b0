import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Temp files for bodies too large to keep in memory. Each file is tracked until released;
 * whatever is left is removed by cleanupAll() (the Electron glue calls it on quit) and, as a
 * last resort, when the process exits.
 */
export class TempBodyStore {
  readonly dir: string;
  private readonly files = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
    liveStores.add(this);
    installExitCleanup();
  }

  /** A new private (0600) file in the store's folder. */
  async create(): Promise<{ path: string; handle: FileHandle }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, `body-${Date.now()}-${randomBytes(6).toString('hex')}.bin`);
    const handle = await open(file, 'wx', 0o600);
    this.files.add(file);
    return { path: file, handle };
  }

  async release(file: string): Promise<void> {
    if (!this.files.delete(file)) return;
    await rm(file, { force: true });
  }

  /** Files not yet released, oldest first. */
  list(): string[] {
    return [...this.files];
  }

  /** Synchronous on purpose: it also runs from process 'exit', where nothing async finishes. */
  cleanupAll(): void {
    for (const file of this.files) rmSync(file, { force: true });
    this.files.clear();
  }

  /** Stops tracking the store (after cleanupAll) so it can be garbage collected. */
  dispose(): void {
    this.cleanupAll();
    liveStores.delete(this);
  }
}

const liveStores = new Set<TempBodyStore>();
let exitHookInstalled = false;
function installExitCleanup(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const store of liveStores) store.cleanupAll();
  });
}

/** The default folder, created lazily. */
export function defaultTempDir(tmpRoot: string): string {
  const dir = path.join(tmpRoot, 'veza-desk-bodies');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
