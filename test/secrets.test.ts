// Nothing secret leaves a scan: planted values are grepped from every output, and an interrupted run
// leaves the baseline, the preview server and the browser as they should be.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlags, runCli, startCli } from './support/cli.js';
import { ROOT, SITES, serve, type Served } from './support/fixtures.js';
import { descendants, freePort, isRunning, pidsIn, survivors, until } from './support/processes.js';
import { validateSarif } from './support/schema.js';
import { startEcho } from './fixtures/servers/echo.mjs';

const PLANTED = { user: 'alice', password: 'Opensesame42', cookie: 'visitorpathvalue' };
const LETTERS_ONLY = 'LettersOnlyBypassToken';

let served: Served;
let echo: Awaited<ReturnType<typeof startEcho>>;
beforeAll(async () => {
  served = await serve();
  echo = await startEcho(PLANTED);
});
afterAll(async () => Promise.all([served?.close(), echo?.close()]));

const SECRETS = [
  'b8d2e1f04c77a9', // PHPSESSID value, set by the fixture server
  'Zx81kLmQ0pRt55vW', // csrftoken value
  'tok-SECRET-93817', // a header value given on the command line
  '555123987.1700000000', // a client id in a beacon's query
  'user-4471-secret', // a user id in a beacon's query
  LETTERS_ONLY, // a header value of letters only, echoed by the site into a redirect and a pixel's path
  PLANTED.password, // in the target URL's user:password@
  `${PLANTED.user}:`,
  PLANTED.cookie, // a cookie value the site puts in a pixel's path
  'crm-5521-Qv8tK2xW', // a CRM id the site keeps in a cookie and sends to a pixel (beacon body, header): an identifier finding
];

describe('secrets in the output', () => {
  it('no planted secret appears on stdout, stderr or in any report format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-secrets-'));
    const run = await runCli([
      'scan',
      '--url', `http://${PLANTED.user}:${PLANTED.password}@127.0.0.1:${echo.port}/`,
      '--page', '/echo/',
      ...['essential', 'ga4', 'beacon', 'pixel', 'tag-manager', 'identifiers'].flatMap((page) => ['--page', `${served.url}${page}/`]),
      '--header', `x-preview-token: ${SECRETS[2]}`,
      '--header', `x-vercel-protection-bypass: ${LETTERS_ONLY}`,
      '--format', 'console,json,html,sarif,junit,codequality,markdown',
      '--report-dir', dir,
      '--phases', 'initial',
      ...browserFlags(served.browserArgs),
    ]);
    expect(run.code).toBe(1);
    const files = readdirSync(dir);
    const outputs = new Map([['stdout', run.stdout], ['stderr', run.stderr], ...files.map((f): [string, string] => [f, readFileSync(join(dir, f), 'utf8')])]);
    expect(outputs.size).toBe(8);
    // Every leak at once, by output: which secret reached which format.
    const leaks = [...outputs].flatMap(([name, text]) =>
      [...SECRETS.filter((s) => text.includes(s)), ...(/GA1\.1\.\d{5,}/.test(text) ? ['a GA client id'] : []), ...(/\d{6,10}\.\d{10}/.test(text) ? ['a GA client id without its prefix'] : [])].map((s) => `${name}: ${s}`),
    );
    expect(leaks).toEqual([]);
    // The redaction keeps what a developer needs: which keys the beacon sent, and where each echo was.
    const json = readFileSync(join(dir, 'consent-gate-report.json'), 'utf8');
    expect(json).toContain('cid=<redacted>&uid=<redacted>');
    // The page behind basic auth was scanned with the URL's credentials, and followed its redirect.
    expect(json).toContain(`"finalUrl": "${echo.url}echo/<redacted>/landed?bypass=<redacted>"`);
    expect(json).toContain('https://www.facebook.com/tr/px/<redacted>.gif');
    expect(json).toContain('https://www.facebook.com/tr/b/<redacted>.gif');
    // The identifier findings are in every format that lists all findings (the console and markdown
    // show the first few per page), naming the cookie, not its value.
    const listing = ['consent-gate-report.json', 'consent-gate.sarif', 'consent-gate.junit.xml', 'consent-gate.codequality.json', 'consent-gate.html'];
    expect(listing.filter((name) => !outputs.get(name)?.includes('crm_id'))).toEqual([]);
    expect(json).toContain('"rule": "identifier-sent-to-third-party"');
    expect(validateSarif(readFileSync(join(dir, 'consent-gate.sarif'), 'utf8'))).toBe(true);
    // Seven pages in one run of the CLI: more than the default bound on a busy two-core runner.
  }, 300_000);
});

describe('an interrupted run', () => {
  it('on SIGTERM: exits non-zero, keeps the baseline, and stops the preview server and the browser', async () => {
    const project = mkdtempSync(join(tmpdir(), 'cg-interrupt-'));
    const baseline = '{\n  "findings": {},\n  "version": 1\n}\n';
    writeFileSync(join(project, 'consent-gate.baseline.json'), baseline);
    const port = await freePort();
    const pidFile = join(project, 'pids.json');
    const log = join(project, 'served.log');
    const server = `node ${JSON.stringify(join(ROOT, 'test', 'fixtures', 'servers', 'preview-server.mjs'))} ${JSON.stringify(join(SITES))} --port ${port} --pid-file ${JSON.stringify(pidFile)} --log ${JSON.stringify(log)}`;
    const run = startCli(['baseline', '--prune', '--start', server, '--wait-on', `http://127.0.0.1:${port}/clean/`, '--page', '/ga4/', '--page', '/pixel/', '--page', '/embed/', '--page', '/storage/', ...browserFlags(served.browserArgs)], { cwd: project });
    // Wait until the browser is at work on a page, then stop the run as a CI runner's cancel button does.
    const paths = (): string => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    await until('the browser to be at work on a page', () => run.output().stderr.includes('scanning') && /^\/(ga4|pixel|embed|storage)\//m.test(paths()));
    const running = descendants(run.child.pid!);
    expect(running.length).toBeGreaterThan(2);
    run.child.kill('SIGTERM');
    const { code, stderr } = await run.done;
    expect(code).toBe(143);
    expect(stderr).toContain('SIGTERM received: stopping the preview server and the browser; nothing was passed.');
    expect(readFileSync(join(project, 'consent-gate.baseline.json'), 'utf8')).toBe(baseline);
    expect(pidsIn(pidFile).map(isRunning)).toEqual([false, false]);
    // The preview server is gone when we exit; the watcher that removes the browser's profile may take
    // a moment longer when Chromium is still flushing into it (src/shared/reaper.ts).
    expect(await survivors(running, 5_000)).toEqual([]);
  });
});
