// Cancelled jobs and process trees. CI runners cancel with SIGTERM, then SIGINT or SIGKILL; however a
// run ends, it says so briefly, nothing it started keeps running, and nothing it would have written at
// the end (baseline, reports) is touched.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseline } from '../src/baseline/file.js';
import { runGate } from '../src/gate.js';
import { descendantsOf } from '../src/shared/processes.js';
import { startCli, vendorFlagsForFile, type RunningCli } from './support/cli.js';
import { ROOT, SITES } from './support/fixtures.js';
import { busy, descendants, freePort, isRunning, pidsIn, renderers, survivors, until } from './support/processes.js';

const SERVER = join(ROOT, 'test', 'fixtures', 'servers', 'preview-server.mjs');
const HUNG = join(ROOT, 'test', 'fixtures', 'hung');
const BASELINE = '{\n  "findings": {},\n  "version": 1\n}\n';
const OLD_REPORT = '{"an":"earlier report"}\n';

const vendorFlags = vendorFlagsForFile();

/** The pause between two signals of a cancel sequence, as a runner spaces them: part of the scenario, not a wait for a state. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Project {
  dir: string;
  pidFile: string;
  /** The paths the preview served, one a line. */
  log: string;
  run: RunningCli;
}

/**
 * A project with a baseline and an earlier report, scanned with --update-baseline through a --start
 * preview whose tree includes a worker in a session of its own.
 */
async function scanProject(folder: string, pages: string[], previewFlags = ''): Promise<Project> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-lifecycle-'));
  writeFileSync(join(dir, 'consent-gate.baseline.json'), BASELINE);
  mkdirSync(join(dir, 'reports'));
  writeFileSync(join(dir, 'reports', 'consent-gate-report.json'), OLD_REPORT);
  const port = await freePort();
  const pidFile = join(dir, 'pids.json');
  const log = join(dir, 'served.log');
  const start = `node ${JSON.stringify(SERVER)} ${JSON.stringify(folder)} --port ${port} --pid-file ${JSON.stringify(pidFile)} --log ${JSON.stringify(log)} --setsid-worker ${previewFlags}`;
  const run = startCli(
    ['scan', '--update-baseline', '--prune', '--format', 'console,json', '--report-dir', 'reports', '--start', start, '--wait-on', `http://127.0.0.1:${port}/`, ...pages.flatMap((p) => ['--page', p]), ...vendorFlags()],
    { cwd: dir },
  );
  return { dir, pidFile, log, run };
}

const served = (project: Project): string => (existsSync(project.log) ? readFileSync(project.log, 'utf8') : '');

/** Everything the run has started by now: the preview's tree, the browser's, the watcher. */
async function atWork(project: Project, sign: () => boolean): Promise<number[]> {
  await until('the scan to be at work', () => project.run.output().stderr.includes('scanning') && sign());
  const running = [...new Set([...descendants(project.run.child.pid!), ...pidsIn(project.pidFile)])];
  expect(running.length).toBeGreaterThan(5);
  return running;
}

/** The short message, the code, nothing written, nothing left running. */
async function expectCleanStop(project: Project, running: number[], code: number, signal: string): Promise<void> {
  const result = await project.run.done;
  expect(result.stderr).toContain(`${signal} received: stopping the preview server and the browser; nothing was passed.`);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(code);
  expect(readFileSync(join(project.dir, 'consent-gate.baseline.json'), 'utf8')).toBe(BASELINE);
  expect(readdirSync(join(project.dir, 'reports'))).toEqual(['consent-gate-report.json']);
  expect(readFileSync(join(project.dir, 'reports', 'consent-gate-report.json'), 'utf8')).toBe(OLD_REPORT);
  expect(await survivors(running)).toEqual([]);
}

const TRACKING_PAGES = ['/ga4/', '/pixel/', '/embed/', '/storage/'];

describe('the process table', () => {
  it('lists every descendant of a process once, children before grandchildren, and nothing else', () => {
    const table = [
      { pid: 10, ppid: 1 },
      { pid: 12, ppid: 11 },
      { pid: 11, ppid: 10 },
      { pid: 13, ppid: 10 },
      { pid: 20, ppid: 1 },
      { pid: 21, ppid: 20 },
    ].map((entry) => ({ ...entry, start: '1' }));
    expect(descendantsOf(10, table).map((e) => e.pid)).toEqual([11, 13, 12]);
    expect(descendantsOf(12, table)).toEqual([]);
  });
});

