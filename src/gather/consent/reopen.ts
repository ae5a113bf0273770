import type { Page } from 'playwright';
import { withTimeout } from '../../shared/time.js';
import type { Reopened } from '../../types.js';
import { clickMarked, expectBanner, findReopenControls, type ConsentSelectors, type LookLimits } from './banner.js';

/**
 * The calls consent managers document for opening their choice again, as paths from `window`: the
 * last way tried, since no visitor can call them (withdrawal-unavailable says so).
 */
const MANAGER_APIS = [
  'klaro.show',
  'CookieConsent.showPreferences',
  'tarteaucitron.userInterface.openPanel',
  'Orejime.show',
  'orejime.prompt',
  'orejime.show',
  'Cookiebot.renew',
  'OneTrust.ToggleInfoDisplay',
  'Didomi.preferences.show',
  'UC_UI.showSecondLayer',
] as const;

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

type Found = Awaited<ReturnType<typeof expectBanner>>;
export type ReopenResult = { reopened: Reopened; found: Found } | { reopened: null; tried: string };

/**
 * Opens the consent choice again the way a visitor would, after accepting: the policy's
 * `consent.withdraw` selector, else a "Cookie settings" link or button or the consent manager's own
 * floating icon, in the page, its shadow roots or its frames, else (recorded as such) the consent
 * manager's own API. Each way counts only when a consent banner or notice then shows.
 */
export async function reopenChoice(page: Page, selectors: ConsentSelectors, settle: () => Promise<void>, limits: LookLimits): Promise<ReopenResult> {
  const tried: string[] = [];
  const shows = async (): Promise<Found | null> => {
    await settle();
    const found = await expectBanner(page, selectors, limits);
    return found.banner || found.unrecognised ? found : null;
  };
  const ways: { via: 'policy' | 'page'; selector: string | null; none: string }[] = [
    ...(selectors.withdraw ? [{ via: 'policy' as const, selector: selectors.withdraw, none: `the policy's consent.withdraw selector (${selectors.withdraw}) matched no visible element` }] : []),
    { via: 'page', selector: null, none: 'no "Cookie settings" link or button, and no floating consent icon, on the page, in its shadow roots or in its frames' },
  ];
  for (const way of ways) {
    const controls = await findReopenControls(page, way.selector, limits);
    if (controls.length === 0) tried.push(way.none);
    for (const { found, frame, target } of controls) {
      // A visitor clicks again when the first click does nothing: managers draw their icon first and
      // listen to it a moment later (tarteaucitron half a second on, on real time), and a busy
      // machine clicked in between (1 of 8 sites at once). The first click's looks wait that out.
      const click = async (): Promise<Found | null> => ((await clickMarked(frame, target, found.id, limits.clickMs)) ? await shows() : null);
      const opened = (await click()) ?? (await click());
      const place = { kind: found.kind, floating: found.floating, shadowRoot: found.shadowRoot, frameUrl: target.main ? null : target.url };
      if (opened) return { reopened: { via: way.via, control: found.name, place }, found: opened };
      tried.push(`clicking "${found.name}" opened no consent choice`);
    }
  }
  const api = await withTimeout(page.evaluate(callManagerApi, MANAGER_APIS).catch(() => null), limits.pageScanMs);
  const found = api ? await shows() : null;
  if (api && found) return { reopened: { via: 'api', control: api, place: null }, found };
  tried.push(api ? `${api} opened no consent choice` : 'no consent manager API');
  return { reopened: null, tried: tried.join('; ') };
}
