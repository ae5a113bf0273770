import type { Frame, Page } from 'playwright';
import { withTimeout } from '../../shared/time.js';
import type { BannerControl, BannerFacts, ConsentToggle, PolicyLink } from '../../types.js';
import { scanPage, type FoundControl, type PageScanResult } from './page-scan.js';
import { CONSENT_WORDS } from './words.js';
import { isWebUrl, withoutFragment } from '../../shared/url.js';

export interface ConsentSelectors {
  banner?: string;
  accept?: string;
  reject?: string;
  settings?: string;
}

type Role = FoundControl['role'];

/** A banner found on a live page: its facts so far, and the means to act on it. */
export interface Banner {
  frame: Frame;
  source: BannerFacts['source'];
  text: string;
  controls: Map<Role, FoundControl & { layer: 1 | 2 }>;
  toggles: ConsentToggle[];
}

const SCAN_TIMEOUT_MS = 3_000;

async function scanFrame(frame: Frame, selectors: ConsentSelectors, layer: 1 | 2): Promise<PageScanResult | null> {
  return withTimeout(frame.evaluate(scanPage, { words: CONSENT_WORDS, layer, selectors }).catch(() => null), SCAN_TIMEOUT_MS);
}

/** The page's own frame first: a banner there is the site's; in an iframe, a consent manager's. */
export async function findBanner(
  page: Page,
  selectors: ConsentSelectors,
): Promise<{ banner: Banner | null; unrecognised: string | null; policyLinks: { text: string; url: string }[] }> {
  const frames = page.frames().filter((frame) => isWebUrl(frame.url()));
  let unrecognised: string | null = null;
  let policyLinks: { text: string; url: string }[] = [];
  for (const frame of frames) {
    const result = await scanFrame(frame, frame === page.mainFrame() ? selectors : {}, 1);
    if (!result) continue;
    if (frame === page.mainFrame()) policyLinks = result.policyLinks;
    unrecognised ??= result.unrecognised;
    if (!result.banner) continue;
    const controls = new Map<Role, FoundControl & { layer: 1 | 2 }>();
    for (const control of result.banner.controls) if (!controls.has(control.role)) controls.set(control.role, { ...control, layer: 1 });
    const source = Object.values(selectors).some(Boolean) && frame === page.mainFrame() ? 'policy' : 'heuristic';
    return { banner: { frame, source, text: result.banner.text, controls, toggles: [] }, unrecognised: null, policyLinks: [...policyLinks, ...(frame === page.mainFrame() ? [] : result.policyLinks)] };
  }
  return { banner: null, unrecognised, policyLinks };
}

/** Clicks like a visitor; if an overlay is in the way, activates the control the way a keyboard would. */
export async function clickControl(banner: Banner, role: Role): Promise<boolean> {
  const control = banner.controls.get(role);
  if (!control) return false;
  const target = banner.frame.locator(`[data-consent-gate="${control.id}"]`).first();
  try {
    await target.click({ timeout: 3_000 });
    return true;
  } catch {
    return (await withTimeout(target.evaluate((el) => (el as HTMLElement).click()).then(() => true, () => false), 3_000)) ?? false;
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
  const result = await scanFrame(banner.frame, {}, 2);
  if (!result) return;
  banner.toggles = result.toggles;
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
    settings: control('settings'),
    toggles: banner.toggles,
    visibleAfterWait,
  };
}

/** The status each policy link answers, asked with the visitor's own cookies. */
export async function checkPolicyLinks(page: Page, links: { text: string; url: string }[]): Promise<PolicyLink[]> {
  const unique = [...new Map(links.map((l) => [withoutFragment(l.url), l])).values()].slice(0, 5);
  return Promise.all(
    unique.map(async (link) => {
      const response = await withTimeout(page.request.get(link.url, { timeout: 5_000, maxRedirects: 5 }).catch(() => null), 6_000);
      return { text: link.text, url: link.url, status: response ? response.status() : null };
    }),
  );
}
