import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { GateError, errorText } from '../shared/errors.js';
import type { ResolvedBrowser } from './resolve.js';

/**
 * Chromium reaches out to Google on start-up; on closed CI networks those connections fail noisily
 * and slow every start. A scanner wants none of that traffic in its request log either.
 */
export const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  // Consent managers hide their banner when navigator.webdriver is true.
  '--disable-blink-features=AutomationControlled',
];

export interface LaunchOptions {
  browser: ResolvedBrowser;
  extraArgs?: string[];
}

export interface OpenBrowser {
  version: string;
  executable: string;
  /** A fresh, isolated context that behaves like an ordinary visitor's browser. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

function proxyFromEnv(): { server: string; bypass?: string } | undefined {
  const server = process.env['HTTPS_PROXY'] ?? process.env['https_proxy'];
  if (!server) return undefined;
  const bypass = process.env['NO_PROXY'] ?? process.env['no_proxy'];
  return bypass ? { server, bypass } : { server };
}

/** The user agent of a headed Chrome of the same version: "HeadlessChrome" gives a scanner away. */
function visitorUserAgent(version: string): string {
  const platform =
    process.platform === 'darwin' ? 'Macintosh; Intel Mac OS X 10_15_7'
    : process.platform === 'win32' ? 'Windows NT 10.0; Win64; x64'
    : 'X11; Linux x86_64';
  const major = version.split('.')[0] ?? version;
  return `Mozilla/5.0 (${platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

export async function launchBrowser(options: LaunchOptions): Promise<OpenBrowser> {
  // Recent Chromium blocks third-party cookies by default, while many visitors' browsers still accept
  // them. The profile preference below allows them; it only takes effect through a real profile, so we
  // start a persistent context and make isolated contexts from its browser.
  const profile = mkdtempSync(join(tmpdir(), 'consent-gate-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));

  const args = [...QUIET_FLAGS];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  args.push(...(options.extraArgs ?? []));

  let persistent: BrowserContext;
  try {
    const proxy = proxyFromEnv();
    persistent = await chromium.launchPersistentContext(profile, {
      executablePath: options.browser.executable,
      headless: true,
      args,
      // Our own signal handling closes the browser and stops the preview server together.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      ...(proxy ? { proxy } : {}),
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new GateError(
      `The browser at ${options.browser.executable} (found via ${options.browser.via}) did not start: ${firstLine(errorText(error))}\n` +
        'Check that it is a Chrome or Chromium build for this machine, or choose another with --browser-path.',
      2,
      error,
    );
  }
  const browser = persistent.browser() as Browser;
  const version = browser.version();
  const userAgent = visitorUserAgent(version);

  return {
    version,
    executable: options.browser.executable,
    newContext: () => browser.newContext({ userAgent }),
    async close() {
      await persistent.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}
