// @ts-check
// Writes the golden scans in test/fixtures/golden/: JSON reports of real end-to-end scans (Chromium,
// fixture pages on loopback, vendor hosts answered by the local stand-ins), which test/golden.test.ts
// replays through `consent-gate judge` without a browser. Run it after a change to what a scan
// gathers or what a rule reports, then read the diff of the JSON files before committing them:
//
//   npm run build && node scripts/golden-scans.mjs
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVendors } from '../examples/vendors/serve.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const golden = join(root, 'test', 'fixtures', 'golden');
const sites = join(root, 'test', 'fixtures', 'sites');

/** The vanilla-cookieconsent fixture whose Meta pixel loads outside the consent manager, with the manager's files from npm. */
function vanillaLeaky() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-golden-vanilla-'));
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
mkdirSync(golden, { recursive: true });
// A working folder of its own: no policy or baseline file of this checkout is read, and the report's
// baseline path names no developer's checkout.
const cwd = mkdtempSync(join(tmpdir(), 'cg-golden-'));
const vendors = await startVendors();
const flags = vendors.browserArgs.map((a) => `--browser-arg=${a}`);
let failed = false;
try {
  for (const { name, args, exit } of SCANS) {
    const out = join(golden, `${name}.json`);
    // Asynchronous spawn, so this process keeps answering the vendor hosts while the gate scans.
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, 'scan', ...args, '--format', 'json', '-o', out, '--quiet', ...flags], { stdio: ['ignore', 'ignore', 'inherit'], cwd });
      child.on('close', resolve);
    });
    process.stdout.write(`${name}: exit ${code}${code === exit ? '' : ` (expected ${exit})`}\n`);
    if (code !== exit) failed = true;
  }
} finally {
  await vendors.close();
}
if (failed) process.exitCode = 1;
