// @ts-check
// Makes sure a Chrome/Chromium is there before the demo or the tests run. In order: one consent-gate
// already finds; Playwright's own download (where the network allows it); Debian's chromium package
// when running as root on Debian; otherwise stop with the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSTALL_HINT, resolveBrowser } from '../dist/api.js';

function found() {
  try {
    return resolveBrowser();
  } catch {
    return null;
  }
}

/** @param {string} command @param {string[]} args */
function run(command, args) {
  process.stderr.write(`$ ${command} ${args.join(' ')}\n`);
  return spawnSync(command, args, { stdio: 'inherit', timeout: 600_000 }).status === 0;
}

export function ensureBrowser() {
  let browser = found();
  if (browser) return browser;
  process.stderr.write('No Chrome or Chromium found; installing one.\n');
  // cli.js is not an exported subpath; the package.json is.
  const playwrightCli = join(dirname(createRequire(import.meta.url).resolve('playwright/package.json')), 'cli.js');
  if (run(process.execPath, [playwrightCli, 'install', 'chromium']) && (browser = found())) return browser;
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    process.stderr.write("Playwright's download did not work here; using Debian's chromium package.\n");
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium', 'chromium-headless-shell']) && (browser = found())) return browser;
  }
  process.stderr.write(`${INSTALL_HINT}\n`);
  process.exit(2);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const browser = ensureBrowser();
  process.stderr.write(`browser: ${browser.executable} (${browser.via})\n`);
}
