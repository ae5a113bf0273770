import type { Frame, Page } from 'playwright';
import { errorText } from '../../shared/errors.js';
import { sleep, withTimeout } from '../../shared/time.js';
import type { BannerControl, BannerFacts, ConsentToggle } from '../../types.js';
import { evaluateIsolated, FRAME_GONE, frameTargets, type FrameTarget } from '../isolated.js';
import { checkScanResult, scanPage, type FoundControl, type FoundReopen, type PageScanResult, type ReopenSearch } from './page-scan.js';
import { CONSENT_WORDS } from '../../shared/consent-words.js';
import { placeOf } from '../../shared/url.js';
import type { Settings } from '../../config/settings.js';

/** How long one in-page look and one click may take (see Settings). */
export type LookLimits = Pick<Settings, 'pageScanMs' | 'clickMs'>;

export interface ConsentSelectors {
  banner?: string;
  accept?: string;
  reject?: string;
  settings?: string;
  /** Reopens the consent choice after it was made (a footer link, a floating button). */
  withdraw?: string;
}

type Role = FoundControl['role'];

/** A banner found on a live page: its facts so far, and the means to act on it. */
export interface Banner {
  /** Where Playwright clicks and takes pictures. */
  frame: Frame;
  /** Where our scans run, in an isolated world. */
  target: FrameTarget;
  source: BannerFacts['source'];
  text: string;
  controls: Map<Role, FoundControl & { layer: 1 | 2 }>;
  toggles: ConsentToggle[];
  limits: LookLimits;
}

/** A page that navigates while we look is looked at again, once, where it lands. */
class MainFrameGone extends Error {}

/**
 * Scans one frame. Null when the frame went away meanwhile (an iframe removed or reloaded); a scan
 * that throws, does not answer or returns something that is not a scan result is an error: the
 * visit fails closed rather than reporting no banner.
 */
async function scanFrame(target: FrameTarget, selectors: ConsentSelectors, layer: 1 | 2, prefix: string, scanMs: number, reopen?: ReopenSearch): Promise<PageScanResult | null> {
  try {
    return checkScanResult(await evaluateIsolated(target, scanPage, { words: CONSENT_WORDS, layer, selectors, prefix, ...(reopen ? { reopen } : {}) }, scanMs));
  } catch (error) {
    const text = errorText(error);
    if (FRAME_GONE.test(text)) {
      if (target.main) throw new MainFrameGone(text);
      return null;
    }
    throw new Error(`the consent banner scan failed in ${target.main ? 'the page' : `its frame ${placeOf(target.url)}`}: ${text}`, { cause: error });
  }
}

/** The Playwright frame that holds a control we marked, to click it like a visitor. */
async function frameHolding(page: Page, target: FrameTarget, controlId: string | undefined): Promise<Frame | null> {
  if (target.main) return page.mainFrame();
  if (controlId === undefined) return null;
  for (const frame of page.frames()) {
    if ((await frame.locator(`[data-consent-gate="${controlId}"]`).count().catch(() => 0)) > 0) return frame;
  }
  return null;
}

type Found = { banner: Banner | null; unrecognised: string | null; policyLinks: { text: string; url: string }[] };

async function findOnce(page: Page, selectors: ConsentSelectors, limits: LookLimits): Promise<Found> {
  let unrecognised: string | null = null;
  let policyLinks: { text: string; url: string }[] = [];
  // Marks from this scan must not be mistaken for another frame's, or an earlier scan's.
  const scanId = Math.random().toString(36).slice(2, 8);
  const targets = await frameTargets(page);
  // Asked all at once, read in order (a failure too, where the frame stands): 500 frames cost one
  // round of questions, not 500 one after the other.
  const scans = targets.map((target, index) => scanFrame(target, target.main ? selectors : {}, 1, `${scanId}-${index}-`, limits.pageScanMs));
  for (const scan of scans) scan.catch(() => undefined);
  for (const [index, target] of targets.entries()) {
    const result = await scans[index]!;
    if (!result) continue;
    if (target.main) policyLinks = result.policyLinks;
    unrecognised ??= result.unrecognised;
    if (!result.banner) continue;
    const frame = await frameHolding(page, target, result.banner.controls[0]?.id);
    if (!frame) continue;
    const controls = new Map<Role, FoundControl & { layer: 1 | 2 }>();
    for (const control of result.banner.controls) if (!controls.has(control.role)) controls.set(control.role, { ...control, layer: 1 });
    // The withdraw selector is not about the banner.
    const source = [selectors.banner, selectors.accept, selectors.reject, selectors.settings].some(Boolean) && target.main ? 'policy' : 'heuristic';
    // Switches shown on the first layer are read before anything is clicked: saving would change them.
    const toggles = result.toggles.map((toggle) => ({ ...toggle, layer: 1 as const }));
    return { banner: { frame, target, source, text: result.banner.text, controls, toggles, limits }, unrecognised: null, policyLinks: [...policyLinks, ...(target.main ? [] : result.policyLinks)] };
  }
  return { banner: null, unrecognised, policyLinks };
}

/** The page's own frame first: a banner there is the site's; in an iframe, a consent manager's. */
export async function findBanner(page: Page, selectors: ConsentSelectors, limits: LookLimits): Promise<Found> {
  try {
    return await findOnce(page, selectors, limits);
  } catch (error) {
    if (!(error instanceof MainFrameGone)) throw error;
    await page.waitForLoadState('load', { timeout: limits.pageScanMs }).catch(() => undefined);
    return findOnce(page, selectors, limits).catch((again: unknown) => {
      throw again instanceof MainFrameGone ? new Error(`the consent banner scan failed: the page kept navigating away (${again.message})`) : again;
    });
  }
}

