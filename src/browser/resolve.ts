import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { playwright } from './playwright.js';
import { GateError } from '../shared/errors.js';

export interface ResolvedBrowser {
  executable: string;
  /** How it was found, for the log: a person debugging CI wants to know which Chrome ran. */
  via: 'option' | 'env' | 'playwright' | 'system';
}

export const BROWSER_ENV = 'CONSENT_GATE_BROWSER';
/** What Lighthouse, chrome-launcher and Puppeteer users already set on their CI runners. */
export const CHROME_PATH_ENV = 'CHROME_PATH';

/**
 * The headless shells first: Chromium's own build for headless use (what Playwright runs headless
 * tests on), the same engine and network stack without the desktop browser's layer. On a two-core
 * runner a fresh visitor context and tab cost about a fifth of the CPU they cost in full Chromium.
 */
const SYSTEM_NAMES = ['chromium-headless-shell', 'chrome-headless-shell', 'google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser'];

function systemPaths(): string[] {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  if (process.platform === 'win32') {
    const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']];
    return roots.filter((r): r is string => !!r).map((r) => join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return [];
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function checked(path: string, from: string): string {
  if (isExecutable(path)) return path;
  throw new GateError(`${from} points at ${path}, which is not an executable file. Fix the path, or leave it unset to let consent-gate look for Chrome or Chromium itself.`);
}

export const INSTALL_HINT = [
  'No Chrome or Chromium browser was found. Install one of:',
  '  npx playwright install chromium                  (Playwright\'s own build)',
  '  sudo apt-get install -y chromium-headless-shell   (Debian; or chromium; Ubuntu: snap or google-chrome)',
  `or point consent-gate at one with --browser-path PATH, ${BROWSER_ENV}=PATH or ${CHROME_PATH_ENV}=PATH.`,
].join('\n');

function playwrightOwn(): string | null {
  try {
    const path = playwright().chromium.executablePath();
    return path && isExecutable(path) ? path : null;
  } catch {
    return null; // Playwright knows no build for this platform
  }
}

/** Order: explicit option, environment ($CONSENT_GATE_BROWSER, then $CHROME_PATH), Playwright's own download, then a system Chrome/Chromium. */
export function resolveBrowser(explicit?: string): ResolvedBrowser {
  if (explicit) return { executable: checked(explicit, '--browser-path'), via: 'option' };
  for (const name of [BROWSER_ENV, CHROME_PATH_ENV]) {
    const fromEnv = process.env[name];
    if (fromEnv) return { executable: checked(fromEnv, name), via: 'env' };
  }

  const own = playwrightOwn();
  if (own) return { executable: own, via: 'playwright' };

  for (const name of SYSTEM_NAMES) {
    const found = onPath(name);
    if (found) return { executable: found, via: 'system' };
  }
  for (const path of systemPaths()) {
    if (isExecutable(path)) return { executable: path, via: 'system' };
  }
  throw new GateError(INSTALL_HINT);
}