describe('--start: the whole process tree', () => {
  it('a successful run stops every process the start command started, also one in a session of its own (setsid)', async () => {
    const project = await scanProject(SITES, ['/clean/']);
    const result = await project.run.done;
    expect(result.code).toBe(0);
    const pids = pidsIn(project.pidFile);
    expect(pids).toHaveLength(3);
    expect(await survivors(pids)).toEqual([]);
  });
});

describe('a cancelled job', () => {
  it('SIGTERM mid-scan: the short message, exit 143, nothing written, nothing left running', async () => {
    const project = await scanProject(SITES, TRACKING_PAGES);
    const running = await atWork(project, () => served(project).includes('/ga4/'));
    project.run.child.kill('SIGTERM');
    await expectCleanStop(project, running, 143, 'SIGTERM');
  });

  it("SIGTERM then SIGINT (a runner's cancel sequence): the second signal hastens the stop, exit 143", async () => {
    const project = await scanProject(SITES, TRACKING_PAGES);
    const running = await atWork(project, () => served(project).includes('/ga4/'));
    project.run.child.kill('SIGTERM');
    await pause(300);
    project.run.child.kill('SIGINT');
    await expectCleanStop(project, running, 143, 'SIGTERM');
  });

  it('a double SIGINT while the preview ignores SIGTERM: its tree is killed all the same, exit 130', async () => {
    const project = await scanProject(SITES, TRACKING_PAGES, '--ignore-sigterm');
    const running = await atWork(project, () => served(project).includes('/ga4/'));
    project.run.child.kill('SIGINT');
    await pause(500);
    project.run.child.kill('SIGINT');
    await expectCleanStop(project, running, 130, 'SIGINT');
  });

  it('SIGTERM while a renderer is hung in an endless loop: exit 143, the browser is gone', async () => {
    const project = await scanProject(HUNG, ['/spin.html']);
    const running = await atWork(project, () => served(project).includes('/now-spinning'));
    await busy("the page's renderer to spin", renderers(project.run.child.pid!));
    project.run.child.kill('SIGTERM');
    await expectCleanStop(project, running, 143, 'SIGTERM');
  });
});

describe('the browser never outlives the CLI', () => {
  it('SIGKILL of the CLI while a page wedges the browser: the browser and the preview are killed all the same', async () => {
    const project = await scanProject(HUNG, ['/push.html']);
    const running = await atWork(project, () => served(project).includes('/now-flooding'));
    await busy('the browser to be busy with the history flood', running);
    project.run.child.kill('SIGKILL');
    await project.run.done;
    expect(await survivors(running)).toEqual([]);
  });

  it('a browser that never answers at launch fails within the launch timeout, naming its path (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-mute-browser-'));
    const browser = join(dir, 'mute-chrome');
    const pidFile = join(dir, 'pid');
    // Starts, as a browser would, and then never says a word on the DevTools pipe.
    writeFileSync(browser, `#!/bin/sh\necho $$ > ${JSON.stringify(pidFile)}\nexec sleep 600\n`);
    chmodSync(browser, 0o755);
    const scan = runGate({ discover: { pages: ['http://127.0.0.1:9/'] }, browserPath: browser, launchTimeoutMs: 2_000 });
    await expect(scan).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`The browser at ${browser} (found via option) did not answer within 2 s of starting`) });
    expect(await survivors([Number(readFileSync(pidFile, 'utf8'))])).toEqual([]);
  });
});

describe('files a killed run left behind', () => {
  it('a temp file beside the baseline from a run killed mid-write is removed on the next run; a live writer\'s stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-stale-'));
    const path = join(dir, 'consent-gate.baseline.json');
    writeFileSync(path, BASELINE);
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('close', resolve));
    expect(isRunning(gone.pid!)).toBe(false);
    const stale = `.consent-gate.baseline.json.${gone.pid}.tmp`;
    const live = `.consent-gate.baseline.json.${process.ppid}.tmp`;
    writeFileSync(join(dir, stale), '{"half": ');
    writeFileSync(join(dir, live), '{"being written": ');
    expect(readBaseline(path)).not.toBeNull();
    expect(readdirSync(dir).sort()).toEqual([live, 'consent-gate.baseline.json']);
  });
});
