// The last lines of .ci/run, from a real vitest JSON report: a run of test/fixtures/ci-report, one test
// of each outcome. CI parses the last line's "N passed, N failed"; skips are listed with their reasons.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { summarise } from '../.ci/summary.mjs';
import { ROOT } from './support/fixtures.js';

describe('.ci/summary.mjs', () => {
  it('lists each skipped test with its reason, ends with "N passed, N failed, N skipped", and fails on a failure', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'cg-ci-')), 'vitest.json');
    const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    // The sample fails one test on purpose: vitest exits 1, and the report is what is read.
    await promisify(execFile)(process.execPath, [vitest, 'run', '--root', join(ROOT, 'test', 'fixtures', 'ci-report'), '--reporter=json', `--outputFile.json=${json}`]).catch(() => undefined);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(summarise(report, ROOT)).toEqual({
      lines: [
        'skipped: test/fixtures/ci-report/sample.spec.ts > skips, saying why: no Node 20 on the PATH',
        'skipped: test/fixtures/ci-report/sample.spec.ts > skips without a word: no reason given (skip with skipBecause from test/support/skip.ts)',
        '1 passed, 1 failed, 2 skipped',
      ],
      exitCode: 1,
    });
    // Without the failure: green, the skips still listed.
    const [file] = report.testResults;
    file.assertionResults = file.assertionResults.filter((a: { status: string }) => a.status !== 'failed');
    file.status = 'passed';
    expect(summarise({ ...report, numFailedTests: 0 }, ROOT)).toMatchObject({ lines: expect.arrayContaining(['1 passed, 0 failed, 2 skipped']), exitCode: 0 });
  });

  it('counts a test file that failed to load as one failure, naming it', () => {
    const report = { numPassedTests: 3, numFailedTests: 0, testResults: [{ name: join(ROOT, 'test', 'broken.test.ts'), status: 'failed', message: 'SyntaxError: Unexpected token', assertionResults: [] }] };
    expect(summarise(report, ROOT)).toEqual({ lines: ['failed to load: test/broken.test.ts: SyntaxError: Unexpected token', '3 passed, 1 failed, 0 skipped'], exitCode: 1 });
  });
});