/**
 * Looks for a banner this often, this many times, where one is expected: a consent manager's window
 * fades in on real time (CSS), which the page's fake clock does not hurry, and is hidden at its first
 * frame; on a busy CI machine that takes a good second. Only a page that shows none waits it all out.
 */
const LOOK_EVERY_MS = 250;
const LOOKS = 8;

/** findBanner, looking again for a while when the page shows no banner or notice yet (see LOOKS). */
export async function expectBanner(page: Page, selectors: ConsentSelectors, limits: LookLimits): Promise<Found> {
  for (let look = 1; ; look++) {
    const found = await findBanner(page, selectors, limits);
    if (found.banner || found.unrecognised || look === LOOKS) return found;
    await sleep(LOOK_EVERY_MS);
  }
}

/** A control that may open the consent choice again, and the frame to click it in. */
export interface ReopenControl {
  found: FoundReopen;
  frame: Frame;
  target: FrameTarget;
}

/**
 * The visible controls that may reopen the consent choice (see scanPage's reopen search), wherever the
 * banner search looks: the page, its open shadow roots, and every frame (a consent manager's own).
 * `selector` is the policy's consent.withdraw; null looks by name and for a manager's floating icon.
 */
export async function findReopenControls(page: Page, selector: string | null, limits: LookLimits): Promise<ReopenControl[]> {
  const scanId = Math.random().toString(36).slice(2, 8);
  const controls: ReopenControl[] = [];
  const targets = await frameTargets(page);
  // Asked all at once and read in order, as findOnce does.
  const scans = targets.map((target, index) => scanFrame(target, {}, 1, '', limits.pageScanMs, { selector, mark: `reopen-${scanId}-${index}` }));
  for (const scan of scans) scan.catch(() => undefined);
  for (const [index, target] of targets.entries()) {
    const result = await scans[index]!;
    for (const found of result?.reopen ?? []) {
      const frame = await frameHolding(page, target, found.id);
      if (frame) controls.push({ found, frame, target });
    }
  }
  return controls;
}

/** Clicks the banner's control like a visitor (see clickMarked). */
export async function clickControl(banner: Banner, role: Role): Promise<boolean> {
  const control = banner.controls.get(role);
  return control ? clickMarked(banner.frame, banner.target, control.id, banner.limits.clickMs) : false;
}

/**
 * Clicks the element a scan marked with `data-consent-gate="id"` like a visitor; if an overlay is in
 * the way, activates it the way a keyboard would.
 */
export async function clickMarked(frame: Frame, target: FrameTarget, id: string, clickMs: number): Promise<boolean> {
  try {
    await frame.locator(`[data-consent-gate="${id}"]`).first().click({ timeout: clickMs });
    return true;
  } catch {
    const click = (mark: string): boolean => {
      const el = document.querySelector(`[data-consent-gate="${mark}"]`);
      (el as HTMLElement | null)?.click();
      return el !== null;
    };
    return evaluateIsolated(target, click, id, clickMs).catch(() => false);
  }
}

export async function isBannerVisible(banner: Banner): Promise<boolean> {
  const controls = [...banner.controls.values()].filter((c) => c.layer === 1);
  for (const control of controls) {
    const visible = await withTimeout(banner.frame.locator(`[data-consent-gate="${control.id}"]`).first().isVisible().catch(() => false), 2_000);
    if (visible) return true;
  }
  return false;
}

/**
 * Opens the settings layer: what it offers (a reject control the first layer lacked, the category
 * toggles and whether they start switched on). Leaves the page in that state: call it last.
 */
export async function openSettings(banner: Banner, settle: () => Promise<void>): Promise<void> {
  if (!(await clickControl(banner, 'settings'))) return;
  await settle();
  const result = await scanFrame(banner.target, {}, 2, `${Math.random().toString(36).slice(2, 8)}-`, banner.limits.pageScanMs).catch((error: unknown) => {
    // Opening the settings may reload the page: then there is no settings layer to read.
    if (error instanceof MainFrameGone) return null;
    throw error;
  });
  if (!result) return;
  // The settings layer's switches, and those of the first layer it does not show again.
  const shown = new Set(result.toggles.map((toggle) => toggle.label));
  banner.toggles = [...banner.toggles.filter((toggle) => !shown.has(toggle.label)), ...result.toggles.map((toggle) => ({ ...toggle, layer: 2 as const }))];
  for (const control of result.banner?.controls ?? []) {
    if (!banner.controls.has(control.role)) banner.controls.set(control.role, { ...control, layer: 2 });
  }
}

export function bannerFacts(banner: Banner, visibleAfterWait: boolean): BannerFacts {
  const control = (role: Role): BannerControl | null => {
    const c = banner.controls.get(role);
    return c ? { text: c.text, kind: c.kind, layer: c.layer } : null;
  };
  return {
    source: banner.source,
    frameUrl: banner.frame === banner.frame.page().mainFrame() ? null : banner.frame.url(),
    text: banner.text,
    accept: control('accept'),
    reject: control('reject'),
    save: control('save'),
    settings: control('settings'),
    toggles: banner.toggles,
    visibleAfterWait,
  };
}
