// @ts-check
// The end of .ci/run: reads vitest's JSON report and prints each skipped test with its reason, then the
// last line, "N passed, N failed, N skipped" (CI parses "N passed, N failed"). Exits 1 on any failure,
// and when nothing passed: a run that proved nothing is not green.
//
//   node .ci/summary.mjs vitest.json
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** vitest's statuses for a test that did not run: skipped (it.skip, context.skip), pending (skipIf), todo. */
const NOT_RUN = new Set(['skipped', 'pending', 'todo']);

/**
 * The lines to print and the exit code, from a vitest JSON report. File names are shown relative to `root`.
 * @param {{ numPassedTests: number, numFailedTests: number, testResults: { name: string, status: string, message: string, assertionResults: { status: string, fullName: string, meta?: { skipReason?: string } }[] }[] }} report
 * @param {string} root
 * @returns {{ lines: string[], exitCode: number }}
 */
export function summarise(report, root) {
  const file = (/** @type {string} */ name) => relative(root, name) || name;
  // A test file that fails to load has no failed test in it, yet failed: count it once, and say which.
  const broken = report.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'));
  const skipped = report.testResults.flatMap((f) =>
    f.assertionResults.filter((a) => NOT_RUN.has(a.status)).map((a) => `skipped: ${file(f.name)} > ${a.fullName}: ${a.meta?.skipReason ?? 'no reason given (skip with skipBecause from test/support/skip.ts)'}`),
  );
  const failed = report.numFailedTests + broken.length;
  return {
    lines: [...broken.map((f) => `failed to load: ${file(f.name)}: ${f.message}`), ...skipped, `${report.numPassedTests} passed, ${failed} failed, ${skipped.length} skipped`],
    exitCode: failed > 0 || report.numPassedTests === 0 ? 1 : 0,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { lines, exitCode } = summarise(JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')), process.cwd());
  for (const line of lines) console.log(line);
  process.exitCode = exitCode;
}
