import type { BrowserContext } from 'playwright';
import type { OpenBrowser } from '../../browser/launch.js';
import { visitHardLimit } from '../../config/settings.js';
import { VISITS, type Phase, type VisitDeclaration } from '../../config/visits.js';
import { errorText } from '../../shared/errors.js';
import { sleep, withTimeout } from '../../shared/time.js';
import type { ActionStep, BannerControl, PhaseScan } from '../../types.js';
import { pageLabel } from '../../shared/url.js';
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
 * What a banner is, for telling whether two pages show the same one: the site (origin) it was met
 * on, and on its first layer how it was found, the frame it lives in, its controls' words and its
 * switches; a notice we could not use, by its text. Pages with the same key share one consent
 * manager and one configuration, so one choice made in it holds for all of them. Null: nothing to answer.
 */
export function bannerKey(initial: PhaseScan): string | null {
  if (!offersChoice(initial)) return null;
  const origin = (url: string | null): string | null => (url ? new URL(url).origin : null);
  const { banner } = initial;
  if (!banner) return JSON.stringify([origin(initial.finalUrl), 'notice', initial.bannerUnrecognised]);
  const control = (c: BannerControl | null): string | null => (c?.layer === 1 ? `${c.kind} ${c.text}` : null);
  const toggles = banner.toggles.filter((t) => t.layer === 1).map((t) => `${t.label} ${t.locked}`);
  return JSON.stringify([origin(initial.finalUrl), banner.source, origin(banner.frameUrl), ...[banner.accept, banner.reject, banner.save, banner.settings].map(control), toggles]);
}

/** The other pages a choice session loads once its choice is stored, and what showed on its first page's first look. */
export interface StoredPlan {
  pages: readonly string[];
  notice: 'banner' | 'unrecognised';
}

/**
 * Another page's visit, made in the session that made the choice on the banner's first page: one load
 * with the choice stored. bannerAgain: the banner showed again, so that page needs its own flow.
 */
export interface StoredVisit {
  url: string;
  scan: PhaseScan;
  bannerAgain: boolean;
}

export interface SessionResult {
  /** The visits to the session's own page, in order. */
  scans: PhaseScan[];
}

/** What the gate hears of a session as it goes: each visit's start and end, each other page's stored-choice visit. */
export interface SessionListener {
  /** A visit starts (scan null) or ends; stored-choice visits are heard only at their start here. */
  onVisit?: (url: string, phase: Phase, scan: PhaseScan | null) => void;
  /** Another page's stored-choice visit has ended (redacted, as every scan the gate gets). */
  onStored?: (visit: StoredVisit) => void;
}

/**
 * Makes one session's visits to a page in a fresh browser context, each recording its own window;
 * with a plan, then loads the plan's other pages once each, the last visit's choice stored. A network
 * failure on the session's own page is retried `retries` times.
 */
export async function gatherSession(
  browser: OpenBrowser,
  url: string,
  visits: readonly VisitDeclaration[],
  options: GatherOptions,
  listener: SessionListener = {},
  plan: StoredPlan = { pages: [], notice: 'banner' },
): Promise<SessionResult> {
  const redacted = (scan: PhaseScan): PhaseScan => redactScan(scan, options.secrets);
  const heard: SessionListener = { ...listener, onStored: (visit) => listener.onStored?.({ ...visit, scan: redacted(visit.scan) }) };
  let result = await attempt(browser, url, visits, options, plan, heard);
  // Other pages are loaded only after the session's own visits went through: a retry never repeats one.
  for (let retry = 1; retry <= options.retries && result.scans.some((s) => s.error !== null && isTransient(s.error)); retry++) {
    await sleep(options.retryBackoffMs * retry);
    const spent = result.scans.reduce((sum, s) => sum + s.durationMs, 0);
    result = await attempt(browser, url, visits, options, plan, heard);
    result.scans[0]!.durationMs += spent;
  }
  return { scans: result.scans.map(redacted) };
}

/**
 * A page's own visit, made because the page did not remember the choice stored on the banner's first
 * page: its account starts with that stored load ("refused on /, stored, but the banner showed again here").
 */
export function afterForgotten(scan: PhaseScan, forgotten: ActionStep): PhaseScan {
  if (!scan.action) return scan;
  const steps = [forgotten, ...scan.action.steps];
  return { ...scan, action: { ...scan.action, steps, detail: actionDetail({ steps, failure: scan.action.failure }) } };
}

