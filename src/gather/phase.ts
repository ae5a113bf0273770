import type { BrowserContext, Page } from 'playwright';
import type { OpenBrowser } from '../browser/launch.js';
import { errorText } from '../errors.js';
import type { Phase, PhaseScan } from '../types.js';
import { withTimeout } from '../time.js';
import { Collector } from './collector.js';

export interface GatherOptions {
  /** Navigation timeout for the page's `load` event, in ms. */
  timeoutMs: number;
  /** How long the network must stay idle before we call the page settled. */
  quietMs: number;
  /** Upper bound on real-time waiting for the network to go idle. */
  settleCapMs: number;
  /**
   * Fake-clock time to fast-forward after load, so timer-delayed trackers fire without waiting in
   * real time; 0 turns the fake clock off (for sites it disturbs) and waits `settleCapMs` instead.
   */
  fastForwardMs: number;
  /** Extra request headers, sent to this origin only: a preview's bypass token must not reach trackers. */
  headers?: { origin: string; values: Record<string, string> };
}

export const DEFAULT_GATHER: GatherOptions = {
  timeoutMs: 30_000,
  quietMs: 300,
  settleCapMs: 5_000,
  fastForwardMs: 10_000,
};

/** Load one page in a fresh context, without any interaction, and record what it stored and loaded. */
export async function gatherPhase(browser: OpenBrowser, url: string, phase: Phase, options: GatherOptions): Promise<PhaseScan> {
  const started = Date.now();
  const scan: PhaseScan = {
    phase,
    url,
    finalUrl: url,
    status: null,
    durationMs: 0,
    error: null,
    cookies: [],
    storage: [],
    requests: [],
    frames: [],
  };
  let context: BrowserContext | null = null;
  try {
    context = await browser.newContext();
    const collector = await Collector.attach(context);
    const extra = options.headers;
    if (extra) {
      await context.route(
        (url) => url.origin === extra.origin,
        (route) => route.continue({ headers: { ...route.request().headers(), ...extra.values } }),
      );
    }
    const page = await context.newPage();
    if (options.fastForwardMs > 0) await page.clock.install();

    // A hung renderer can block evaluate() forever: bound the whole visit, not only navigation.
    const hardLimit = options.timeoutMs + options.settleCapMs * 2 + 10_000;
    const visited = await withTimeout(visit(page, collector, url, options), hardLimit);
    if (visited === null) throw new Error(`the page did not settle within ${hardLimit} ms`);
    Object.assign(scan, await collector.snapshot(context.pages(), page.url()), { status: visited.status });
  } catch (error) {
    scan.error = describe(error, options);
  } finally {
    await context?.close().catch(() => undefined);
    scan.durationMs = Date.now() - started;
  }
  return scan;
}

async function visit(page: Page, collector: Collector, url: string, options: GatherOptions): Promise<{ status: number }> {
  const response = await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
  if (!response) throw new Error('the browser got no response for the page');
  const status = response.status();
  // An error page is not the page the site serves to visitors: scanning it proves nothing.
  if (status >= 400) throw new Error(`the page answered HTTP ${status}`);
  await collector.networkQuiet(options.quietMs, options.settleCapMs);
  if (options.fastForwardMs > 0) await page.clock.runFor(options.fastForwardMs);
  else await page.waitForTimeout(options.settleCapMs);
  await collector.networkQuiet(options.quietMs, options.settleCapMs);
  return { status };
}

function describe(error: unknown, options: GatherOptions): string {
  const text = errorText(error).split('\n')[0] ?? '';
  if (/Timeout \d+ms exceeded/.test(text)) return `the page did not reach "load" within ${options.timeoutMs} ms (raise --timeout if it is just slow)`;
  return text.replace(/^page\.goto: /, '');
}
