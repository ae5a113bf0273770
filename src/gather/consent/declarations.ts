import type { Page } from 'playwright';
import { errorText } from '../../shared/errors.js';
import { withTimeout } from '../../shared/time.js';
import { withoutFragment } from '../../shared/url.js';
import type { DeclarationSource, PolicyLink } from '../../types.js';
import { evaluateIsolated, FRAME_GONE, mainFrameTarget, type FrameTarget } from '../isolated.js';
import { declarationText, type DeclarationRequest, type DeclarationText, type TextLimits } from './declaration-text.js';

/** Where the policy file says the declaration is, when the pages do not link it (or it is not where a visitor would look). */
export interface DeclarationSettings {
  /** A URL or a path on the site: the declaration page, read instead of the pages the policy links lead to. */
  page?: string;
  /** The element that holds the declaration: on `page`; without it, on the scanned page itself (beside the linked pages). */
  selector?: string;
}

/**
 * What is kept of a declaration: a long privacy policy with its cookie table fits, and a report of
 * many pages stays readable (each page's initial visit carries its own copy).
 */
const LIMITS: TextLimits = { maxBytes: 2 * 1024 * 1024, maxChars: 100_000, maxPart: 400 };

/**
 * Declarations a script writes into the policy page, which the fetched HTML only holds a place for:
 * Cookiebot's CookieDeclaration, OneTrust's cookie list, CookieYes's audit table, Usercentrics' and
 * iubenda's embeds, and any empty element named for a cookie table.
 */
const SCRIPTED = [
  'script#CookieDeclaration',
  'script[src*="consent.cookiebot.com"][src*="/cd.js"]',
  '#ot-sdk-cookie-policy',
  '.cky-audit-table-element',
  '.uc-embed',
  '.iubenda-embed',
  '[name="termly-embed"]',
  '[id*="cookie-declaration" i]',
  '[class*="cookie-declaration" i]',
  '[id*="cookie-table" i]',
  '[class*="cookie-table" i]',
].join(', ');

const unread = (kind: DeclarationSource['kind'], url: string, reason: string): DeclarationSource => ({ kind, url, manager: null, read: false, reason, blocks: [], expressions: [], truncated: false });

function sourceOf(kind: DeclarationSource['kind'], url: string, text: DeclarationText): DeclarationSource {
  if (text.unread !== null) return unread(kind, url, text.unread);
  return { kind, url, manager: null, read: true, reason: null, blocks: text.blocks, expressions: [], truncated: text.truncated };
}

async function inFrame(target: FrameTarget, request: DeclarationRequest, ms: number): Promise<DeclarationText> {
  return evaluateIsolated(target, declarationText, request, ms).catch((error: unknown): DeclarationText => ({ unread: errorText(error), blocks: [], truncated: false }));
}

/**
 * The policy pages the page links, read through the browser as a visitor's click would fetch them:
 * a link that answered an error is no declaration (cookie-policy-link-missing speaks of it); one
 * that could not be checked, or is on another origin, could not be read.
 */
async function policyPages(page: Page, links: readonly PolicyLink[], settings: DeclarationSettings, ms: number, scanMs: number): Promise<DeclarationSource[]> {
  const target = await mainFrameTarget(page);
  const read = (url: string, selector: string | null): Promise<DeclarationSource> =>
    inFrame(target, { mode: 'fetch', url, ms, selector, scripted: SCRIPTED, limits: LIMITS }, ms + scanMs).then((text) => sourceOf('page', url, text));
  if (settings.page !== undefined) return [await read(new URL(settings.page, page.url()).href, settings.selector ?? null)];
  const unique = [...new Map(links.map((l) => [withoutFragment(l.url), l])).entries()];
  const sources = await Promise.all(
    unique.map(([url, link]): Promise<DeclarationSource> | null => {
      if (link.check === 'unchecked') return Promise.resolve(unread('page', url, link.reason ?? 'the link could not be checked'));
      if (link.check === 'reachable') return Promise.resolve(unread('page', url, 'on another origin: the browser hides its text from the page'));
      return link.status !== null && link.status >= 200 && link.status < 300 ? read(url, null) : null;
    }),
  );
  return sources.filter((s): s is DeclarationSource => s !== null);
}

interface ManagerList {
  manager: string;
  blocks: string[][];
  expressions: string[];
}

/**
 * Run in the page's own world, where consent managers keep their configuration: the cookies each
 * service or purpose declares (Klaro's and Orejime's `cookies`: names, regular expressions, or
 * [name, path, domain]), and tarteaucitron's services in use with their cookie lists.
 */
