// Bringing up the site under test, and leaving nothing running afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, vendorFlagsForFile } from './support/cli.js';
import { ROOT } from './support/fixtures.js';
import { freePort, isRunning, pidsIn } from './support/processes.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const SERVER = join(FIXTURES, 'servers', 'preview-server.mjs');
const vendorFlags = vendorFlagsForFile();

function previewCommand(port: number, pidFile: string, extra = ''): string {
  return `node ${JSON.stringify(SERVER)} ${JSON.stringify(join(FIXTURES, 'static-site'))} --port ${port} --pid-file ${JSON.stringify(pidFile)} ${extra}`;
}

const temp = (): string => mkdtempSync(join(tmpdir(), 'cg-target-'));

describe('--start: the project\'s own preview command', () => {
  it('waits until the URL answers, scans, then stops the whole process tree', async () => {
    const port = await freePort();
    const pidFile = join(temp(), 'pids.json');
    const run = await runCli(['scan', '--start', previewCommand(port, pidFile, '--ready-after 700'), '--wait-on', `http://127.0.0.1:${port}/`, '--page', '/', '--page', '/news/2026/item.html', '--phases', 'initial', ...vendorFlags()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ http:\/\/127\.0\.0\.1:\d+\/news\/2026\/item\.html\s+6 errors/);
    const pids = pidsIn(pidFile);
    expect(pids.map(isRunning)).toEqual([false, false]);
  });

  it('can wait for a ready pattern in the command\'s output instead of a URL', async () => {
    const port = await freePort();
    const pidFile = join(temp(), 'pids.json');
    const run = await runCli(['scan', '--start', previewCommand(port, pidFile, '--ready-after 300'), '--ready-pattern', 'Local:\\s+http', '--url', `http://127.0.0.1:${port}/`, '--page', '/about/', '--phases', 'initial', ...vendorFlags()]);
    expect(run.code).toBe(0);
    expect(pidsIn(pidFile).map(isRunning)).toEqual([false, false]);
  });

  it('reports a command that exits early, with its last output, as exit 2', async () => {
    const pidFile = join(temp(), 'pids.json');
    const run = await runCli(['scan', '--start', previewCommand(await freePort(), pidFile, '--exit-early'), '--wait-on', 'http://127.0.0.1:9/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('exited with code 1 before the preview was ready');
    expect(run.stderr).toContain('| Error: no build found in dist/. Run the build first.');
    expect(pidsIn(pidFile).map(isRunning)).toEqual([false, false]);
  });

  it('gives up on a preview that never gets ready, stops it, and says what it waited for', async () => {
    const port = await freePort();
    const pidFile = join(temp(), 'pids.json');
    const run = await runCli(['scan', '--start', previewCommand(port, pidFile, '--never-listen'), '--wait-on', `http://127.0.0.1:${port}/`, '--start-timeout', '2000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The preview was not ready after 2000 ms: waited for http://127.0.0.1:${port}/ to answer.`);
    expect(run.stderr).toContain('| waiting for something that never happens');
    expect(pidsIn(pidFile).map(isRunning)).toEqual([false, false]);
  });

  it('starts at the --wait-on URL, as its help says, not at the root of its origin', async () => {
    const port = await freePort();
    const pidFile = join(temp(), 'pids.json');
    const run = await runCli(['scan', '--start', previewCommand(port, pidFile), '--wait-on', `http://127.0.0.1:${port}/about/`, '--max-pages', '1', '--phases', 'initial', ...vendorFlags()]);
    expect(run.stdout).toMatch(new RegExp(`✓ http://127\\.0\\.0\\.1:${port}/about/\\s`));
    expect(run.stdout).toContain('1 page ·');
    expect(run.code).toBe(0);
  });

  it('needs to know when the preview is ready', async () => {
    const run = await runCli(['scan', '--start', 'npm run preview']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--start needs --wait-on URL (or --ready-pattern REGEX)');
  });
});

describe('a real framework preview: vite preview', () => {
  it('builds a Vite app, previews it through --start, finds the bundled tracker, and stops vite', async () => {
    const out = temp();
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    execFileSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: join(FIXTURES, 'vite-app') });
    const port = await freePort();
    const command = `node ${JSON.stringify(vite)} preview --outDir ${JSON.stringify(out)} --host 127.0.0.1 --port ${port} --strictPort`;
    const run = await runCli(['scan', '--start', command, '--wait-on', `http://127.0.0.1:${port}/`, '--phases', 'initial', ...vendorFlags()], { cwd: join(FIXTURES, 'vite-app') });
    expect(run.stdout).toMatch(/error\s+tracking-cookie-before-consent\s+cookie _ga\s/);
    expect(run.code).toBe(1);
    // Nothing may still listen on the preview's port.
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});

describe('--static: a built site', () => {
  it('finds every page by glob, leaving out 404.html', async () => {
    const run = await runCli(['scan', '--static', join(FIXTURES, 'static-site'), '--phases', 'initial', ...vendorFlags()]);
    expect(run.stderr).toContain('scanning 4 page(s)');
    for (const page of ['/', '/about/', '/draft.html', '/news/2026/item.html']) expect(run.stdout).toMatch(new RegExp(`[✓✗] http://127\\.0\\.0\\.1:\\d+${page.replace(/\./g, '\\.')}\\s`));
    expect(run.stdout).not.toContain('404');
    expect(run.code).toBe(1);
  });

  it('takes --include and --exclude patterns', async () => {
    const run = await runCli(['scan', '--static', join(FIXTURES, 'static-site'), '--include', '**/*.html', '--exclude', 'news/**', '--exclude', 'draft.html', '--phases', 'initial', ...vendorFlags()]);
    expect(run.stderr).toContain('scanning 2 page(s)');
    expect(run.code).toBe(0);
  });

  it('says clearly when the folder is missing or holds no HTML', async () => {
    const missing = await runCli(['scan', '--static', 'no-such-dist']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--static no-such-dist: no such folder. Build the site first');
    const empty = await runCli(['scan', '--static', join(FIXTURES, 'servers')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the folder holds no HTML pages');
    const file = await runCli(['scan', '--static', join(FIXTURES, 'servers', 'hostile.mjs')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is a file, not a folder');
  });

  it('refuses two targets at once', async () => {
    const run = await runCli(['scan', '--static', 'dist', '--url', 'http://localhost:4173/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--static and --url name two different targets: give one.');
  });
});
