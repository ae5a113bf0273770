import type { BrowserContext } from 'playwright';
import type { OpenBrowser } from '../../browser/launch.js';
import { visitHardLimit } from '../../config/settings.js';
import { VISITS, type Phase, type VisitDeclaration } from '../../config/visits.js';
import { errorText } from '../../shared/errors.js';
import { sleep, withTimeout } from '../../shared/time.js';
import type { PhaseScan } from '../../types.js';
import { Collector } from '../collector.js';
import { prepareAutoconsent } from '../consent/autoconsent.js';
import type { GatherOptions, Session } from './context.js';
import { LOGIN_NEEDED, STEPS } from './steps.js';
import { actionDetail } from './action-text.js';
import { sendTargetHeaders } from '../target-headers.js';
import { redactScan } from '../redact-scan.js';
import { unresponsiveAfterMs, watchResponsiveness, type Watchdog } from '../watchdog.js';
import { watchLanding } from '../landing.js';

/** Failures worth another try: the network's, not the page's or ours. */
const TRANSIENT = /net::ERR_(CONNECTION_(REFUSED|RESET|CLOSED|ABORTED|TIMED_OUT)|EMPTY_RESPONSE|NETWORK_CHANGED|TIMED_OUT|NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE)/;

/** Visits that share one browser context: a visit and those that continue it. */
export function sessionsOf(wanted: readonly Phase[]): VisitDeclaration[][] {
  const sessions: VisitDeclaration[][] = [];
  for (const visit of VISITS.filter((v) => wanted.includes(v.id))) {
    const last = sessions.at(-1);
    if (visit.continues && last) last.push(visit);
    else sessions.push([visit]);
  }
  return sessions;
}

/**
 * With no banner and no consent notice at all there is nothing to refuse or accept: visits that
 * need a choice could click nothing, prove nothing, and cost a fresh context each.
 */
export function offersChoice(initial: PhaseScan): boolean {
  return initial.banner !== null || initial.bannerUnrecognised !== null;
}

/**
 * Switches the visitor can change on the banner's first layer, next to a control that saves them as
 * they stand: saving without touching them is what the after-save visit does.
 */
export function offersSave(initial: PhaseScan): boolean {
  const banner = initial.banner;
  return banner?.save?.layer === 1 && banner.toggles.some((toggle) => toggle.layer === 1 && !toggle.locked);
}

/** The visitor accepted on this visit: there is consent to withdraw on the visit that continues it. */
export function accepted(scan: PhaseScan | undefined): boolean {
  return scan?.action?.kind === 'accept' && scan.action.done;
}

/** `from`: the visit whose first navigation the times count from (see VisitTimes); a visit that continues another shares its clock. */
export function emptyScan(phase: Phase, url: string, from: Phase = phase): PhaseScan {
  const times = { from, bannerShownMs: null, actionMs: null };
  return { phase, url, finalUrl: url, status: null, durationMs: 0, error: null, banner: null, bannerUnrecognised: null, policyLinks: [], declarations: [], action: null, screenshots: null, settle: null, cookies: [], cookieDeletions: [], storage: [], requests: [], frames: [], fingerprinting: [], consentSignals: null, identifiers: [], times };
}

/**
 * Makes one session's visits to a page in a fresh browser context, each recording its own window;
 * a network failure is retried `retries` times. `onVisit` hears each visit start (null) and end.
 */
export async function gatherSession(
  browser: OpenBrowser,
  url: string,
  visits: readonly VisitDeclaration[],
  options: GatherOptions,
  onVisit?: (phase: Phase, scan: PhaseScan | null) => void,
): Promise<PhaseScan[]> {
  let scans = await attempt(browser, url, visits, options, onVisit);
  for (let retry = 1; retry <= options.retries && scans.some((s) => s.error !== null && TRANSIENT.test(s.error)); retry++) {
    await sleep(options.retryBackoffMs * retry);
    const spent = scans.reduce((sum, s) => sum + s.durationMs, 0);
    scans = await attempt(browser, url, visits, options, onVisit);
    scans[0]!.durationMs += spent;
  }
  return scans.map((scan) => redactScan(scan, options.secrets));
}