function managerLists(): ManagerList[] {
  const w = window as unknown as Record<string, unknown>;
  const lists: ManagerList[] = [];
  const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 200) : '');
  const add = (manager: string, services: unknown[], titleOf: (s: Record<string, unknown>) => string): void => {
    const blocks: string[][] = [];
    const expressions: string[] = [];
    for (const service of services.slice(0, 200)) {
      if (typeof service !== 'object' || service === null) continue;
      const s = service as Record<string, unknown>;
      const names: string[] = [];
      for (const raw of Array.isArray(s['cookies']) ? (s['cookies'] as unknown[]).slice(0, 200) : []) {
        const cookie = Array.isArray(raw) ? raw[0] : raw;
        if (typeof cookie === 'string' && cookie) names.push(cookie.slice(0, 200));
        else if (cookie instanceof RegExp) expressions.push(cookie.source.slice(0, 200));
      }
      if (names.length > 0) blocks.push([titleOf(s), ...names]);
    }
    if (blocks.length > 0 || expressions.length > 0) lists.push({ manager, blocks, expressions });
  };
  try {
    const klaro = (w['klaroConfig'] ?? (w['klaro'] as { getManager?: () => { config?: unknown } } | undefined)?.getManager?.()?.config) as Record<string, unknown> | undefined;
    const services = klaro?.['services'] ?? klaro?.['apps'];
    if (Array.isArray(services)) add('Klaro', services, (s) => text(s['title']) || text(s['name']));
  } catch {
    // A configuration we cannot read is none.
  }
  try {
    const orejime = w['orejimeConfig'] as Record<string, unknown> | undefined;
    const flatten = (items: unknown): unknown[] =>
      Array.isArray(items) ? items.flatMap((item) => [item, ...flatten((item as Record<string, unknown> | null)?.['purposes'])]) : [];
    const purposes = flatten(orejime?.['purposes'] ?? orejime?.['apps']);
    if (purposes.length > 0) add('Orejime', purposes, (s) => text(s['title']) || text(s['id']) || text(s['name']));
  } catch {
    // As above.
  }
  try {
    const tac = w['tarteaucitron'] as { job?: unknown; services?: Record<string, unknown> } | undefined;
    if (tac && Array.isArray(tac.job) && tac.services) {
      const used = (tac.job as unknown[]).filter((key): key is string => typeof key === 'string').map((key) => tac.services![key]);
      add('tarteaucitron.js', used, (s) => text(s['name']) || text(s['key']));
    }
  } catch {
    // As above.
  }
  return lists;
}

/** The managers' lists; a page that does not answer leaves an unread source, so that nothing is judged against half a declaration. */
async function managerConfigs(page: Page, scanMs: number): Promise<DeclarationSource[]> {
  let lists: ManagerList[] | null;
  try {
    lists = await withTimeout(page.evaluate(managerLists), scanMs);
  } catch (error) {
    // The page navigated as we asked: its configuration went with it.
    if (FRAME_GONE.test(errorText(error))) return [];
    return [unread('manager', page.url(), `reading the consent manager's cookie list failed: ${errorText(error)}`)];
  }
  if (!lists) return [unread('manager', page.url(), `the page did not answer within ${scanMs / 1000} s when its consent manager's cookie list was read`)];
  return lists.map((list) => ({ kind: 'manager', url: page.url(), manager: list.manager, read: true, reason: null, blocks: list.blocks, expressions: list.expressions, truncated: false }));
}

export interface DeclarationLook {
  page: Page;
  /** The frame the banner (and its settings layer, now open) lives in; the page's own when none was found. */
  bannerTarget: FrameTarget | null;
  /** The initial visit's policy links, as checked. */
  links: readonly PolicyLink[];
  settings: DeclarationSettings;
  linkCheckMs: number;
  pageScanMs: number;
}

/**
 * Where the page declares its cookies, as read after its first visit: the policy pages it links (or
 * the one the policy names), the tables of the consent manager's settings layer (opened by then, see
 * readSettingsLayer), and the consent manager's configuration.
 */
export async function readDeclarations(look: DeclarationLook): Promise<DeclarationSource[]> {
  // Not knowing the declaration is no reason to fail the scan: the page's cookies are then not judged against it.
  return readAll(look).catch((error: unknown) => [unread('page', look.page.url(), `the declaration could not be read: ${errorText(error)}`)]);
}

async function readAll(look: DeclarationLook): Promise<DeclarationSource[]> {
  const { page, settings, linkCheckMs, pageScanMs } = look;
  const pages = await policyPages(page, look.links, settings, linkCheckMs, pageScanMs);
  // A selector without a page names the declaration on the scanned page itself; else the settings layer's tables are read.
  const own = settings.selector !== undefined && settings.page === undefined ? settings.selector : null;
  const target = own === null ? (look.bannerTarget ?? (await mainFrameTarget(page))) : await mainFrameTarget(page);
  const live = await inFrame(target, { mode: 'live', selector: own, limits: LIMITS }, pageScanMs);
  const layer: DeclarationSource[] =
    own !== null
      ? [sourceOf('page', page.url(), live)]
      : live.unread === null && live.blocks.length > 0
        ? [{ kind: 'manager', url: page.url(), manager: null, read: true, reason: null, blocks: live.blocks, expressions: [], truncated: live.truncated }]
        : [];
  return [...pages, ...layer, ...(await managerConfigs(page, pageScanMs))];
}
