import type { StepName } from '../../config/visits.js';
import { bannerFacts, clickControl, expectBanner, findBanner, isBannerVisible, openSettings, type Banner } from '../consent/banner.js';
import { checkPolicyLinks } from '../consent/policy-links.js';
import { readDeclarations } from '../consent/declarations.js';
import { reopenChoice } from '../consent/reopen.js';
import { brokenOwnAssets } from '../own-assets.js';
import { takeScreenshots } from '../screenshots.js';
import { evaluateInPage } from '../isolated.js';
import { readConsentSignals } from '../consent/signals.js';
import type { ActionStep } from '../../types.js';
import { storedState } from '../consent/stored-choice.js';
import type { Session, Step } from './context.js';

/** Lets `ms` of page time pass (fast-forwarded when the fake clock is on), then waits for the network. */
async function advance({ page, collector, options }: Session, ms: number): Promise<void> {
  if (options.fastForwardMs > 0) await page.clock.runFor(ms);
  else await page.waitForTimeout(Math.min(ms, options.settleCapMs));
  await collector.networkQuiet(page, options);
}

const settle = (session: Session): Promise<void> => advance(session, Math.max(session.options.fastForwardMs, 1));

/** Full Chromium fails the navigation on a login prompt; the headless shell shows the 401 page: one error for both. */
export const LOGIN_NEEDED = 'the page asks for a login (HTTP 401); give credentials with --header "Authorization: Basic …"';

async function load(session: Session, url: string): Promise<number> {
  const response = await session.page.goto(url, { waitUntil: 'load', timeout: session.options.timeoutMs });
  if (!response) throw new Error('the browser got no response for the page');
  const status = response.status();
  // An error page is not the page the site serves to visitors: scanning it proves nothing.
  if (status === 401) throw new Error(LOGIN_NEEDED);
  if (status >= 400) throw new Error(`the page answered HTTP ${status}`);
  await session.collector.networkQuiet(session.page, session.options);
  return status;
}

/** A same-site link a visitor could follow, outside the banner: the "next page" of a visit. */
function internalLink(): string | null {
  const skip = /(log-?out|sign-?out|uitloggen|afmelden|abmelden)|\.(pdf|zip|docx?|xlsx?|jpe?g|png|mp4)$/i;
  for (const a of Array.from(document.querySelectorAll('a[href]')) as HTMLAnchorElement[]) {
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || skip.test(url.pathname) || a.closest('[data-consent-gate], [data-consent-gate-banner], [role=dialog], [aria-modal=true]')) continue;
    if (a.hasAttribute('data-consent-gate') || url.pathname === location.pathname) continue;
    return url.href;
  }
  return null;
}

/** Notes the real time of a moment the report's timeline shows (see VisitTimes). */
function note(session: Session, moment: 'bannerShownMs' | 'actionMs'): void {
  if (session.scan.times) session.scan.times[moment] = session.collector.elapsed();
}

/** Adds what a step did to the visit's account of itself (its `detail` is written from these when the visit ends). */
function tell(session: Session, step: ActionStep): void {
  session.scan.action?.steps.push(step);
}

/** Opens a same-site link as a visitor would and lets the page settle; says where it went, or that no link was found. */
async function followLink(session: Session): Promise<void> {
  const link = await evaluateInPage(session.page, internalLink, undefined, session.options.pageScanMs).catch(() => null);
  if (!link) {
    if (session.scan.action?.kind === 'scroll') tell(session, { do: 'noLink' });
    return;
  }
  await load(session, link);
  await settle(session);
  tell(session, { do: 'follow', path: new URL(link).pathname });
}

type Answer = { done: boolean; steps: ActionStep[]; failure: string | null; from: number };

/**
 * A choice counts once the site stored it. After the click, a consent window that stays open with
 * nothing stored is finished with its save or confirm control, as a visitor would: in Orejime's
 * preferences "Alles weigeren" only switches every purpose off, and "Opslaan" stores it. Then the
 * window must have closed, or the cookie jar or web storage changed. Returns why not, or null.
 */
