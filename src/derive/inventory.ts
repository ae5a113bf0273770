import { declaredLifetimeDays } from '../classify/lifetime.js';
import { describeName, familyName } from '../classify/names.js';
import { urlPath } from '../shared/url.js';
import type { ClassifiedScan, InventoryEntry, PageResult } from '../types.js';
import { judgeable, readDeclaration } from './declaration.js';

/**
 * The visit whose storage a cookie policy must declare: after accepting; on a page that offers no
 * consent choice (no banner, no notice), its first visit, since that is what every visitor gets.
 */
export function declaredVisit(page: PageResult): ClassifiedScan | undefined {
  const accepted = page.phases.find((s) => s.phase === 'after-accept' && s.action?.done);
  if (accepted) return accepted;
  const initial = page.phases.find((s) => s.phase === 'initial' && s.error === null);
  return initial && initial.banner === null && initial.bannerUnrecognised === null ? initial : undefined;
}

/** Third-party hosts a stored value was seen sent to on the visit. */
function sentTo(scan: ClassifiedScan, source: 'cookie' | 'storage', name: string): string[] {
  const hosts = (scan.identifiers ?? []).filter((i) => (source === 'cookie' ? i.source === 'cookie' : i.source !== 'cookie') && i.name === name && i.class.party === 'third').map((i) => i.host);
  return [...new Set(hosts)].sort();
}

type Row = Omit<InventoryEntry, 'declared'>;

/**
 * Everything stored after the visitor accepted, across pages: the table a cookie policy must carry
 * (name, vendor, purpose, lifetime, party), with whether the site's own declaration names each.
 * Sorted, one row per name and domain.
 */
export function afterAcceptInventory(pages: readonly PageResult[]): InventoryEntry[] {
  // Each row with the pages it was stored on, to judge its declaration where it was stored.
  const rows = new Map<string, { row: Row; on: PageResult[] }>();
  const add = (entry: Omit<Row, 'pages'>, page: PageResult): void => {
    const key = `${entry.kind}|${entry.storage ?? ''}|${entry.name}|${entry.domain}`;
    const found = rows.get(key) ?? { row: { ...entry, pages: [] }, on: [] };
    const path = urlPath(page.url);
    if (!found.row.pages.includes(path)) found.row.pages.push(path);
    found.on.push(page);
    found.row.sentTo = [...new Set([...found.row.sentTo, ...entry.sentTo])].sort();
    rows.set(key, found);
  };
  for (const page of pages) {
    const visit = declaredVisit(page);
    if (!visit) continue;
    for (const c of visit.cookies) {
      const { vendor, category, party } = c.class;
      const facts = { family: familyName(c.name), domain: c.domain, vendor, category, party, description: describeName(c.name, c.domain, party), sentTo: sentTo(visit, 'cookie', c.name) };
      add({ kind: 'cookie', name: c.name, ...facts, lifetimeDays: declaredLifetimeDays(c) }, page);
    }
    for (const s of visit.storage) {
      const { vendor, category, party } = s.class;
      const domain = new URL(s.origin).hostname;
      const facts = { family: familyName(s.key), domain, vendor, category, party, description: describeName(s.key, domain, party), sentTo: sentTo(visit, 'storage', s.key) };
      add({ kind: 'storage', storage: s.kind, name: s.key, ...facts, lifetimeDays: null }, page);
    }
  }
  // Judged as the rule judges each page: named where it was stored, or not named where the page's declaration could tell.
  const declarations = new Map(
    pages.map((page) => {
      const initial = page.phases.find((s) => s.phase === 'initial');
      return [page, readDeclaration(initial?.declarations ?? [], initial?.siteDomains ?? [])];
    }),
  );
  const declared = (row: Row, on: PageResult[]): boolean | null => {
    const where = on.map((page) => declarations.get(page)!);
    if (where.some((d) => d.mentions(row.name).length > 0)) return true;
    return where.every(judgeable) ? false : null;
  };
  return [...rows.values()]
    .map(({ row, on }) => ({ ...row, declared: declared(row, on) }))
    .sort((a, b) => (`${a.kind}|${a.domain}|${a.name}` < `${b.kind}|${b.domain}|${b.name}` ? -1 : 1));
}
