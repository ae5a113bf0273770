// The built CLI, run as a user runs it: exit codes, output, the JSON report and its schema.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlags, runCli } from './support/cli.js';
import { freePort } from './support/processes.js';
import { ROOT, serve, type Served } from './support/fixtures.js';
import { validateReport } from './support/schema.js';

let served: Served;
beforeAll(async () => {
  served = await serve();
});
afterAll(async () => served?.close());


describe('consent-gate scan', () => {
  it('passes a clean page with exit code 0', async () => {
    const run = await runCli(['scan', `${served.url}clean/`, `${served.url}essential/`, ...browserFlags(served.browserArgs)]);
    expect(run.stdout).toContain('PASSED');
    expect(run.code).toBe(0);
  });

  it('fails GA4 before consent with exit code 1 and names what to fix', async () => {
    const run = await runCli(['scan', `${served.url}ga4/`, '--phases', 'initial', ...browserFlags(served.browserArgs)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/error\s+tracking-cookie-before-consent\s+cookie _ga\s+Google Analytics \(analytics\)/);
    expect(run.stdout).toContain('↳ document.cookie written by https://www.googletagmanager.com/gtag/js');
    expect(run.stdout).toMatch(/^FAILED: 6 new errors, 2 new warnings — 6 new errors \(failOn: error\) \(exit 1\)$/m);
    expect(run.stderr).toMatch(/\[1\/1\] http:\/\/127\.0\.0\.1:\d+\/ga4\/ .* 6 new error\(s\)/);
  });

  it('writes a JSON report that validates against the published schema and holds no cookie value', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cg-report-')), 'nested', 'report.json');
    const run = await runCli(['scan', `${served.url}ga4/`, `${served.url}essential/`, `${served.url}pixel/`, '--format', 'json', '--output', out, ...browserFlags(served.browserArgs)]);
    expect(run.code).toBe(1);
    const text = readFileSync(out, 'utf8');
    const report = JSON.parse(text);
    expect(validateReport(report)).toBe(true);
    expect(report.verdict).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(report.findings.length).toBeGreaterThan(0);
    // Values set by the fixtures' server; the vendor stand-ins' random values are checked by hash below.
    for (const secret of ['b8d2e1f04c77a9', 'Zx81kLmQ0pRt55vW', '8f2a77c1d93e']) expect(text).not.toContain(secret);
    for (const cookie of report.pages.flatMap((p: any) => p.phases.flatMap((s: any) => s.cookies))) {
      expect(cookie).not.toHaveProperty('value');
      expect(cookie.valueHash).toMatch(/^[0-9a-f]{8}$/);
    }
    expect(text).toContain('cid=<redacted>');
  });

  it('prints JSON on stdout and the summary on stderr when no --output is given', async () => {
    const run = await runCli(['scan', `${served.url}clean/`, '--format', 'json', ...browserFlags(served.browserArgs)]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).verdict.status).toBe('passed');
    expect(run.stderr).toContain('PASSED');
  });

  it('reports an unreachable page as scan-error and exits 3, never 0', async () => {
    const port = await freePort();
    const run = await runCli(['scan', `http://127.0.0.1:${port}/`, `${served.url}clean/`, ...browserFlags(served.browserArgs)]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/error\s+scan-error/);
    expect(run.stdout).toContain('ERR_CONNECTION_REFUSED');
    expect(run.stdout).toMatch(/✓ http:\/\/127\.0\.0\.1:\d+\/clean\/\s+clean/);
    expect(run.stdout).toMatch(/^INCOMPLETE: /m);
  });

  it('exits 3 when no page is left to scan, never 0', async () => {
    const run = await runCli(['scan', '--static', join(ROOT, 'test', 'fixtures', 'static-site'), '--exclude', '**/*.html', ...browserFlags(served.browserArgs)]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('No pages to scan were found, so nothing was checked (never a pass).');
  });

  it('treats an HTTP 404 page as a page that could not be scanned', async () => {
    const run = await runCli(['scan', `${served.url}no-such-page/`, ...browserFlags(served.browserArgs)]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('the page answered HTTP 404');
  });

  it('exits 2 with install instructions when no browser can be found', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cg-nobrowser-'));
    const env: NodeJS.ProcessEnv = { HOME: empty, PATH: empty, PLAYWRIGHT_BROWSERS_PATH: empty };
    const run = await runCli(['scan', `${served.url}clean/`], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No Chrome or Chromium browser was found');
    expect(run.stderr).toContain('npx playwright install chromium');
    expect(run.stderr).toContain('apt-get install -y chromium');
  });

  it('exits 2 when --browser-path is not an executable', async () => {
    const run = await runCli(['scan', `${served.url}clean/`, '--browser-path', join(ROOT, 'README.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--browser-path points at .*README\.md, which is not an executable file/);
  });

  it('exits 2 on usage errors, with a pointer to --help', async () => {
    const unknown = await runCli(['scan', 'http://localhost/', '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--frobnicate'.*consent-gate --help/);
    const notUrl = await runCli(['scan', 'example.com']);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toContain('"example.com" is not a URL');
    const badNumber = await runCli(['scan', 'http://localhost/', '--timeout', 'soon']);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain('--timeout takes a whole number');
  });

  it('prints --help and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: consent-gate scan [url…] [options]');
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
