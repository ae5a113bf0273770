import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GateError, errorText } from './errors.js';
import type { Cleared } from './secrets.js';

const tempName = (path: string, pid: number): string => `.${basename(path)}.${pid}.tmp`;

/**
 * Removes the temporary files a killed run left beside `path` (a SIGKILL comes between write and
 * rename). A temp file whose writer still runs is another run's, mid-write: it stays.
 */
export function removeStaleTemps(path: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^\.(.+)\.(\d+)\.tmp$/.exec(name)?.[2]);
    if (!pid || name !== tempName(path, pid) || pid === process.pid || isRunning(pid)) continue;
    try {
      rmSync(join(dirname(path), name), { force: true });
    } catch {
      // Not ours to remove after all (permissions): harmless beside the file.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Write to a temporary file beside the target, then rename: a reader never sees half a file. Only
 * text that passed the run's secret check can be written (see shared/secrets.ts).
 */
export function writeFileAtomic(path: string, content: Cleared): void {
  removeStaleTemps(path);
  const temp = join(dirname(path), tempName(path, process.pid));
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Whatever blocked the write may block the clean-up too; the write's error is the one to report.
    }
    throw new GateError(`Could not write ${path}: ${errorText(error)}. Check that the folder is writable.`, 2, error);
  }
}