async function attempt(
  browser: OpenBrowser,
  url: string,
  visits: readonly VisitDeclaration[],
  options: GatherOptions,
  onVisit?: (phase: Phase, scan: PhaseScan | null) => void,
): Promise<PhaseScan[]> {
  const scans: PhaseScan[] = [];
  let context: BrowserContext | null = null;
  let current: PhaseScan | null = null;
  let started = Date.now();
  let watchdog: Watchdog | null = null;
  try {
    const tab = await browser.newTab();
    context = tab.context;
    const page = tab.page;
    // Still blank: the hooks, bindings and the request log are all in place before the first navigation.
    const collector = await Collector.attach(context, options);
    const autoconsent = visits.some((v) => v.needs === 'choice') ? await prepareAutoconsent(context, options.autoconsentMs) : null;
    await collector.watch(page);
    await sendTargetHeaders(context, page, options.headers);
    const landing = watchLanding(page);
    if (options.fastForwardMs > 0) await page.clock.install();
    const first = emptyScan(visits[0]!.id as Phase, url);
    const session: Session = { url, page, collector, options, autoconsent, banner: null, unrecognised: null, policyLinks: [], scan: first, first, since: null };
    // A crashed renderer leaves navigation and evaluate() waiting forever: end the visit at once.
    const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('Page crashed'))));
    crashed.catch(() => undefined);
    // A hung renderer can block evaluate() forever: bound the whole session, not only navigation.
    // and end it sooner when the page stops answering altogether.
    watchdog = watchResponsiveness(page, unresponsiveAfterMs(options.timeoutMs));
    const hardLimit = visitHardLimit(options) * visits.length;
    const run = async (): Promise<true> => {
      for (const [index, visit] of visits.entries()) {
        // Nothing to withdraw where accepting did not work: the gate lists the visit as skipped.
        if (visit.needs === 'accepted' && !accepted(scans.at(-1))) break;
        if (index > 0) {
          session.since = await collector.mark(page.context().pages());
          session.scan = emptyScan(visit.id as Phase, url, first.phase);
        }
        collector.startVisit();
        current = session.scan;
        started = Date.now();
        onVisit?.(visit.id as Phase, null);
        await runSteps(session, visit.steps);
        describeAction(current);
        // Sent on by script or <meta refresh> to a page that does not load: where the visitor is was never seen.
        const lost = landing.failure();
        if (lost) throw new Error(lost);
        current.durationMs = Date.now() - started;
        scans.push(current);
        onVisit?.(visit.id as Phase, current);
        // A visit that found the page unscannable ends the session: what would follow proves nothing.
        if (current.error !== null) return true;
        current = null;
      }
      for (const visit of visits) await runSteps(session, visit.closing ?? []);
      return true;
    };
    const done = await withTimeout(Promise.race([run(), crashed, watchdog.unresponsive]), hardLimit);
    if (done === null) throw new Error(`the page did not settle within ${hardLimit} ms`);
  } catch (error) {
    // The visit under way carries the error; a session that failed before its first visit, the first.
    const failed: PhaseScan = current ?? (scans.length === 0 ? emptyScan(visits[0]!.id as Phase, url) : scans.at(-1)!);
    failed.error = describe(error, options);
    describeAction(failed);
    if (!scans.includes(failed)) {
      failed.durationMs = Date.now() - started;
      scans.push(failed);
      onVisit?.(failed.phase, failed);
    }
  } finally {
    watchdog?.stop();
    if (context) await browser.closeContext(context);
  }
  return scans;
}

/** The visit's account of itself in English, from what its steps did (see PhaseAction.detail). */
function describeAction(scan: PhaseScan): void {
  if (scan.action) scan.action.detail = actionDetail(scan.action);
}

async function runSteps(session: Session, steps: readonly (keyof typeof STEPS)[]): Promise<void> {
  for (const name of steps) {
    // A visit that cannot go on (no control to click) still records what it saw.
    if ((await STEPS[name](session)) === 'stop') {
      if (steps.includes('record')) await STEPS.record(session);
      return;
    }
  }
}

function describe(error: unknown, options: GatherOptions): string {
  const text = errorText(error).split('\n')[0] ?? '';
  if (/Timeout \d+ms exceeded/.test(text)) return `the page did not reach "load" within ${options.timeoutMs} ms (raise --timeout if it is just slow)`;
  if (/Download is starting/.test(text)) return 'the address answers with a download, not a page';
  if (/Target crashed|Page crashed|crashed/i.test(text)) return "the page's renderer crashed (out of memory, or a browser bug); the page was not scanned";
  if (/ERR_INVALID_AUTH_CREDENTIALS/.test(text)) return LOGIN_NEEDED;
  return text.replace(/^page\.(goto|reload): /, '');
}
