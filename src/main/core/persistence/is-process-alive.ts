/**
 * Whether a process with this pid runs on this computer (a temp file's or a lock's maker).
 * EPERM: it exists but belongs to someone else.
 */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
