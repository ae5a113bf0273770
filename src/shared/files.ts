import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GateError, errorText } from './errors.js';

/** Write to a temporary file beside the target, then rename: a reader never sees half a file. */
export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
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
