// @ts-check
// The golden scans in test/fixtures/golden/: JSON reports of real end-to-end scans (Chromium, fixture
// pages on loopback, vendor hosts answered by the local stand-ins), which test/golden.test.ts and
// test/report-lang.test.ts replay through `consent-gate judge` without a browser.
//
//   npm run goldens                                   scan again; rewrite the files that changed
//   npm run build && node scripts/golden-scans.mjs --check    scan again; exit 1 naming what changed
//
// Both scan into a temporary folder and compare each report with the committed one, setting aside
// what differs from one run to the next without the page differing (scripts/golden-diff.mjs): a file
// is rewritten only when the scan found something else, so regenerating a current checkout changes
// nothing. A file that differs is scanned a second time: a page that answers differently on a busy
// machine shows up as a note on the file, not as a stale file. After a rewrite, read the diff of the
// JSON files before committing them.
// test/golden.test.ts runs --check: a change to what a scan gathers or a rule reports fails the suite
// until the golden scans are regenerated.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVendors } from '../examples/vendors/serve.mjs';
import { differences } from './golden-diff.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const golden = join(root, 'test', 'fixtures', 'golden');
const sites = join(root, 'test', 'fixtures', 'sites');
const check = process.argv.includes('--check');
const REGENERATE = 'npm run goldens';

/** The vanilla-cookieconsent fixture whose Meta pixel loads outside the consent manager, with the manager's files from npm. */
function vanillaLeaky() {
  // Named as the fixture, so the report's target name is the same in every run.
  const dir = join(mkdtempSync(join(tmpdir(), 'cg-golden-site-')), 'vanilla-leaky');
  cpSync(join(root, 'test', 'fixtures', 'consent', 'vanilla-leaky'), dir, { recursive: true });
  for (const file of ['cookieconsent.umd.js', 'cookieconsent.css']) cpSync(join(root, 'node_modules', 'vanilla-cookieconsent', 'dist', file), join(dir, file));
  return dir;
}

/** name → scan arguments, and the exit code the scan must end with: another one means the fixture or the gate changed (the script then fails). */
const SCANS = [
  { name: 'ga4', args: ['--static', sites, '--page', '/ga4/', '--phases', 'initial'], exit: 1 },
  { name: 'clean', args: ['--static', sites, '--page', '/clean/'], exit: 0 },
  { name: 'not-found', args: ['--static', sites, '--page', '/no-such-page/', '--phases', 'initial'], exit: 3 },
  { name: 'consent-flow', args: ['--static', vanillaLeaky(), '--page', '/'], exit: 1 },
];

ensureBrowser();
// A working folder of its own: no policy or baseline file of this checkout is read, and the report's
// baseline path names no developer's checkout.
const cwd = mkdtempSync(join(tmpdir(), 'cg-golden-'));
const fresh = join(cwd, 'reports');
mkdirSync(fresh);
const vendors = await startVendors();
const flags = vendors.browserArgs.map((a) => `--browser-arg=${a}`);
/**
 * Scans one golden fixture into the temporary folder; the report's path, or null (said on stdout)
 * when the scan ended with another exit code than the one it must.
 * @param {{ name: string, args: string[], exit: number }} scan @param {string} attempt
 * @returns {Promise<string | null>}
 */
async function scanned({ name, args, exit }, attempt) {
  const out = join(fresh, `${name}.${attempt}.json`);
  let stderr = '';
  // Asynchronous spawn, so this process keeps answering the vendor hosts while the gate scans.
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'scan', ...args, '--format', 'json', '-o', out, '--quiet', ...flags], { stdio: ['ignore', 'ignore', 'pipe'], cwd });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', resolve);
  });
  if (code === exit) return out;
  process.stdout.write(`${name}: the scan exited ${code}, not ${exit}: the fixture or the gate changed\n${stderr}`);
  return null;
}

/**
 * Writes a scan's report as a golden file, with the files it served named from the repository's root
 * (test/fixtures/sites/ga4/index.html): reports read them relative to the working folder, which for
 * the tests is the checkout, wherever it was cloned.
 * @param {string} report @param {string} committed
 */
function keep(report, committed) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const files = /** @type {Record<string, string>} */ (json.target.files);
  for (const [page, file] of Object.entries(files)) if (!relative(root, file).startsWith('..')) files[page] = relative(root, file).split('\\').join('/');
  writeFileSync(committed, `${JSON.stringify(json, null, 2)}\n`);
}

/** @param {string[]} lines */
const indented = (lines) => lines.map((line) => `  ${line}\n`).join('');

/**
 * Scans a golden fixture and compares the report with the committed file: the report's path and what
 * differs, or null when the scan itself went wrong.
 * @param {{ name: string, args: string[], exit: number }} scan @param {string} committed @param {string} attempt
 */
async function compared(scan, committed, attempt) {
  const path = await scanned(scan, attempt);
  if (!path) return null;
  const read = (/** @type {string} */ file) => JSON.parse(readFileSync(file, 'utf8'));
  return { path, changes: existsSync(committed) ? differences(read(committed), read(path)) : ['no committed file'] };
}

/**
 * Checks one golden fixture: what to print, and whether it is stale or its scan failed.
 * @param {{ name: string, args: string[], exit: number }} scan
 * @returns {Promise<{ said: string, stale: string | null, failed: boolean }>}
 */
async function checked(scan) {
  const committed = join(golden, `${scan.name}.json`);
  const file = relative(root, committed);
  const first = await compared(scan, committed, 'first');
  // A page that gives two answers on a busy machine is not a stale file: a second scan tells them
  // apart. Stale is what both scans say; a difference only one of them showed is said, not failed on.
  const second = first && first.changes.length > 0 ? await compared(scan, committed, 'second') : first;
  if (!first || !second) return { said: '', stale: null, failed: true };
  if (second.changes.length === 0) {
    const once = first.changes.length > 0 ? `, though a first scan differed (the scan is not deterministic there):\n${indented(first.changes)}` : '\n';
    return { said: `${file}: current${once}`, stale: null, failed: false };
  }
  if (!check) keep(second.path, committed);
  return { said: `${file}: ${check ? 'not what a scan gives today' : 'rewritten'}\n${indented(second.changes)}`, stale: file, failed: false };
}

/** @type {string[]} */
const stale = [];
let failed = false;
try {
  // The scans side by side: each mostly waits on its pages' timers, so together they take little
  // more than the longest one. Said in the fixed order, whatever order they end in.
  for (const result of await Promise.all(SCANS.map(checked))) {
    process.stdout.write(result.said);
    if (result.stale) stale.push(result.stale);
    failed ||= result.failed;
  }
} finally {
  await vendors.close();
}
if (check && stale.length > 0) process.stdout.write(`${stale.length} golden scan(s) stale. Regenerate them with \`${REGENERATE}\`, read the diff, and commit it.\n`);
if (failed || (check && stale.length > 0)) process.exitCode = 1;
