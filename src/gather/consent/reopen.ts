import type { Page } from 'playwright';
import { sleep, withTimeout } from '../../shared/time.js';
import type { Reopened } from '../../types.js';
import { evaluateIsolated, mainFrameTarget } from '../isolated.js';
import { clickMarked, findBanner, type ConsentSelectors, type LookLimits } from './banner.js';
import { CONSENT_WORDS } from './words.js';

/**
 * The calls consent managers document for opening their choice again, as paths from `window`: the
 * last way tried, since no visitor can call them (withdrawal-unavailable says so).
 */
const MANAGER_APIS = [
  'klaro.show',
  'CookieConsent.showPreferences',
  'tarteaucitron.userInterface.openPanel',
  'Orejime.show',
  'orejime.show',
  'Cookiebot.renew',
  'OneTrust.ToggleInfoDisplay',
  'Didomi.preferences.show',
  'UC_UI.showSecondLayer',
] as const;

/**
 * Looks for the reopened choice this often, this many times: a manager's preferences window fades
 * in on real time (CSS), which the page's fake clock does not hurry, and is hidden at its first frame.
 */
const LOOK_EVERY_MS = 250;
const LOOKS = 4;

/**
 * Runs in the page's isolated world: marks the first visible element that reopens the consent choice
 * (the policy's selector, else a link or button named like "Cookie-instellingen" by its text,
 * aria-label or title) and returns its name. Sent as source text: only its argument and built-ins.
 */
function markReopenControl(args: { phrases: readonly string[]; selector: string | null; mark: string }): string | null {
  const { phrases, selector, mark } = args;
  const norm = (text: string): string => text.toLowerCase().replace(/[\u2019`]/g, "'").replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  const visible = (el: Element): boolean => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const nameOf = (el: Element): string => (el.getAttribute('aria-label') || el.getAttribute('title') || (el as HTMLElement).innerText || el.textContent || '').trim();
  // A link to another page (the cookie policy) leaves the page: it is not the control that reopens the choice here.
  const staysHere = (el: Element): boolean => {
    const href = el.tagName === 'A' ? el.getAttribute('href') : null;
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return true;
    const url = new URL(href, location.href);
    return url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
  };
  const named = (el: Element): boolean => {
    const name = norm(nameOf(el));
    return name.length > 0 && name.length <= 60 && phrases.some((phrase) => ` ${name} `.includes(` ${phrase} `)) && staysHere(el);
  };
  const candidates = Array.from(document.querySelectorAll(selector ?? 'a, button, [role=button], [onclick]'));
  const found = candidates.find((el) => visible(el) && (selector !== null || named(el)));
  if (!found) return null;
  found.setAttribute('data-consent-gate', mark);
  return nameOf(found).slice(0, 80);
}

/** Runs in the page's own world, where the consent manager's API lives: calls the first one the page has. */
function callManagerApi(paths: readonly string[]): string | null {
  for (const path of paths) {
    const parts = path.split('.');
    const name = parts.pop()!;
    let owner: unknown = window;
    for (const part of parts) owner = (owner as Record<string, unknown> | undefined)?.[part];
    const fn = (owner as Record<string, unknown> | undefined)?.[name];
    if (typeof fn === 'function') {
      fn.call(owner);
      return `window.${path}()`;
    }
  }
  return null;
}

export type ReopenResult = { reopened: Reopened; found: Awaited<ReturnType<typeof findBanner>> } | { reopened: null; tried: string };

/**
 * Opens the consent choice again the way a visitor would, after accepting: the policy's
 * `consent.withdraw` selector, else a "Cookie settings" link or floating button, else (recorded as
 * such) the consent manager's own API. Each way counts only when a consent banner or notice shows.
 */
export async function reopenChoice(page: Page, selectors: ConsentSelectors, settle: () => Promise<void>, limits: LookLimits): Promise<ReopenResult> {
  const tried: string[] = [];
  const shows = async (): Promise<Awaited<ReturnType<typeof findBanner>> | null> => {
    await settle();
    for (let look = 1; ; look++) {
      const found = await findBanner(page, selectors, limits);
      if (found.banner || found.unrecognised) return found;
      if (look === LOOKS) return null;
      await sleep(LOOK_EVERY_MS);
    }
  };
  const ways: { via: 'policy' | 'page'; selector: string | null; none: string }[] = [
    ...(selectors.withdraw ? [{ via: 'policy' as const, selector: selectors.withdraw, none: `the policy's consent.withdraw selector (${selectors.withdraw}) matched no visible element` }] : []),
    { via: 'page', selector: null, none: 'no "Cookie settings" link or button on the page' },
  ];
  for (const way of ways) {
    const mark = `reopen-${Math.random().toString(36).slice(2, 8)}`;
    const target = await mainFrameTarget(page);
    const control = await evaluateIsolated(target, markReopenControl, { phrases: CONSENT_WORDS.reopen, selector: way.selector, mark }, limits.pageScanMs);
    if (control === null) {
      tried.push(way.none);
      continue;
    }
    const found = (await clickMarked(page.mainFrame(), target, mark, limits.clickMs)) ? await shows() : null;
    if (found) return { reopened: { via: way.via, control }, found };
    tried.push(`clicking "${control}" opened no consent choice`);
  }
  const api = await withTimeout(page.evaluate(callManagerApi, MANAGER_APIS).catch(() => null), limits.pageScanMs);
  const found = api ? await shows() : null;
  if (api && found) return { reopened: { via: 'api', control: api }, found };
  tried.push(api ? `${api} opened no consent choice` : 'no consent manager API');
  return { reopened: null, tried: tried.join('; ') };
}
