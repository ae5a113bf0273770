import type { ConsentWords } from '../../shared/consent-words.js';

export interface FoundControl {
  role: 'accept' | 'reject' | 'save' | 'settings';
  text: string;
  kind: 'button' | 'link';
  /** Value of the data-consent-gate attribute we put on it, to click it later. */
  id: string;
}

/** A control that opens the consent choice again once it was made, marked for clicking. */
export interface FoundReopen {
  id: string;
  /** Its accessible name: aria-label, text, title, an SVG's title or an image's alt. */
  name: string;
  kind: 'button' | 'link';
  floating: boolean;
  shadowRoot: boolean;
}

export interface PageScanResult {
  /** The consent notice: the outermost visible fixed or dialog element about cookies with controls. */
  banner: { text: string; controls: FoundControl[] } | null;
  /** Visible text that reads like a consent notice, where no control was recognised. */
  unrecognised: string | null;
  toggles: { label: string; checked: boolean; locked: boolean }[];
  policyLinks: { text: string; url: string }[];
  /** Asked for with `reopen` only: the visible controls that may open the consent choice again, best first (at most 3). */
  reopen: FoundReopen[];
}

/**
 * How to look for the way back to the consent choice: the policy's `consent.withdraw` selector, or
 * controls named like the `words.reopen` phrases, or a consent manager's own floating icon.
 */
export interface ReopenSearch {
  selector: string | null;
  mark: string;
}

/**
 * Runs in a frame's isolated world (see isolated.ts): finds the consent notice and its controls, the
 * toggles of an open settings layer, and links to a policy. Sent as source text, so it may use only
 * its argument and the browser's own built-ins. `prefix` keeps the marks of one scan apart from others'.
 */
