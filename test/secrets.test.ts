// Nothing secret leaves a scan: planted values are grepped from every output, and an interrupted run
// leaves the baseline, the preview server and the browser as they should be.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlags, runCli } from './support/cli.js';
import { CLI, ROOT, SITES, serve, type Served } from './support/fixtures.js';
import { descendants, freePort, isRunning, pidsIn } from './support/processes.js';
import { validateSarif } from './support/schema.js';

let served: Served;
beforeAll(async () => {
  served = await serve();
});
afterAll(async () => served?.close());

const SECRETS = [
  'b8d2e1f04c77a9', // PHPSESSID value, set by the fixture server
  'Zx81kLmQ0pRt55vW', // csrftoken value
  'tok-SECRET-93817', // a header value given on the command line
  '555123987.1700000000', // a client id in a beacon's query
  'user-4471-secret', // a user id in a beacon's query
];

describe('secrets in the output', () => {
  it('no planted secret appears on stdout, stderr or in any report format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-secrets-'));
    const run = await runCli([
      'scan',
      '--url', served.url,
      '--page', '/essential/', '--page', '/ga4/', '--page', '/beacon/', '--page', '/pixel/', '--page', '/tag-manager/',
      '--header', `x-preview-token: ${SECRETS[2]}`,
      '--format', 'console,json,html,sarif,junit,codequality,markdown',
      '--report-dir', dir,
      '--phases', 'initial',
      ...browserFlags(served.browserArgs),
    ]);
    expect(run.code).toBe(1);
    const outputs = [run.stdout, run.stderr, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))];
    expect(outputs).toHaveLength(8);
    for (const text of outputs) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/GA1\.1\.\d{5,}/);
    }
    expect(validateSarif(readFileSync(join(dir, 'consent-gate.sarif'), 'utf8'))).toBe(true);
    // The redaction keeps what a developer needs: which keys the beacon sent.
    expect(readFileSync(join(dir, 'consent-gate-report.json'), 'utf8')).toContain('cid=<redacted>&uid=<redacted>');
  });
});

describe('an interrupted run', () => {
  it('on SIGTERM: exits non-zero, keeps the baseline, and stops the preview server and the browser', async () => {
    const project = mkdtempSync(join(tmpdir(), 'cg-interrupt-'));
    const baseline = '{\n  "findings": {},\n  "version": 1\n}\n';
    writeFileSync(join(project, 'consent-gate.baseline.json'), baseline);
    const port = await freePort();
    const pidFile = join(project, 'pids.json');
    const server = `node ${JSON.stringify(join(ROOT, 'test', 'fixtures', 'servers', 'preview-server.mjs'))} ${JSON.stringify(join(SITES))} --port ${port} --pid-file ${JSON.stringify(pidFile)}`;
    const child = spawn(process.execPath, [CLI, 'baseline', '--prune', '--start', server, '--wait-on', `http://127.0.0.1:${port}/clean/`, '--page', '/ga4/', '--page', '/pixel/', '--page', '/embed/', '--page', '/storage/', ...browserFlags(served.browserArgs)], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Wait until the browser is at work, then stop the run as a CI runner's cancel button does.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (stderr.includes('scanning')) {
          clearInterval(poll);
          setTimeout(resolve, 1500);
        }
      }, 50);
    });
    const running = descendants(child.pid!);
    expect(running.length).toBeGreaterThan(2);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(143);
    expect(stderr).toContain('SIGTERM received: stopping the preview server and the browser; nothing was passed.');
    expect(readFileSync(join(project, 'consent-gate.baseline.json'), 'utf8')).toBe(baseline);
    expect(pidsIn(pidFile).map(isRunning)).toEqual([false, false]);
    expect(running.filter(isRunning)).toEqual([]);
  });
});
