// @ts-check
// Runs the gate on the bundled example site (deliberate violations) and on its clean twin, with the
// vendor hosts answered locally, so the demo works offline and gives the same result everywhere.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSite, startVendors } from '../examples/serve.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

ensureBrowser();
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const vendors = await startVendors();
const flags = vendors.browserArgs.map((a) => `--browser-arg=${a}`);

/** @param {string} folder @param {string} title */
async function scan(folder, title) {
  const site = await startSite(fileURLToPath(new URL(`../examples/${folder}`, import.meta.url)));
  process.stdout.write(`\n=== ${title}: consent-gate scan ${site.url} …\n\n`);
  const pages = ['', 'contact.html', 'cookies.html'].map((p) => site.url + p);
  // Asynchronous spawn, so this process keeps serving the site while the gate scans it.
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'scan', ...pages, ...flags], { stdio: 'inherit' });
    child.on('close', resolve);
  });
  await site.close();
  process.stdout.write(`\n(exit code ${code})\n`);
  return code;
}

const dirty = await scan('site', 'examples/site, with deliberate violations');
const clean = await scan('site-clean', 'examples/site-clean, its compliant twin');
await vendors.close();
if (dirty === 1 && clean === 0) {
  process.stdout.write('\nAs expected: the example site fails the gate (exit 1) and its clean twin passes (exit 0).\n');
} else {
  process.stdout.write(`\nUnexpected: example site exited ${dirty} (expected 1), clean twin ${clean} (expected 0).\n`);
  process.exitCode = 1;
}
