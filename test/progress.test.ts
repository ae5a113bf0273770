// What a person watching a scan sees: a live line on a terminal, a line per page in CI, more with --verbose.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressOutput } from '../src/report/progress.js';
import type { ClassifiedScan, PageResult } from '../src/types.js';
import { browserFlags, runCli } from './support/cli.js';
import { CLI, serve, type Served } from './support/fixtures.js';

let served: Served;
beforeAll(async () => {
  served = await serve();
});
afterAll(async () => served?.close());

const scanArgs = (): string[] => ['scan', '--url', served.url, '--page', '/clean/', '--page', '/pixel/', '--phases', 'initial,after-scroll', ...browserFlags(served.browserArgs)];

/** Runs the CLI in a real pseudo-terminal (util-linux `script`), as on a developer's machine. */
function runInTerminal(args: string[]): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('progress output', () => {
  it('on a terminal: a live line with pages done, the visit under way and the time, cleared before the summary', async () => {
    const run = await runInTerminal(scanArgs());
    expect(run.code).toBe(1);
    expect(run.output).toContain('\r\x1b[2K');
    expect(run.output).toMatch(/0\/2 pages · \d+ s · \/(clean|pixel)\/ (initial|after-scroll)/);
    expect(run.output).toMatch(/\[1\/2\] http:\/\/127\.0\.0\.1:\d+\/(clean|pixel)\//);
    // The summary starts on a clean line: the last live line was erased just before it.
    expect(run.output).toMatch(/\r\x1b\[2Kconsent-gate \d+\.\d+\.\d+ · 2 pages/);
  });

  it('in CI (no terminal): one plain line per page, no control characters', async () => {
    const run = await runCli(scanArgs());
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('\x1b');
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('['));
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toMatch(/\[2\/2\] http:\/\/127\.0\.0\.1:\d+\/\w+\/ {2}\d+\.\d s {2}/);
  });

  it('--verbose adds a line per visit; --quiet leaves only the summary; both at once is a usage error', async () => {
    const [verbose, quiet, both] = await Promise.all([runCli([...scanArgs(), '--verbose']), runCli([...scanArgs(), '--quiet']), runCli([...scanArgs(), '--quiet', '--verbose'])]);
    expect(verbose.stderr).toMatch(/^ {6}initial {7} +\d+\.\d s {2}\/pixel\/ {2}\d+ requests, \d+ cookies, \d+ storage keys · waited \d+\.\d s for the network/m);
    expect(verbose.stderr).toMatch(/^ {6}after-scroll +\d+\.\d s {2}\/clean\/ {2}scrolled to the bottom/m);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('FAILED');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--quiet and --verbose ask for opposite things');
  });

  it('--verbose shows the stack of an error and what caused it', async () => {
    const project = mkdtempSync(join(tmpdir(), 'cg-verbose-'));
    writeFileSync(join(project, 'consent-gate.baseline.json'), '{ not json');
    const [plain, verbose] = await Promise.all([runCli(scanArgs(), { cwd: project }), runCli([...scanArgs(), '--verbose'], { cwd: project })]);
    expect([plain.code, verbose.code]).toEqual([2, 2]);
    expect(plain.stderr).toMatch(/^consent-gate: consent-gate\.baseline\.json: not a readable baseline/);
    expect(plain.stderr).not.toContain('    at ');
    expect(verbose.stderr).toMatch(/GateError: .*not a readable baseline[\s\S]*    at [\s\S]*caused by: SyntaxError/);
  });

  it('estimates the time left from the pages done so far', () => {
    let now = 0;
    const written: string[] = [];
    const stream = { isTTY: true, columns: 200, write: (text: string) => written.push(text) } ;
    const progress = progressOutput(stream, false, () => now);
    const page = (url: string): PageResult => ({ url, phases: [{ phase: 'initial', durationMs: 10_000, error: null } as ClassifiedScan], skipped: [] });
    progress.onPlan({ urls: ['http://s/a', 'http://s/b', 'http://s/c', 'http://s/d'], notes: [] });
    progress.onVisit({ url: 'http://s/b', phase: 'after-reject', scan: null });
    now = 10_000;
    progress.onPage({ done: 1, total: 4, page: page('http://s/a'), findings: [] });
    progress.stop();
    expect(written.at(-2)).toBe('\r\x1b[2K1/4 pages · 10 s · about 30 s left · /b after-reject');
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });
});
