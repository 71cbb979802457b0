import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A private temp folder for one test file, removed by dispose(). */
export function tempFolder(): {
  dir: string;
  write(name: string, text: string): string;
  dispose(): void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'veza-transport-test-'));
  return {
    dir,
    write: (name, text) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
