import type { BrowserContext, Page } from 'playwright';
import type { OpenBrowser } from '../browser/launch.js';
import { errorText } from '../shared/errors.js';
import { withTimeout } from '../shared/time.js';
import type { Phase, PhaseAction, PhaseScan } from '../types.js';
import { Collector } from './collector.js';
import { prepareAutoconsent } from './consent/autoconsent.js';
import { takeScreenshots } from './screenshots.js';
import { watchResponsiveness, type Watchdog } from './watchdog.js';
import { watchLanding } from './landing.js';
import { evaluateInPage } from './isolated.js';
import { bannerFacts, checkPolicyLinks, clickControl, findBanner, isBannerVisible, openSettings, type Banner, type ConsentSelectors } from './consent/banner.js';

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
  /** The policy's selectors for the consent banner; the heuristic fills in the rest. */
  consent: ConsentSelectors;
  /** Extra attempts for a visit that failed for network reasons (never for findings). */
  retries: number;
  /** Pictures of the first screen and the banner, for the HTML report. */
  screenshots: boolean;
}

export const DEFAULT_GATHER: GatherOptions = {
  timeoutMs: 30_000,
  quietMs: 300,
  settleCapMs: 5_000,
  fastForwardMs: 10_000,
  consent: {},
  retries: 0,
  screenshots: false,
};

/** Failures worth another try: the network's, not the page's or ours. */
const TRANSIENT = /net::ERR_(CONNECTION_(REFUSED|RESET|CLOSED|ABORTED|TIMED_OUT)|EMPTY_RESPONSE|NETWORK_CHANGED|TIMED_OUT|NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE)/;

/** Consent managers show their banner shortly after load; this much page time is given first. */
const BANNER_DELAY_MS = 1_500;

interface Visit {
  page: Page;
  collector: Collector;
  options: GatherOptions;
  /** Reject and accept visits only: the fallback that knows hundreds of consent managers. */
  autoconsent: Awaited<ReturnType<typeof prepareAutoconsent>> | null;
}

/** Lets `ms` of page time pass (fast-forwarded when the fake clock is on), then waits for the network. */
async function advance({ page, collector, options }: Visit, ms: number): Promise<void> {
  if (options.fastForwardMs > 0) await page.clock.runFor(ms);
  else await page.waitForTimeout(Math.min(ms, options.settleCapMs));
  await collector.networkQuiet(options.quietMs, options.settleCapMs);
}

const settle = (visit: Visit): Promise<void> => advance(visit, Math.max(visit.options.fastForwardMs, 1));

async function load(visit: Visit, url: string): Promise<number> {
  const response = await visit.page.goto(url, { waitUntil: 'load', timeout: visit.options.timeoutMs });
  if (!response) throw new Error('the browser got no response for the page');
  const status = response.status();
  // An error page is not the page the site serves to visitors: scanning it proves nothing.
  if (status >= 400) throw new Error(`the page answered HTTP ${status}`);
  await visit.collector.networkQuiet(visit.options.quietMs, visit.options.settleCapMs);
  return status;
}

/** A same-site link a visitor could follow, outside the banner: the "next page" of a visit. */
function internalLink(): string | null {
  const skip = /(log-?out|sign-?out|uitloggen|afmelden|abmelden)|\.(pdf|zip|docx?|xlsx?|jpe?g|png|mp4)$/i;
  for (const a of Array.from(document.querySelectorAll('a[href]')) as HTMLAnchorElement[]) {
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || skip.test(url.pathname) || a.closest('[data-consent-gate], [role=dialog], [aria-modal=true]')) continue;
    if (a.hasAttribute('data-consent-gate') || url.pathname === location.pathname) continue;
    return url.href;
  }
  return null;
}

async function followLink(visit: Visit): Promise<string | null> {
  const link = await evaluateInPage(visit.page, internalLink, undefined, 3_000).catch(() => null);
  if (!link) return null;
  await load(visit, link);
  await settle(visit);
  return new URL(link).pathname;
}