/** A failure worth another try: the network's, not the page's or ours. */
export function isTransient(error: string): boolean {
  return TRANSIENT.test(error);
}

async function attempt(
  browser: OpenBrowser,
  url: string,
  visits: readonly VisitDeclaration[],
  options: GatherOptions,
  plan: StoredPlan,
  { onVisit, onStored }: SessionListener,
): Promise<SessionResult> {
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
    const session: Session = { url, page, collector, options, autoconsent, banner: null, unrecognised: null, policyLinks: [], scan: first, first, since: null, storedNotice: null };
    // A crashed renderer leaves navigation and evaluate() waiting forever: end the visit at once.
    const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('Page crashed'))));
    crashed.catch(() => undefined);
    // A hung renderer can block evaluate() forever: bound the whole session, not only navigation.
    // and end it sooner when the page stops answering altogether.
    watchdog = watchResponsiveness(page, unresponsiveAfterMs(options.timeoutMs));
    const guarded = async (work: () => Promise<true>, hardLimit: number): Promise<void> => {
      const done = await withTimeout(Promise.race([work(), crashed, watchdog!.unresponsive]), hardLimit);
      if (done === null) throw new Error(`the page did not settle within ${hardLimit} ms`);
    };
    // The visit's end: its account of itself, and where the visitor landed.
    const finish = (scan: PhaseScan): void => {
      describeAction(scan);
      // Sent on by script or <meta refresh> to a page that does not load: where the visitor is was never seen.
      const lost = landing.failure();
      if (lost) throw new Error(lost);
      scan.durationMs = Date.now() - started;
    };
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
        onVisit?.(url, visit.id as Phase, null);
        await runSteps(session, visit.steps);
        finish(current);
        scans.push(current);
        onVisit?.(url, visit.id as Phase, current);
        // A visit that found the page unscannable ends the session: what would follow proves nothing.
        if (current.error !== null) return true;
        current = null;
      }
      for (const visit of visits) await runSteps(session, visit.closing ?? []);
      return true;
    };
    await guarded(run, visitHardLimit(options) * visits.length);
    // The other pages, once the choice of the session's last visit was made and stored here.
    const made = scans.at(-1)!;
    const visit = visits.at(-1)!;
    if (!visit.stored || made.phase !== visit.id || made.error !== null || !made.action?.done || made.action.kind === 'scroll') return { scans };
    const choice = { do: 'stored', choice: made.action.kind, on: pageLabel(url) } as const;
    // Where the choice's own window opened (at its click): the cookie deletions that answered it count on every page.
    const chosenAt = session.since?.at ?? -1;
    session.storedNotice = plan.notice;
    for (const other of plan.pages) {
      const scan = emptyScan(made.phase, other);
      scan.action = { kind: choice.choice, done: true, steps: [{ ...choice }], failure: null, detail: '', bannerAfter: null, ...(made.action.reopened !== undefined ? { reopened: made.action.reopened } : {}) };
      Object.assign(session, { url: other, scan, banner: null, unrecognised: null, policyLinks: [] });
      started = Date.now();
      onVisit?.(other, made.phase, null);
      try {
        const mark = { ...(await collector.mark(page.context().pages())), deletionsAt: chosenAt };
        session.since = visit.stored.jar === 'all' ? { ...mark, cookies: new Set(), storage: new Set() } : mark;
        await guarded(async () => {
          await runSteps(session, visit.stored!.steps);
          return true;
        }, visitHardLimit(options));
        finish(scan);
      } catch (error) {
        // A load that failed is that page's visit, failed: the session is not to be trusted further.
        scan.error = describe(error, options);
        describeAction(scan);
        scan.durationMs = Date.now() - started;
        onStored?.({ url: other, scan, bannerAgain: false });
        return { scans };
      }
      onStored?.({ url: other, scan, bannerAgain: scan.action.steps.some((step) => step.do === 'stored' && step.bannerAgain === true) });
    }
    return { scans };
  } catch (error) {
    // The visit under way carries the error; a session that failed before its first visit, the first.
    const failed: PhaseScan = current ?? (scans.length === 0 ? emptyScan(visits[0]!.id as Phase, url) : scans.at(-1)!);
    failed.error = describe(error, options);
    describeAction(failed);
    if (!scans.includes(failed)) {
      failed.durationMs = Date.now() - started;
      scans.push(failed);
      onVisit?.(url, failed.phase, failed);
    }
    return { scans };
  } finally {
    watchdog?.stop();
    if (context) await browser.closeContext(context);
  }
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
