// Nothing secret leaves a scan: planted values are looked for in every string of every output (each
// report format, stdout and stderr with progress and errors, the baseline, the Action's log,
// annotations, summary and outputs), so a field added later is covered without anyone remembering
// it; and an interrupted run leaves the baseline, the preview server and the browser as they should be.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAction, runAction } from './support/action.js';
import { browserFlags, runCli, startCli } from './support/cli.js';
import { ROOT, SITES, serve, type Served } from './support/fixtures.js';
import { descendants, freePort, isRunning, pidsIn, survivors, until } from './support/processes.js';
import { validateSarif } from './support/schema.js';
import { startEcho } from './fixtures/servers/echo.mjs';

const PLANTED = { user: 'alice', password: 'Opensesame42', cookie: 'visitorpathvalue', member: 'mbr7730kq2fx9', stored: 'st0r-4471-Hx9Lq2' };
const LETTERS_ONLY = 'LettersOnlyBypassToken';

let served: Served;
let echo: Awaited<ReturnType<typeof startEcho>>;
let actionFolder: string;
beforeAll(async () => {
  actionFolder = installAction();
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
  LETTERS_ONLY, // a header value of letters only, echoed by the site into a redirect, a pixel's path and its own API call
  PLANTED.password, // in the target URL's user:password@
  `${PLANTED.user}:`,
  Buffer.from(`${PLANTED.user}:${PLANTED.password}`).toString('base64'), // the basic auth they become, echoed into a link's text
  PLANTED.cookie, // a cookie value the site puts in a pixel's path
  PLANTED.member, // a cookie value the site puts in its banner's text
  PLANTED.stored, // a localStorage value the site puts in a link's text and URL
  'crm-5521-Qv8tK2xW', // a CRM id the site keeps in a cookie and sends to a pixel (beacon body, header): an identifier finding
];

const HEADERS = [`x-preview-token: ${SECRETS[2]}`, `x-vercel-protection-bypass: ${LETTERS_ONLY}`];
const target = (): string => `http://${PLANTED.user}:${PLANTED.password}@127.0.0.1:${echo.port}/`;

/** Every string an output holds, with where: a JSON document by the path of each key and value, other text whole (markup unescaped). */
function stringsOf(name: string, text: string): [where: string, text: string][] {
  if (!/\.(json|sarif)$/.test(name)) {
    const plain = /\.(html|xml)$/.test(name) ? text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&') : text;
    return [[name, plain]];
  }
  const found: [string, string][] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') found.push([`${name} ${path}`, value]);
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        found.push([`${name} ${path}.${key} (key)`, key]);
        walk(item, `${path}.${key}`);
      }
    }
  };
  walk(JSON.parse(text), '');
  return found;
}

/** Which planted secret (as given or percent-encoded) or GA client id each output still holds, and where. */
function leaksIn(outputs: Map<string, string>): string[] {
  return [...outputs].flatMap(([name, text]) =>
    stringsOf(name, text).flatMap(([where, value]) => [
      ...SECRETS.filter((s) => value.includes(s) || value.includes(encodeURIComponent(s))).map((s) => `${where}: ${s}`),
      ...(/GA1\.1\.\d{5,}/.test(value) ? [`${where}: a GA client id`] : []),
      ...(/\d{6,10}\.\d{10}/.test(value) ? [`${where}: a GA client id without its prefix`] : []),
    ]),
  );
}

const filesIn = (dir: string): [string, string][] => readdirSync(dir).map((f): [string, string] => [f, readFileSync(join(dir, f), 'utf8')]);