/**
 * Scrolls, moves the mouse and presses Escape, and records what the page does then. Only afterwards
 * it follows a link, to see whether the banner stays: the next page's own trackers would load for any
 * first-time visitor, so they prove nothing about scrolling and are not recorded here.
 */
async function scrollAndBrowse(visit: Visit, banner: Banner | null, scan: PhaseScan): Promise<PhaseAction> {
  const { page } = visit;
  await evaluateInPage(page, () => window.scrollTo(0, document.documentElement.scrollHeight), undefined, 3_000).catch(() => undefined);
  await page.mouse.move(200, 200);
  await page.mouse.move(400, 300, { steps: 5 });
  await page.keyboard.press('Escape');
  await settle(visit);
  Object.assign(scan, await visit.collector.snapshot(page.context().pages(), page.url()));
  const followed = await followLink(visit);
  const after = banner ? ((await findBanner(page, visit.options.consent)).banner !== null ? 'visible' : 'gone') : null;
  return {
    kind: 'scroll',
    done: true,
    detail: `scrolled to the bottom, moved the mouse, pressed Escape, ${followed ? `then followed a link to ${followed}` : 'found no internal link to follow'}`,
    bannerAfter: after,
  };
}

/**
 * Clicks reject or accept (in the settings layer if it must), reloads, and for reject visits the next
 * page. autoconsent is asked only when the page showed a consent notice we could not use: on a page with
 * none it finds nothing either, and waiting for it to say so costs seconds per page.
 */
async function choose(visit: Visit, phase: 'after-reject' | 'after-accept', banner: Banner | null, noticeSeen: boolean): Promise<PhaseAction> {
  const { page } = visit;
  const kind = phase === 'after-reject' ? 'reject' : 'accept';
  if (banner && !banner.controls.has(kind)) await openSettings(banner, () => settle(visit));
  const control = banner?.controls.get(kind);
  let clicked = banner && control ? (await clickControl(banner, kind)) && `clicked "${control.text}"${control.layer === 2 ? ' in the settings layer' : ''}` : null;
  const askAutoconsent = !clicked && visit.autoconsent !== null && noticeSeen;
  if (askAutoconsent) {
    const outcome = await visit.autoconsent!.run(page, kind === 'reject' ? 'optOut' : 'optIn');
    if (outcome?.done) clicked = `autoconsent's rules for ${outcome.cmp} ${kind === 'reject' ? 'refused' : 'accepted'}`;
  }
  if (!clicked) {
    const why = banner ? `the banner has no ${kind} control we could click` : noticeSeen ? 'the consent notice has no control we recognise' : 'no consent banner was found to click';
    const tried = askAutoconsent ? ', and autoconsent recognised no consent manager' : '';
    return { kind, done: false, detail: `${why}${tried} (set consent.${kind} in the policy)`, bannerAfter: null };
  }
  await settle(visit);
  // The choice must hold on the next request, not just on the page where it was made.
  await page.reload({ waitUntil: 'load', timeout: visit.options.timeoutMs });
  await settle(visit);
  const followed = kind === 'reject' ? await followLink(visit) : null;
  return {
    kind,
    done: true,
    detail: `${clicked}, reloaded${followed ? `, followed a link to ${followed}` : ''}`,
    bannerAfter: null,
  };
}

export function emptyScan(phase: Phase, url: string): PhaseScan {
  return { phase, url, finalUrl: url, status: null, durationMs: 0, error: null, banner: null, bannerUnrecognised: null, policyLinks: [], action: null, screenshots: null, cookies: [], storage: [], requests: [], frames: [] };
}

/** Visits one page in a fresh context for one phase; a network failure is retried `retries` times. */
export async function gatherPhase(browser: OpenBrowser, url: string, phase: Phase, options: GatherOptions): Promise<PhaseScan> {
  let scan = await attempt(browser, url, phase, options);
  for (let retry = 1; retry <= options.retries && scan.error !== null && TRANSIENT.test(scan.error); retry++) {
    await new Promise((resolve) => setTimeout(resolve, 500 * retry));
    const durationMs = scan.durationMs;
    scan = await attempt(browser, url, phase, options);
    scan.durationMs += durationMs;
  }
  return scan;
}

