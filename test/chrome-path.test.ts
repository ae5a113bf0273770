// CHROME_PATH: what Lighthouse and chrome-launcher users already set on their runners.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../src/browser/resolve.js';
import type { GateResult } from '../src/types.js';
import { runCli } from './support/cli.js';
import { serve, type Served } from './support/fixtures.js';
import { skipBecause } from './support/skip.js';

let served: Served;
beforeAll(async () => {
  served = await serve();
});
afterAll(async () => served?.close());

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const copy = { ...process.env, ...extra };
  delete copy['CONSENT_GATE_BROWSER'];
  return copy;
};

describe('CHROME_PATH', () => {
  it('is the browser that runs', async () => {
    // A wrapper around the real browser: only it being run can put its path in the report.
    const wrapper = join(mkdtempSync(join(tmpdir(), 'cg-chrome-path-')), 'my-chrome');
    writeFileSync(wrapper, `#!/bin/sh\nexec ${JSON.stringify(resolveBrowser().executable)} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const run = await runCli(['scan', `${served.url}clean/`, '--phases', 'initial', '--format', 'json'], { env: env({ CHROME_PATH: wrapper }) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).browser.executable).toBe(wrapper);
  });

  it('is checked like --browser-path: a wrong one is exit 2, not a silent fallback', async () => {
    const run = await runCli(['scan', `${served.url}clean/`], { env: env({ CHROME_PATH: '/no/such/chrome' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CHROME_PATH points at /no/such/chrome, which is not an executable file');
  });
});

describe('full Chromium beside the headless shell', () => {
  // The suite scans with the headless shell where it is installed (.ci/run installs both): full
  // Chromium, what most runners have, must find the same.
  const full = ['chromium', 'google-chrome'].map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()).find(Boolean);

  it('finds the same as the headless shell on a page with trackers', async (context) => {
    const shellPath = resolveBrowser().executable;
    if (full === undefined) skipBecause(context, 'no full Chromium on the PATH (chromium, google-chrome) to compare the headless shell with');
    if (!/headless/.test(shellPath)) skipBecause(context, `the suite scans with ${shellPath}, not the headless shell: nothing to compare full Chromium with`);
    const scan = async (browser: string) => {
      const run = await runCli(['scan', `${served.url}tag-manager/`, '--phases', 'initial', '--format', 'json', '--browser-path', browser, ...served.browserArgs.map((a) => `--browser-arg=${a}`)], { env: env({}) });
      const report = JSON.parse(run.stdout) as GateResult;
      return { code: run.code, browser: report.browser.executable, findings: report.findings.map((f) => `${f.rule} ${f.subject.name ?? f.subject.host}`).sort() };
    };
    const [shell, chromium] = [await scan(shellPath), await scan(full)];
    expect(chromium.browser).toBe(full);
    expect(chromium.code).toBe(1);
    expect(chromium.findings.length).toBeGreaterThan(3);
    expect(chromium.findings).toEqual(shell.findings);
  });
});
