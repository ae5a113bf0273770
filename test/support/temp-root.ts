import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temporary folder the tests (and the gate runs they start) make goes into
 * one folder for this run, removed at the end. Thousands of test folders per run were left in /tmp.
 * Set before the workers start, so they and the processes they spawn inherit it.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'consent-gate-tests-'));
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    // A browser killed on purpose by a test may still be flushing into its profile for a moment.
    rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
}