describe('secrets in the output', () => {
  it('no planted secret is in any string of any report format, stdout or stderr, progress or error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-secrets-'));
    const [run, failed] = await Promise.all([
      runCli([
        'scan',
        '--url', target(),
        '--page', '/echo/',
        ...['essential', 'ga4', 'beacon', 'pixel', 'tag-manager', 'identifiers'].flatMap((page) => ['--page', `${served.url}${page}/`]),
        ...HEADERS.flatMap((header) => ['--header', header]),
        '--format', 'console,json,html,sarif,junit,codequality,markdown',
        '--report-dir', dir,
        '--phases', 'initial',
        '--verbose',
        ...browserFlags(served.browserArgs),
      ]),
      // An error that names what it could not fetch: the URL carries the header's value.
      runCli(['scan', '--url', target(), ...HEADERS.flatMap((header) => ['--header', header]), '--sitemap', `/missing.xml?token=${LETTERS_ONLY}`, '--verbose']),
    ]);
    const outputs = new Map([['stdout', run.stdout], ['stderr', run.stderr], ['error stdout', failed.stdout], ['error stderr', failed.stderr], ...filesIn(dir)]);
    expect(outputs.size).toBe(10);
    // Every leak at once, by output and field: which secret reached which format, where.
    expect(leaksIn(outputs)).toEqual([]);
    expect(run.code).toBe(1);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`The sitemap http://127.0.0.1:${echo.port}/missing.xml?token=<redacted> could not be fetched`);
    // The secrets were there to find: where each was echoed, the report says so and no more.
    const json = readFileSync(join(dir, 'consent-gate-report.json'), 'utf8');
    const echoed = (JSON.parse(json) as { pages: { url: string; phases: { settle: { heldBy: { url: string } | null }; banner: { text: string } | null; policyLinks: { text: string; url: string }[] }[] }[] }).pages.find((p) => p.url.endsWith('/echo/'))!.phases[0]!;
    // The page's own API call, which the preview gave its bypass token, held the settle longest.
    expect(echoed.settle.heldBy?.url).toBe(`http://127.0.0.1:${echo.port}/echo/slow?token=<redacted>`);
    // The banner's text as the gate records it: lower case, punctuation as spaces (the value is one that survives it).
    expect(echoed.banner?.text).toContain('we use cookies member <redacted> accept all');
    expect(echoed.policyLinks.map(({ text, url }) => ({ text, url }))).toEqual([
      { text: 'Cookie policy (ref <redacted>)', url: `http://127.0.0.1:${echo.port}/echo/cookies?ref=<redacted>` },
      { text: 'Privacy statement (session <redacted>)', url: `http://127.0.0.1:${echo.port}/echo/cookies#privacy` },
    ]);
    expect(json).toContain('cid=<redacted>&uid=<redacted>');
    // The page behind basic auth was scanned with the URL's credentials, and followed its redirect.
    expect(json).toContain(`"finalUrl": "${echo.url}echo/<redacted>/landed?bypass=<redacted>"`);
    expect(json).toContain('https://www.facebook.com/tr/px/<redacted>.gif');
    expect(json).toContain('https://www.facebook.com/tr/b/<redacted>.gif');
    // The HTML report shows the marker as text, not as a tag.
    expect(readFileSync(join(dir, 'consent-gate.html'), 'utf8')).not.toMatch(/<redacted>/);
    // The identifier findings are in every format that lists all findings (the console and markdown
    // show the first few per page), naming the cookie, not its value.
    const listing = ['consent-gate-report.json', 'consent-gate.sarif', 'consent-gate.junit.xml', 'consent-gate.codequality.json', 'consent-gate.html'];
    expect(listing.filter((name) => !outputs.get(name)?.includes('crm_id'))).toEqual([]);
    expect(json).toContain('"rule": "identifier-sent-to-third-party"');
    expect(validateSarif(readFileSync(join(dir, 'consent-gate.sarif'), 'utf8'))).toBe(true);
    // Seven pages in one run of the CLI: more than the default bound on a busy two-core runner.
  }, 300_000);

  it('no planted secret is in the baseline, nor in the Action\'s log, annotations, job summary, outputs or reports', async () => {
    const project = mkdtempSync(join(tmpdir(), 'cg-secrets-baseline-'));
    const [baseline, action] = await Promise.all([
      runCli(['scan', '--url', target(), '--page', '/echo/', ...HEADERS.flatMap((header) => ['--header', header]), '--update-baseline', '--phases', 'initial', '--quiet', ...browserFlags(served.browserArgs)], { cwd: project }),
      runAction(actionFolder, { url: target(), pages: '/echo/', headers: HEADERS.join('\n'), formats: 'json,html,sarif,junit,codequality,markdown', phases: 'initial', 'browser-args': served.browserArgs.join('\n') }),
    ]);
    // The runner hides what ::add-mask:: names and never shows the command itself.
    const log = action.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
    const reports = join(action.workspace, 'consent-gate-report');
    const outputs = new Map([
      ['consent-gate.baseline.json', readFileSync(join(project, 'consent-gate.baseline.json'), 'utf8')],
      ['action log', log],
      ['job summary', action.summary],
      ...Object.entries(action.outputs).map(([name, value]): [string, string] => [`output ${name}`, value]),
      ...filesIn(reports).map(([name, text]): [string, string] => [`action ${name}`, text]),
    ]);
    expect(outputs.size).toBe(18);
    expect(leaksIn(outputs)).toEqual([]);
    expect(baseline.code).toBe(0);
    expect(action.code).toBe(1);
    expect(log).toMatch(/^::error title=tracker-request-before-consent/m);
    const report = JSON.parse(readFileSync(join(reports, 'consent-gate-report.json'), 'utf8')) as { pages: { phases: { settle: { heldBy: { url: string } | null } }[] }[] };
    expect(report.pages[0]!.phases[0]!.settle.heldBy?.url).toBe(`http://127.0.0.1:${echo.port}/echo/slow?token=<redacted>`);
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