async function attempt(browser: OpenBrowser, url: string, phase: Phase, options: GatherOptions): Promise<PhaseScan> {
  const started = Date.now();
  const scan = emptyScan(phase, url);
  let context: BrowserContext | null = null;
  let watchdog: Watchdog | null = null;
  try {
    context = await browser.newContext();
    const collector = await Collector.attach(context);
    const extra = options.headers;
    if (extra) {
      await context.route(
        (target) => target.origin === extra.origin,
        (route) => route.continue({ headers: { ...route.request().headers(), ...extra.values } }),
      );
    }
    const autoconsent = phase === 'after-reject' || phase === 'after-accept' ? await prepareAutoconsent(context) : null;
    const page = await context.newPage();
    await collector.watch(page);
    const landing = watchLanding(page);
    if (options.fastForwardMs > 0) await page.clock.install();
    const visit: Visit = { page, collector, options, autoconsent };
    // A crashed renderer leaves navigation and evaluate() waiting forever: end the visit at once.
    const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('Page crashed'))));
    crashed.catch(() => undefined);

    // A hung renderer can block evaluate() forever: bound the whole visit, not only navigation, and
    // end it sooner when the page stops answering altogether.
    watchdog = watchResponsiveness(page, options.timeoutMs);
    const hardLimit = options.timeoutMs * 3 + options.settleCapMs * 6 + 20_000;
    const done = await withTimeout(Promise.race([run(visit, url, phase, scan), crashed, watchdog.unresponsive]), hardLimit);
    if (done === null) throw new Error(`the page did not settle within ${hardLimit} ms`);
    const lost = landing.failure();
    if (lost) throw new Error(lost);
  } catch (error) {
    scan.error = describe(error, options);
  } finally {
    watchdog?.stop();
    if (context) await browser.closeContext(context);
    scan.durationMs = Date.now() - started;
  }
  return scan;
}

async function run(visit: Visit, url: string, phase: Phase, scan: PhaseScan): Promise<true> {
  const { page, collector } = visit;
  scan.status = await load(visit, url);
  await advance(visit, BANNER_DELAY_MS);
  const found = await findBanner(page, visit.options.consent);
  if (phase === 'initial') {
    await settle(visit);
    const visibleAfterWait = found.banner ? await isBannerVisible(found.banner) : false;
    Object.assign(scan, await collector.snapshot(page.context().pages(), page.url()));
    scan.bannerUnrecognised = found.unrecognised;
    scan.policyLinks = await checkPolicyLinks(page, found.policyLinks);
    if (visit.options.screenshots) scan.screenshots = await takeScreenshots(page, found.banner);
    // Only now, with the visit recorded: opening the settings layer is already an interaction.
    if (found.banner) {
      await openSettings(found.banner, () => settle(visit));
      scan.banner = bannerFacts(found.banner, visibleAfterWait);
    }
    return true;
  }
  // A visitor answers the banner when it shows: acting before the clock runs on also means a banner
  // that hides itself after a few seconds is still there to click.
  if (phase === 'after-scroll') {
    scan.action = await scrollAndBrowse(visit, found.banner, scan);
    return true;
  }
  scan.action = await choose(visit, phase, found.banner, found.banner !== null || found.unrecognised !== null);
  Object.assign(scan, await collector.snapshot(page.context().pages(), page.url()));
  return true;
}

function describe(error: unknown, options: GatherOptions): string {
  const text = errorText(error).split('\n')[0] ?? '';
  if (/Timeout \d+ms exceeded/.test(text)) return `the page did not reach "load" within ${options.timeoutMs} ms (raise --timeout if it is just slow)`;
  if (/Download is starting/.test(text)) return 'the address answers with a download, not a page';
  if (/Target crashed|Page crashed|crashed/i.test(text)) return "the page's renderer crashed (out of memory, or a browser bug); the page was not scanned";
  if (/ERR_INVALID_AUTH_CREDENTIALS/.test(text)) return 'the page asks for a login (HTTP 401); give credentials with --header "Authorization: Basic …"';
  return text.replace(/^page\.(goto|reload): /, '');
}
