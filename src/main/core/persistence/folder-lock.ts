import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import {
  link,
  open,
  readFile,
  rename,
  unlink,
  utimes,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import { linkSync, unlinkSync, watch, type FSWatcher } from 'node:fs';
import { ProblemError } from '../problem-error';
import { isProcessAlive } from './is-process-alive';

/*
 * One writer at a time per file in the data folder, across processes (the app, any number of
 * CLIs, a second app): the lock is ".<name>.lock" next to the file; only one process can make
 * it, and it says who holds it. It is made as a hard link to this process's holder file
 * (written once, `.<name>.lock.<pid>.<hex>.holder`), so taking and giving back the lock is one
 * link and one unlink: a change costs little more than its write (bench/profile-store.bench.ts).
 * Where hard links cannot be made (FAT, some network drives) the lock file is created with
 * O_EXCL instead.
 *
 * The link and the unlink are synchronous: one metadata call each, where an asynchronous call's
 * round trip through the thread pool was most of what each waiter woken by a release cost, and
 * on 2 cores those wake-ups took the CPU the next holder needed (bench/many-writers.bench.ts).
 *
 * A lock is taken over when its holder is gone: on this host, its pid no longer runs; anywhere,
 * it has not been touched for `staleMs` (a holder touches it on taking it, unless it did so
 * less than `staleMs / 4` ago, and every `staleMs / 4` while it holds it). Generous, because a
 * holder on a busy disk may wait seconds on fsync and taking a live lock over would lose a
 * change.
 */

const staleMs = 10_000;
/** How long a change waits for another process's lock before it is refused. */
const waitMs = 15_000;

interface Holder {
  pid: number;
  host: string;
  /** Unique to this process's holder: tells a taken-over lock from a newer one at the path. */
  token: string;
}

const lockPathOf = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.lock`);

/** What a lock file says; undefined when it says nothing usable (not written yet). */
function parseHolder(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return typeof holder.token === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

async function readHolder(lockPath: string): Promise<Holder | undefined> {
  return readFile(lockPath, 'utf8').then(parseHolder, () => undefined);
}

/** A lock file is created and written in one go: empty for longer than this, its maker died. */
const unwrittenMs = 1000;

/** A lock (or a claim on one) whose holder is gone, as it was judged. */
interface Abandoned {
  /** What it said, if anything. */
  holder?: Holder;
  /** Its inode: tells it from a later file at the same path. */
  ino: bigint;
}

/**
 * The holder is gone: its pid ended on this host, it left the lock untouched too long, or it
 * died between creating the lock and writing its name. Answers what the lock was (if anything).
 * Its age and its words are read through one descriptor, so both are of the same lock: a lock
 * given back and taken again in between must not be judged by the old one's age. A claim
 * (below) is a link to its maker's holder file, which can have been written long ago: its age
 * counts from its making too (the link sets the file's ctime).
 */
async function isAbandoned(lockPath: string, claim = false): Promise<Abandoned | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(lockPath, 'r');
  } catch {
    return undefined; // Given back meanwhile.
  }
  let age: number;
  let ino: bigint;
  let holder: Holder | undefined;
  try {
    const info = await handle.stat({ bigint: true });
    const made = claim && info.ctimeMs > info.mtimeMs ? info.ctimeMs : info.mtimeMs;
    age = Date.now() - Number(made);
    ino = info.ino;
    holder = parseHolder(await handle.readFile('utf8'));
  } catch {
    return undefined;
  } finally {
    await handle.close().catch(() => {});
  }
  if (!holder) return age > unwrittenMs ? { ino } : undefined;
  if (holder.host === hostname() && !isProcessAlive(holder.pid)) return { holder, ino };
  return age > staleMs ? { holder, ino } : undefined;
}

/** Whether the file at `target` is still the one judged abandoned. */
async function isStill(target: string, judged: Abandoned): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(target, 'r');
  } catch {
    return false;
  }
  try {
    const { ino } = await handle.stat({ bigint: true });
    const holder = parseHolder(await handle.readFile('utf8'));
    return ino === judged.ino && holder?.token === judged.holder?.token;
  } catch {
    return false;
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * The claim on an abandoned file: named after its holder (pid and token, never used again), so
 * of all the waiters that judged that holder gone, one makes it. Named like a holder file, so
 * that one left by a killed claimer is removed with the dead writers' temp files.
 */
function claimPathOf(lockPath: string, judged: Abandoned): string {
  const { holder } = judged;
  const named =
    holder && Number.isInteger(holder.pid) && /^[\w-]{1,64}$/.test(holder.token)
      ? `${holder.pid}.${holder.token}`
      : `0.${judged.ino.toString(16)}`;
  return `${lockPath}.${named}.claim`;
}

/** Makes a claim the way the lock is made: true when made here, false when someone has it. */
async function makeClaim(claim: string, held: HolderFile): Promise<boolean> {
  const made = held.noLinks
    ? writeFile(claim, JSON.stringify(held.holder), { flag: 'wx', mode: 0o600 })
    : link(held.path, claim);
  return made.then(
    () => true,
    () => false,
  );
}

/**
 * Replaces an abandoned lock (or, `depth` > 0, an abandoned claim on one) with this process's:
 * true when this process now holds it. Several waiters often judge a killed holder's lock
 * abandoned at once; moving the lock aside and putting it back when it turned out to be a newer
 * holder's (as before) left the path empty meanwhile, and a third waiter took it then: two
 * processes held the lock and one's acknowledged change was lost (many-writers.test.ts). So
 * only the waiter that makes the claim named after the dead holder may replace its lock, in one
 * rename, and only after it saw, claim in hand, that the lock is still that holder's: nobody
 * else can change it then, since its holder is gone and every other taker needs the claim.
 * A claimer killed half-way leaves a claim whose holder is gone: it is replaced the same way.
 */
async function replaceAbandoned(
  lockPath: string,
  target: string,
  judged: Abandoned,
  held: HolderFile,
  depth = 0,
): Promise<boolean> {
  const claim = claimPathOf(lockPath, judged);
  if (!(await makeClaim(claim, held))) {
    const claimer = depth < 3 ? await isAbandoned(claim, true) : undefined;
    if (!claimer || !(await replaceAbandoned(lockPath, claim, claimer, held, depth + 1)))
      return false;
  }
  try {
    if (await isStill(target, judged)) {
      await rename(claim, target);
      return true;
    }
  } catch {
    // Not replaced: given up like a claim that came too late.
  }
  await unlink(claim).catch(() => {});
  return false;
}

/**
 * Waits between attempts: until the lock file changes or goes (the lock file itself is
 * watched, so a waiter hears of the release at once instead of polling, which on 2 cores takes
 * the CPU the holder needs; the folder would wake every waiter at each of the holder's writes),
 * or `ms` at most, in case the watch says nothing (some network drives).
 */
function waitForRelease(lockPath: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let watcher: FSWatcher | undefined;
    const done = () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    };
    const timer = setTimeout(done, ms);
    try {
      watcher = watch(lockPath, { persistent: false }, done);
      watcher.on('error', done);
    } catch (error) {
      // Gone already: try again at once. Otherwise no watching here: the timeout paces it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') done();
    }
  });
}

/** This process's holder file for one lock: what its lock says while this process holds it. */
interface HolderFile {
  path: string;
  holder: Holder;
  /** When it was last touched: a lock taken after a pause is touched again first. */
  touchedAt: number;
  /** Hard links do not work here: the lock is created with O_EXCL instead. */
  noLinks?: boolean;
}

const holderFiles = new Map<string, HolderFile>();
let removeHolderFilesAtExit = false;

function holderFileFor(lockPath: string): HolderFile {
  let held = holderFiles.get(lockPath);
  if (!held) {
    const token = randomBytes(8).toString('hex');
    held = {
      // Named like a temp file: removed by the next opener once this process is gone.
      path: `${lockPath}.${process.pid}.${token}.holder`,
      holder: { pid: process.pid, host: hostname(), token },
      touchedAt: 0,
    };
    holderFiles.set(lockPath, held);
    if (!removeHolderFilesAtExit) {
      removeHolderFilesAtExit = true;
      process.once('exit', () => {
        for (const file of holderFiles.values()) {
          try {
            unlinkSync(file.path);
          } catch {
            // Already gone, or the folder with it.
          }
        }
      });
    }
  }
  return held;
}

/**
 * One attempt at the lock: true when made, false when someone holds it. Any other failure (no
 * folder, no permission) will not pass by waiting: FILE_UNWRITABLE.
 */
async function tryLock(file: string, lockPath: string, held: HolderFile): Promise<boolean> {
  const text = JSON.stringify(held.holder);
  for (;;) {
    try {
      if (held.noLinks) await writeFile(lockPath, text, { flag: 'wx', mode: 0o600 });
      else linkSync(held.path, lockPath);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (!held.noLinks && code === 'ENOENT') {
        // The holder file is not there yet (or someone removed it): write it, then try again.
        // A folder that is not there fails here too, and again below, as FILE_UNWRITABLE.
        const written = await writeFile(held.path, text, { mode: 0o600 }).then(
          () => true,
          () => false,
        );
        if (written) {
          held.touchedAt = Date.now();
          continue;
        }
      } else if (
        !held.noLinks &&
        ['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK', 'ENOSYS'].includes(code ?? '')
      ) {
        held.noLinks = true;
        continue;
      }
      throw ProblemError.of('FILE_UNWRITABLE', {
        errorCode: code,
        facts: { file: path.basename(file) },
      });
    }
  }
}

async function acquire(file: string): Promise<() => Promise<void>> {
  const lockPath = lockPathOf(file);
  const held = holderFileFor(lockPath);
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    if (await tryLock(file, lockPath, held)) break;
    if (Date.now() > deadline) {
      throw ProblemError.of('DATA_FOLDER_BUSY', { facts: { file: path.basename(file) } });
    }
    if (attempt % 10 === 5) {
      const abandoned = await isAbandoned(lockPath);
      if (abandoned) {
        if (await replaceAbandoned(lockPath, lockPath, abandoned, held)) break;
        continue;
      }
    }
    await waitForRelease(lockPath, Math.min(50, 2 + attempt * 5));
  }
  const touchNow = async () => {
    const now = new Date();
    held.touchedAt = now.getTime();
    await utimes(lockPath, now, now);
  };
  // A holder file written a while ago would make a fresh lock look untouched to other hosts.
  if (!held.noLinks && Date.now() - held.touchedAt > staleMs / 4) await touchNow().catch(() => {});
  const heldSince = Date.now();
  // A long hold (a slow disk) keeps the lock looking alive to other hosts.
  const touch = setInterval(() => void touchNow().catch(() => {}), staleMs / 4);
  touch.unref();
  return async () => {
    clearInterval(touch);
    // Only our own lock. It can have been taken over only if this process stalled for long (it
    // is alive, and touched the lock while held): then leave the new holder's lock be.
    const mayBeTakenOver = Date.now() - heldSince > staleMs / 4;
    if (!mayBeTakenOver || (await readHolder(lockPath))?.token === held.holder.token)
      unlinkSync(lockPath);
  };
}

/** Runs `work` holding the lock on `file`; waits for another holder up to 15 s. */
export async function withFolderLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const release = await acquire(file);
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}