export function scanPage(args: {
  words: ConsentWords;
  layer: number;
  selectors: { banner?: string; accept?: string; reject?: string; settings?: string };
  prefix: string;
  reopen?: ReopenSearch;
}): PageScanResult {
  const { words, layer, selectors, prefix, reopen: reopenSearch } = args;
  const norm = (text: string): string => text.toLowerCase().replace(/[\u2019`]/g, "'").replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  // Controls are matched on whole words ("ok" is not "okapi"); notice words on word starts ("cookies").
  const has = (text: string, phrases: readonly string[], wordStart = false): boolean =>
    phrases.some((p) => new RegExp(`(^|\\s)${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${wordStart ? '' : '(\\s|$)'}`).test(text));
  /**
   * Fading in towards a visible opacity. Osano's cookieconsent fades its window in from opacity 0 over
   * a second of real time, which the visit's fake clock does not shorten: a scan in that second saw
   * a transparent notice and reported no banner, on a busy machine at random.
   */
  const fadingIn = (el: Element): boolean =>
    el.getAnimations().some((a) => a.playState === 'running' && Number((a.effect as KeyframeEffect | null)?.getKeyframes().at(-1)?.['opacity'] ?? 0) > 0.05);
  const visible = (el: Element): boolean => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && (Number(style.opacity) > 0.05 || fadingIn(el));
  };
  /**
   * What a visitor (or a screen reader) reads as the element's name: an icon button is named only by
   * its aria-label, its title, an SVG's <title> or an image's alt.
   */
  const accessibleName = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    const byId = labelledBy ? (el.getRootNode() as Document | ShadowRoot).getElementById?.(labelledBy)?.textContent : null;
    const named =
      el.getAttribute('aria-label') ||
      byId ||
      (el as HTMLInputElement).value ||
      (el as HTMLElement).innerText ||
      el.textContent ||
      el.getAttribute('title') ||
      el.querySelector('svg title')?.textContent ||
      el.querySelector('img[alt]')?.getAttribute('alt') ||
      '';
    return named.trim().replace(/\s+/g, ' ');
  };
  const nameOf = (el: Element): string => norm(accessibleName(el));
  const roleOf = (name: string): FoundControl['role'] | null => {
    if (!name || name.length > 60) return null;
    if (has(name, words.reject)) return 'reject';
    if (has(name, words.save)) return 'save';
    if (has(name, words.settings)) return 'settings';
    if (has(name, words.accept)) return 'accept';
    return null;
  };
  /**
   * Every open shadow root on the page, nested ones too, found once per scan: consent managers built
   * as web components keep their banner there, where querySelectorAll does not look.
   */
  const shadowRoots: ShadowRoot[] = [];
  const collectRoots = (scope: ParentNode): void => {
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      if (!el.shadowRoot) continue;
      shadowRoots.push(el.shadowRoot);
      collectRoots(el.shadowRoot);
    }
  };
  collectRoots(document);
  /** Elements matching `selector` in `scope` and in the shadow roots whose host is `scope` or inside it. */
  const deep = (scope: ParentNode, selector: string): Element[] => {
    const roots = scope === document ? shadowRoots : shadowRoots.filter((root) => root.host === scope || inside(scope as Element, root.host));
    return roots.reduce((found, root) => found.concat(Array.from(root.querySelectorAll(selector))), Array.from(scope.querySelectorAll(selector)));
  };
  /** The parent, or the host when `el` is at the top of a shadow tree. */
  const up = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
  const closestDeep = (el: Element, selector: string): Element | null => {
    for (let at: Element | null = el; at; at = up(at)) if (at.matches(selector)) return at;
    return null;
  };
  const inside = (outer: Element, el: Element): boolean => {
    for (let at = up(el); at; at = up(at)) if (at === outer) return true;
    return false;
  };
  const CLICKABLE = 'button, a[href], [role=button], input[type=button], input[type=submit]';
  const kindOf = (el: Element): 'button' | 'link' => (el.tagName === 'A' && el.getAttribute('role') !== 'button' ? 'link' : 'button');
  let serial = 0;
  const mark = (el: Element, role: FoundControl['role']): FoundControl => {
    const id = el.getAttribute('data-consent-gate') ?? `${prefix}${role}-${layer}-${serial++}`;
    el.setAttribute('data-consent-gate', id);
    return { role, text: accessibleName(el).slice(0, 80), kind: kindOf(el), id };
  };
  const controlsIn = (root: Element): FoundControl[] =>
    deep(root, CLICKABLE)
      .filter(visible)
      .map((el) => ({ el, role: roleOf(nameOf(el)) }))
      .filter((c): c is { el: Element; role: FoundControl['role'] } => c.role !== null)
      .map((c) => mark(c.el, c.role));

  /** The element or one of its ancestors (through shadow hosts) matches: a fixed corner icon's own button is static. */
  const anyUp = (el: Element, test: (at: Element) => boolean): boolean => {
    for (let at: Element | null = el; at; at = up(at)) if (test(at)) return true;
    return false;
  };
  /**
   * Marks the visible controls that may open the consent choice again, best first: the policy's
   * selector; else links and buttons named like "Cookie-instellingen" that do not lead to another
   * page; then a consent manager's own floating icon (inside its container, named only "Cookies", or
   * an icon with no name), which is how tarteaucitron and web-component managers bring the choice back.
   */
  const findReopen = ({ selector, mark }: ReopenSearch): FoundReopen[] => {
    const containerName = new RegExp(`${words.containerNames}|${words.managerNames}`, 'i');
    const namesOf = (at: Element): string => `${at.id} ${typeof at.className === 'string' ? at.className : ''} ${at.tagName}`;
    const floating = (el: Element): boolean => anyUp(el, (at) => ['fixed', 'sticky'].includes(getComputedStyle(at).position));
    // A link to another page (the cookie policy) leaves the page: it is not the control that reopens the choice here.
    const staysHere = (el: Element): boolean => {
      const href = el.tagName === 'A' ? el.getAttribute('href') : null;
      if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return true;
      const url = new URL(href, location.href);
      return url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
    };
    const phrase = (name: string): boolean => name.length > 0 && name.length <= 60 && words.reopen.some((p) => ` ${name} `.includes(` ${p} `));
    // Its own floating icon: in a container named for cookies or consent, and not one of the banner's answers or a close button.
    const managersIcon = (el: Element, name: string): boolean =>
      floating(el) &&
      anyUp(el, (at) => containerName.test(namesOf(at))) &&
      name.length <= 40 &&
      roleOf(name) === null &&
      !has(name, words.close) &&
      (name !== '' || el.querySelector('svg, img') !== null);
    const clickable = 'a[href], button, [role=button], [onclick], input[type=button], [tabindex]';
    const candidates = selector ? deep(document, selector) : deep(document, '*').filter((el) => el.matches(clickable) || (getComputedStyle(el).cursor === 'pointer' && floating(el) && !el.parentElement?.closest(clickable)));
    const shown = candidates.filter(visible);
    const named = selector ? shown : shown.filter((el) => staysHere(el) && phrase(nameOf(el)));
    const icons = selector ? [] : shown.filter((el) => !named.includes(el) && staysHere(el) && managersIcon(el, nameOf(el)));
    return [...named, ...icons].slice(0, 3).map((el, i) => {
      const id = `${mark}-${i}`;
      el.setAttribute('data-consent-gate', id);
      const name = accessibleName(el).slice(0, 80) || (el.id ? `#${el.id}` : el.tagName.toLowerCase());
      return { id, name, kind: kindOf(el), floating: floating(el), shadowRoot: el.getRootNode() instanceof ShadowRoot };
    });
  };

  if (reopenSearch) return { banner: null, unrecognised: null, toggles: [], policyLinks: [], reopen: findReopen(reopenSearch) };

  // The policy's selectors win over any guess.
  const pick = (selector: string | undefined): Element | null => {
    if (!selector) return null;
    const el = deep(document, selector)[0];
    return el && visible(el) ? el : null;
  };
  // Marks the notice itself, so its picture can be taken for the HTML report.
  const markBanner = (el: Element | null): void => {
    if (layer === 1) el?.setAttribute('data-consent-gate-banner', '');
  };
  let banner: PageScanResult['banner'] = null;
  const chosen = { accept: pick(selectors.accept), reject: pick(selectors.reject), settings: pick(selectors.settings) };
  if (chosen.accept || chosen.reject || chosen.settings || pick(selectors.banner)) {
    const root = pick(selectors.banner);
    const controls = (['accept', 'reject', 'settings'] as const).flatMap((role) => (chosen[role] ? [mark(chosen[role], role)] : []));
    const guessed = root ? controlsIn(root).filter((c) => !controls.some((k) => k.role === c.role)) : [];
    banner = { text: norm((root as HTMLElement | null)?.innerText ?? '').slice(0, 300), controls: [...controls, ...guessed] };
    const control = chosen.accept ?? chosen.reject ?? chosen.settings;
    markBanner(root ?? (control && closestDeep(control, '[role=dialog], [role=alertdialog], [aria-modal=true], dialog')) ?? control?.parentElement ?? null);
  }

  let unrecognised: string | null = null;
  if (!banner) {
    const containerName = new RegExp(words.containerNames, 'i');
    const managerName = new RegExp(words.managerNames, 'i');
    const containers = deep(document.body, '*').filter((el) => {
      const style = getComputedStyle(el);
      const dialog = el.getAttribute('role') === 'dialog' || el.getAttribute('role') === 'alertdialog' || el.getAttribute('aria-modal') === 'true' || (el.tagName === 'DIALOG' && (el as HTMLDialogElement).open);
      const names = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
      const manager = managerName.test(names);
      const named = manager || containerName.test(names);
      return (style.position === 'fixed' || style.position === 'sticky' || dialog || named) && visible(el) && (manager || has(norm((el as HTMLElement).innerText || ''), words.notice, true));
    });
    // Nested matches are one notice: keep the outermost, which holds all of its controls.
    const outermost = containers.filter((el) => !containers.some((other) => other !== el && inside(other, el)));
    for (const el of outermost) {
      const controls = controlsIn(el);
      if (controls.some((c) => c.role === 'accept' || c.role === 'reject')) {
        // The first layer is one notice; an opened settings layer often sits beside it, not inside.
        if (banner && layer === 2) banner.controls.push(...controls);
        else if (!banner) {
          banner = { text: norm((el as HTMLElement).innerText || '').slice(0, 300), controls };
          markBanner(el);
        }
        if (layer === 1) break;
      } else if (!banner) {
        unrecognised ??= norm((el as HTMLElement).innerText || '').slice(0, 160) || null;
      }
    }
  }

  const toggles = deep(document, 'input[type=checkbox], [role=switch], [role=checkbox]')
    .filter((el) => {
      const dialog = closestDeep(el, '[role=dialog], [role=alertdialog], [aria-modal=true], dialog, [id*=cookie i], [class*=cookie i], [id*=consent i], [class*=consent i]');
      return dialog !== null && visible(dialog);
    })
    .map((el) => {
      const input = el as HTMLInputElement;
      const labelled = (input.id && (el.getRootNode() as ParentNode).querySelector(`label[for="${CSS.escape(input.id)}"]`)) || el.closest('label') || el.parentElement;
      return {
        label: (el.getAttribute('aria-label') || (labelled as HTMLElement | null)?.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 80),
        checked: input.checked === true || el.getAttribute('aria-checked') === 'true',
        locked: input.disabled === true || el.getAttribute('aria-disabled') === 'true',
      };
    });

  const policyLinks = deep(document, 'a[href]')
    .map((a) => ({ text: ((a as HTMLElement).innerText || '').trim().slice(0, 80), url: (a as HTMLAnchorElement).href }))
    .filter((l) => /^https?:/.test(l.url) && (has(norm(l.text), words.policy, true) || /cookie|privacy|datenschutz|confidentialite/i.test(new URL(l.url).pathname)))
    .slice(0, 10);

  return { banner, unrecognised, toggles, policyLinks, reopen: [] };
}