async function confirmStored(session: Session, banner: Banner, before: string, steps: ActionStep[], finish: boolean): Promise<string | null> {
  const { page, options } = session;
  const stored = async (): Promise<boolean> => (await storedState(page, options.pageScanMs)) !== before;
  const open = async (): Promise<boolean> => (await findBanner(page, options.consent, options)).banner !== null;
  await settle(session);
  // The save of the layer the click was in: a settings layer often sits beside the first one, which a new look would find first.
  const save = banner.controls.get('save');
  let kept = await stored();
  if (finish && save && !kept && (await open()) && (await clickControl(banner, 'save'))) {
    steps.push({ do: 'click', control: save.text, layer: save.layer });
    await settle(session);
    kept = await stored();
  }
  if (kept || !(await open())) return null;
  return 'the choice was not stored: the consent window stayed open and no cookie or storage changed';
}

/**
 * Clicks reject or accept (in the settings layer if it must), and checks that the site stored it.
 * autoconsent is asked only when the page showed a consent notice we could not use: on a page with
 * none it finds nothing either, and waiting for it to say so costs seconds per page.
 */
async function answer(session: Session, kind: 'reject' | 'accept'): Promise<Answer> {
  const { banner, page } = session;
  const noticeSeen = banner !== null || session.unrecognised !== null;
  if (banner && !banner.controls.has(kind)) await openSettings(banner, () => settle(session));
  const control = banner?.controls.get(kind);
  const before = await storedState(page, session.options.pageScanMs);
  // The time first: whatever the window records from the cut on is at or after it.
  note(session, 'actionMs');
  const from = session.collector.cut();
  if (banner && control && (await clickControl(banner, kind))) {
    const steps: ActionStep[] = [{ do: 'click', control: control.text, layer: control.layer }];
    const failure = await confirmStored(session, banner, before, steps, true);
    return { done: failure === null, steps, failure, from };
  }
  const askAutoconsent = session.autoconsent !== null && noticeSeen;
  if (askAutoconsent) {
    const outcome = await session.autoconsent!.run(page, kind === 'reject' ? 'optOut' : 'optIn');
    if (outcome?.done) return { done: true, steps: [{ do: 'autoconsent', cmp: outcome.cmp, choice: kind }], failure: null, from };
  }
  const why = banner ? `the banner has no ${kind} control we could click` : noticeSeen ? 'the consent notice has no control we recognise' : 'no consent banner was found to click';
  const tried = askAutoconsent ? ', and autoconsent recognised no consent manager' : '';
  return { done: false, steps: [], failure: `${why}${tried} (set consent.${kind} in the policy)`, from };
}

/** A new recording window from `from` (read just before the visitor's click): what the page does from the click on is its answer to the visitor's choice. */
async function startWindow(session: Session, from: number): Promise<void> {
  session.since = await session.collector.mark(session.page.context().pages(), from);
}

function choose(kind: 'reject' | 'accept'): Step {
  return async (session) => {
    const { from, ...outcome } = await answer(session, kind);
    session.scan.action = { kind, ...outcome, detail: '', bannerAfter: null };
    if (!outcome.done) return 'stop';
    // After refusing, only what happens after the click is the page's answer to the refusal: what an
    // opt-out banner (Osano's cookieconsent) loaded before it is the initial visit's finding, and
    // was wrongly reported as "contacted after the visitor refused". The accept visit keeps the whole
    // visit: its inventory lists everything stored, also what the server set on the first load.
    if (kind === 'reject') await startWindow(session, from);
  };
}

/**
 * Opens the consent choice again after accepting (see reopenChoice) and refuses everything in it.
 * Records from the refusal on, every cookie still in the jar included: a cookie written again is
 * tracking after the withdrawal, one merely left behind is judged by whether it is still sent.
 */
