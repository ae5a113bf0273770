import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { playwright } from './playwright.js';
import { GateError, errorText } from '../shared/errors.js';
import { whenHurried } from '../shared/lifecycle.js';
import { commandLine, listProcesses, signal } from '../shared/processes.js';
import { answeredFor, guard, release } from '../shared/reaper.js';
import { withTimeout } from '../shared/time.js';
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

/** Playwright waits 180 s for a browser that never answers; a CI job should hear much sooner. */
export const LAUNCH_TIMEOUT_MS = 30_000;
/** A browser that does not close within this is wedged: its process is killed instead. */
const CLOSE_TIMEOUT_MS = 5_000;

export interface LaunchOptions {
  browser: ResolvedBrowser;
  extraArgs?: string[];
  /** How long the browser may take to start and answer (default LAUNCH_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** A fresh, isolated context that behaves like an ordinary visitor's browser, with its blank tab. */
export interface Tab {
  context: BrowserContext;
  page: Page;
}

export interface OpenBrowser {
  version: string;
  executable: string;
  /** A fresh tab in a fresh context: nothing of an earlier visit carries over. */
  newTab(): Promise<Tab>;
  /**
   * Closes a visit's context. A browser that does not manage it in time is wedged (a page flooding it
   * with work, as 100,000 history entries do): it is killed, and later visits fail at once, saying why.
   */
  closeContext(context: BrowserContext): Promise<void>;
  /** Closes the browser; one that does not close in time (or at a second Ctrl-C) is killed. Never throws. */
  close(): Promise<void>;
}

const ourChildren = (): number[] => listProcesses().filter((p) => p.ppid === process.pid).map((p) => p.pid);

/** The browser's main process: our child, started on our profile folder. */
function browserPid(profile: string): number | null {
  return ourChildren().find((pid) => commandLine(pid).includes(profile)) ?? null;
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
  // Under guard from the start: a run killed while the browser starts leaves no profile behind.
  const key = `browser:${profile}`;
  guard(key, { pids: [], dirs: [profile] });
  const removeProfile = async (): Promise<void> => {
    try {
      // Chromium may still flush a file into it for a moment after its process is gone.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // A left-over temp folder is not worth failing a run for; the watcher tries once more at exit.
      guard(key, { pids: [], dirs: [profile] });
      return;
    }
    await release(key);
  };
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));

  const args = [...QUIET_FLAGS];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  args.push(...(options.extraArgs ?? []));

  const timeoutMs = options.timeoutMs ?? LAUNCH_TIMEOUT_MS;
  const childrenBefore = new Set(ourChildren());
  let persistent: BrowserContext;
  try {
    persistent = await playwright().chromium.launchPersistentContext(profile, {
      executablePath: options.browser.executable,
      headless: true,
      args,
      // Our own signal handling closes the browser and stops the preview server together.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: timeoutMs,
    });
  } catch (error) {
    // Playwright leaves a browser that never answered running: whatever it started goes, but not
    // the target's server, which may have started beside it.
    const others = answeredFor();
    for (const pid of ourChildren()) if (!childrenBefore.has(pid) && !others.has(pid)) signal(-pid, 'SIGKILL');
    await removeProfile();
    const what = /Timeout \d+ms exceeded/.test(errorText(error))
      ? `did not answer within ${timeoutMs / 1000} s of starting`
      : `did not start: ${firstLine(errorText(error))}`;
    throw new GateError(
      `The browser at ${options.browser.executable} (found via ${options.browser.via}) ${what}\n` +
        'Check that it is a Chrome or Chromium build for this machine, or choose another with --browser-path.',
      2,
      error,
    );
  }
  const pid = browserPid(profile);
  // Chromium's helpers (zygotes, renderers, GPU) share its process group: one signal reaches them all.
  if (pid !== null) guard(key, { pids: [-pid], dirs: [profile] });
  const browser = persistent.browser() as Browser;
  const version = browser.version();
  const userAgent = visitorUserAgent(version);

  let wedged = false;
  const kill = async (): Promise<void> => {
    wedged = true;
    if (pid !== null) signal(-pid, 'SIGKILL');
    // Playwright notices the process is gone and settles its close.
    await withTimeout(persistent.close().catch(() => undefined), 2_000);
  };
  let closing: Promise<void> | null = null;

  return {
    version,
    executable: options.browser.executable,
    async newTab() {
      if (wedged) throw new Error('the browser stopped answering during an earlier visit (see the first scan error) and was stopped: this visit could not be made');
      const context = await browser.newContext({ userAgent });
      try {
        return { context, page: await context.newPage() };
      } catch (error) {
        await context.close().catch(() => undefined);
        throw error;
      }
    },
    async closeContext(context) {
      if (wedged) return;
      const closed = await withTimeout(context.close().then(() => true, () => true), CLOSE_TIMEOUT_MS);
      if (closed === null) await kill();
    },
    close() {
      // The run's own end and a Ctrl-C may both ask: one close, one removal of the profile.
      closing ??= (async () => {
        const closed = await Promise.race([withTimeout(persistent.close().then(() => true, () => true), CLOSE_TIMEOUT_MS), whenHurried().then(() => null)]);
        if (closed === null) await kill();
        await removeProfile();
      })();
      return closing;
    },
  };
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}
