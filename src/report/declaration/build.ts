import { declaredVisit } from '../../derive/inventory.js';
import { lifetimeWords, storageLifetimeWords } from '../../derive/durations.js';
import { pageLabel } from '../../shared/url.js';
import type { Category, GateResult, InventoryEntry, Lang, Party, StorageKind } from '../../types.js';
import { siteName } from '../text/site.js';
import { DECLARATION_WORDS } from './words.js';

/** One row of a cookie declaration: a cookie, a storage key, or a family of them ("_ga_*"). */
export interface DeclarationItem {
  /** As the declaration writes it: the family, with "*" for the id a name carries. */
  name: string;
  kind: 'cookie' | 'storage';
  storage: StorageKind | null;
  /** The vendor; for a first-party name no data knows, the site itself; else the third party's domain. */
  provider: string;
  party: Party;
  domains: string[];
  /** The Open Cookie Database's description (in English), else the purpose's short sentence. */
  purpose: string;
  purposeFrom: 'open-cookie-database' | 'category';
  /** In words of the declaration's language: "2 jaar", "13 mois", "session". */
  retention: string;
  /** The longest lifetime asked for, in days; null for a session cookie or storage. */
  lifetimeDays: number | null;
  /** Third parties it goes to: its own domain for a third-party cookie, and the hosts its value was seen sent to. */
  sentTo: string[];
}

export interface DeclarationGroup {
  category: Category;
  title: string;
  about: string;
  items: DeclarationItem[];
}

/** A site's cookie declaration, written from what a scan saw it store after accepting. */
export interface CookieDeclaration {
  lang: Lang;
  title: string;
  intro: string;
  site: string;
  /** When the scan ran (ISO 8601). */
  scannedAt: string;
  pages: number;
  groups: DeclarationGroup[];
  removal: string;
  madeBy: string;
}

/** Purposes in the order a declaration lists them; what is not classified comes last, to be filled in. */
const ORDER: readonly Category[] = ['necessary', 'preferences', 'analytics', 'marketing', 'social', 'unknown'];

const longer = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])].sort();

function itemOf(entry: InventoryEntry, lang: Lang): DeclarationItem {
  const words = DECLARATION_WORDS[lang];
  const provider = entry.vendor ?? (entry.party === 'first' ? words.thisSite : entry.domain);
  return {
    name: entry.family,
    kind: entry.kind,
    storage: entry.storage ?? null,
    provider,
    party: entry.party,
    domains: [entry.domain],
    purpose: entry.description ?? words.group[entry.category].purpose,
    purposeFrom: entry.description ? 'open-cookie-database' : 'category',
    retention: '',
    lifetimeDays: entry.lifetimeDays,
    sentTo: union(entry.party === 'third' ? [entry.domain] : [], entry.sentTo),
  };
}

/**
 * The declaration of everything the result's inventory holds: one row per family, vendor and party
 * within each purpose (two GA4 containers are one "_ga_*" row), the longest lifetime any of them asks.
 */
export function buildDeclaration(result: GateResult, lang: Lang): CookieDeclaration {
  const words = DECLARATION_WORDS[lang];
  const rows = new Map<string, DeclarationItem & { category: Category }>();
  for (const entry of result.inventory) {
    const item = itemOf(entry, lang);
    const key = [entry.category, item.kind, item.storage ?? '', item.name, item.provider, item.party].join('|');
    const row = rows.get(key);
    if (!row) rows.set(key, { ...item, category: entry.category });
    else {
      row.domains = union(row.domains, item.domains);
      row.sentTo = union(row.sentTo, item.sentTo);
      row.lifetimeDays = longer(row.lifetimeDays, item.lifetimeDays);
      if (row.purposeFrom === 'category' && item.purposeFrom === 'open-cookie-database') Object.assign(row, { purpose: item.purpose, purposeFrom: item.purposeFrom });
    }
  }
  const groups = ORDER.map((category): DeclarationGroup => {
    const items = [...rows.values()]
      .filter((row) => row.category === category)
      .map(({ category: _, ...item }) => ({ ...item, retention: item.kind === 'storage' ? storageLifetimeWords(item.storage ?? 'localStorage', lang) : lifetimeWords(item.lifetimeDays, lang) }))
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
    return { category, title: words.group[category].title, about: words.group[category].about, items };
  }).filter((group) => group.items.length > 0);
  const site = siteName(result);
  const date = result.startedAt.slice(0, 10);
  return { lang, title: words.title, intro: words.intro, site, scannedAt: result.startedAt, pages: result.pages.length, groups, removal: words.removal, madeBy: words.madeBy(`${result.tool.name} ${result.tool.version}`, site, date, result.pages.length) };
}

/**
 * Pages whose storage after accepting is not in the result, each with why: a declaration written
 * without them would leave out what they store, so the command that writes it fails (exit 3).
 */
export function missingPages(result: GateResult): string[] {
  return result.pages.flatMap((page) => {
    if (declaredVisit(page)) return [];
    const initial = page.phases.find((s) => s.phase === 'initial');
    const accept = page.phases.find((s) => s.phase === 'after-accept');
    const why =
      initial?.error ?? accept?.error ?? (accept?.action && !accept.action.done ? accept.action.detail : null) ?? page.skipped.find((s) => s.phase === 'after-accept')?.reason ?? 'the visit after accepting was not made';
    return [`${pageLabel(page.url)}: ${why}`];
  });
}