const withdraw: Step = async (session) => {
  const result = await reopenChoice(session.page, session.options.consent, () => settle(session), session.options);
  if (!result.reopened) {
    session.scan.action = { kind: 'withdraw', done: false, steps: [], failure: `found no way to reopen the consent choice: ${result.tried} (set consent.withdraw in the policy)`, detail: '', bannerAfter: null, reopened: null };
    return 'stop';
  }
  const { reopened, found } = result;
  if (found.banner) note(session, 'bannerShownMs');
  session.banner = found.banner;
  session.unrecognised = found.unrecognised;
  // From the refusal's click on, requests say which cookies they carried: one still sent to its vendor is tracking kept.
  session.collector.recordCookiesSent();
  const { from, steps, ...outcome } = await answer(session, 'reject');
  session.scan.action = { kind: 'withdraw', ...outcome, steps: [{ do: 'reopen', reopened }, ...steps], detail: '', bannerAfter: null, reopened };
  if (!outcome.done) return 'stop';
  await startWindow(session, from);
  // No cookie counts as already there: the snapshot lists the whole jar, with only the writes since the refusal as sources.
  session.since = { ...session.since!, cookies: new Set() };
};

/** Saves the first layer's switches as they were shown: no switch touched, no settings opened. */
const saveAsShown: Step = async (session) => {
  const { banner, page } = session;
  const control = banner?.controls.get('save');
  const before = await storedState(page, session.options.pageScanMs);
  // The time first: whatever the window records from the cut on is at or after it.
  note(session, 'actionMs');
  const from = session.collector.cut();
  if (!banner || control?.layer !== 1 || !(await clickControl(banner, 'save'))) {
    session.scan.action = { kind: 'save', done: false, steps: [], failure: "the banner's first-layer save control could not be clicked", detail: '', bannerAfter: null };
    return 'stop';
  }
  const steps: ActionStep[] = [{ do: 'click', control: control.text, layer: 1, asShown: true }];
  const failure = await confirmStored(session, banner, before, steps, false);
  session.scan.action = { kind: 'save', done: failure === null, steps, failure, detail: '', bannerAfter: null };
  if (failure !== null) return 'stop';
  // As after refusing: what loaded before the click is the initial visit's finding, not the answer to saving.
  await startWindow(session, from);
};

