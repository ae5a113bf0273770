// @ts-check
// Runs the gate on the bundled example site (deliberate violations) and on its clean twin, served
// by consent-gate's own --static server, with the vendor hosts answered locally: the demo works
// offline and gives the same result everywhere.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startVendors } from '../examples/vendors/serve.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

ensureBrowser();
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const vendors = await startVendors();
const flags = vendors.browserArgs.map((a) => `--browser-arg=${a}`);

/** @param {string} folder @param {string} title @param {string[]} extra @returns {Promise<number | null>} */
async function scan(folder, title, extra = []) {
  process.stdout.write(`\n=== ${title}: consent-gate scan --static examples/${folder} ${extra.join(' ')}\n\n`);
  // Asynchronous spawn, so this process keeps answering the vendor hosts while the gate scans.
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'scan', '--static', `examples/${folder}`, ...extra, ...flags], {
      stdio: 'inherit',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    child.on('close', resolve);
  });
  process.stdout.write(`\n(exit code ${code})\n`);
  return code;
}

// The HTML report is the one to open in a browser (or hand to a privacy officer).
const dirty = await scan('site', 'examples/site, with deliberate violations', ['--format', 'console,html', '--report-dir', 'consent-gate-report']);
const clean = await scan('site-clean', 'examples/site-clean, its compliant twin');
await vendors.close();
if (dirty === 1 && clean === 0) {
  process.stdout.write('\nAs expected: the example site fails the gate (exit 1) and its clean twin passes (exit 0).\n');
} else {
  process.stdout.write(`\nUnexpected: example site exited ${dirty} (expected 1), clean twin ${clean} (expected 0).\n`);
  process.exitCode = 1;
}