const isText = (value: unknown): value is string => typeof value === 'string';

/** What came back from a page is data to check, not to trust: anything but a scan result is an error. */
export function checkScanResult(value: unknown): PageScanResult {
  const v = value as PageScanResult | null;
  const control = (c: FoundControl): boolean => ['accept', 'reject', 'save', 'settings'].includes(c?.role) && ['button', 'link'].includes(c.kind) && isText(c.text) && isText(c.id);
  const valid =
    typeof v === 'object' &&
    v !== null &&
    (v.banner === null || (typeof v.banner === 'object' && isText(v.banner.text) && Array.isArray(v.banner.controls) && v.banner.controls.every(control))) &&
    (v.unrecognised === null || isText(v.unrecognised)) &&
    Array.isArray(v.toggles) &&
    v.toggles.every((t) => isText(t?.label) && typeof t.checked === 'boolean' && typeof t.locked === 'boolean') &&
    Array.isArray(v.policyLinks) &&
    v.policyLinks.every((l) => isText(l?.text) && isText(l.url)) &&
    Array.isArray(v.reopen) &&
    v.reopen.every((r) => isText(r?.id) && isText(r.name) && ['button', 'link'].includes(r.kind) && typeof r.floating === 'boolean' && typeof r.shadowRoot === 'boolean');
  if (!valid) throw new Error('the page returned something that is not a scan result');
  return v;
}