/** Every step a visit can name, by name: the visit table in src/config/visits.ts lists them in order. */
export const STEPS: Readonly<Record<StepName, Step>> = {
  load: async (session) => {
    session.collector.navigationStarts();
    session.scan.status = await load(session, session.url);
  },

  // A visitor answers the banner when it shows: acting before the clock runs on also means a banner
  // that hides itself after a few seconds is still there to click.
  waitForBanner: async (session) => {
    await advance(session, session.options.bannerDelayMs);
    // A choice visit runs only where the first look found a banner or notice: there one is expected,
    // and a manager that fades it in on real time (vanilla-cookieconsent) gets the time it needs.
    const look = session.scan.phase === 'initial' ? findBanner : expectBanner;
    const found = await look(session.page, session.options.consent, session.options);
    if (found.banner) note(session, 'bannerShownMs');
    session.banner = found.banner;
    session.unrecognised = found.unrecognised;
    session.policyLinks = found.policyLinks;
  },

  settle: async (session) => {
    await settle(session);
  },

  // The banner as a first-time visitor meets it, once the page's timers have run.
  describeBanner: async (session) => {
    const { banner, scan } = session;
    scan.bannerUnrecognised = session.unrecognised;
    if (banner) scan.banner = bannerFacts(banner, await isBannerVisible(banner));
  },

  record: async (session) => {
    const { page, collector, scan } = session;
    Object.assign(scan, await collector.snapshot(page.context().pages(), page.url(), session.since ?? undefined));
  },

  // What the page's TCF API, Consent Mode and Google hits claim: before any choice, or after refusing.
  readConsentSignals: async (session) => {
    session.scan.consentSignals = await readConsentSignals(session.page, session.scan.requests, session.options.pageScanMs);
  },

  // A page whose own bundle did not load is not the page visitors get: never a silent pass.
  checkOwnAssets: async (session) => {
    session.scan.error = brokenOwnAssets(session.scan.requests, session.scan.finalUrl);
  },

  checkPolicyLinks: async (session) => {
    session.scan.policyLinks = await checkPolicyLinks(session.page, session.policyLinks, session.options.linkCheckMs);
  },

  screenshots: async (session) => {
    if (session.options.screenshots) session.scan.screenshots = await takeScreenshots(session.page, session.banner);
  },

  browse: async (session) => {
    const { page } = session;
    note(session, 'actionMs');
    await evaluateInPage(page, () => window.scrollTo(0, document.documentElement.scrollHeight), undefined, session.options.pageScanMs).catch(() => undefined);
    await page.mouse.move(200, 200);
    await page.mouse.move(400, 300, { steps: 5 });
    await page.keyboard.press('Escape');
    session.scan.action = { kind: 'scroll', done: true, steps: [{ do: 'browse' }], failure: null, detail: '', bannerAfter: null };
  },

  followLink: async (session) => {
    await followLink(session);
  },

  // Browsing on is not consent: the banner must still be there on the next page. Where the first look
  // found no banner there is nothing to watch, and loading the next page would only cost a navigation.
  checkBannerStays: async (session) => {
    if (!session.first.banner || !session.scan.action) return;
    await followLink(session);
    // The next page's banner fades in on real time: only a banner still missing after a while is gone.
    const found = await expectBanner(session.page, session.options.consent, session.options);
    session.scan.action.bannerAfter = found.banner ? 'visible' : 'gone';
    // The banner on the page the visitor is on now: the one whose settings can still be opened.
    session.banner = found.banner;
  },

  // What the settings layer offers (a reject the first layer lacked, the toggles and whether they
  // start switched on), added to the first look's banner facts. A banner gone by now keeps its first layer.
  readSettingsLayer: async (session) => {
    const { banner, first } = session;
    if (!banner || !first.banner) return;
    await openSettings(banner, () => settle(session));
    const { source, frameUrl, text, visibleAfterWait } = first.banner;
    first.banner = { ...bannerFacts(banner, visibleAfterWait), source, frameUrl, text };
  },

  // Where the site declares its cookies: its policy pages, its consent manager's lists (see declarations.ts).
  readDeclarations: async ({ page, banner, first, options }) => {
    first.declarations = await readDeclarations({ page, bannerTarget: banner?.target ?? null, links: first.policyLinks, settings: options.declaration ?? {}, linkCheckMs: options.linkCheckMs, pageScanMs: options.pageScanMs });
  },

  reject: choose('reject'),
  save: saveAsShown,
  accept: choose('accept'),
  withdraw,

  // The choice must hold on the next request, not just on the page where it was made.
  reload: async (session) => {
    await session.page.reload({ waitUntil: 'load', timeout: session.options.timeoutMs });
    tell(session, { do: 'reload' });
  },

  // The choice made on the banner's first page must hold on this one too: the same notice showing
  // again means the site forgot it here (a consent cookie stored with a narrow path, say).
  checkChoiceKept: async (session) => {
    const { options, storedNotice } = session;
    const stored = session.scan.action?.steps.find((step) => step.do === 'stored');
    if (stored?.do !== 'stored' || storedNotice === null) return;
    // The settle before has run the page's clock on that long already, unless the fake clock is off.
    if (options.fastForwardMs < options.bannerDelayMs) await advance(session, options.bannerDelayMs);
    const found = await findBanner(session.page, options.consent, options);
    if (found.banner !== null || (storedNotice === 'unrecognised' && found.unrecognised !== null)) stored.bannerAgain = true;
  },
};

