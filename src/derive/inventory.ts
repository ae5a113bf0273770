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
  const rows = new Map<string, Row>();
  const add = (entry: Omit<Row, 'pages'>, page: string): void => {
    const key = `${entry.kind}|${entry.storage ?? ''}|${entry.name}|${entry.domain}`;
    const row = rows.get(key) ?? { ...entry, pages: [] };
    if (!row.pages.includes(page)) row.pages.push(page);
    row.sentTo = [...new Set([...row.sentTo, ...entry.sentTo])].sort();
    rows.set(key, row);
  };
  for (const page of pages) {
    const visit = declaredVisit(page);
    if (!visit) continue;
    const path = urlPath(page.url);
    for (const c of visit.cookies) {
      const { vendor, category, party } = c.class;
      const facts = { family: familyName(c.name), domain: c.domain, vendor, category, party, description: describeName(c.name, c.domain, party), sentTo: sentTo(visit, 'cookie', c.name) };
      add({ kind: 'cookie', name: c.name, ...facts, lifetimeDays: declaredLifetimeDays(c) }, path);
    }
    for (const s of visit.storage) {
      const { vendor, category, party } = s.class;
      const domain = new URL(s.origin).hostname;
      const facts = { family: familyName(s.key), domain, vendor, category, party, description: describeName(s.key, domain, party), sentTo: sentTo(visit, 'storage', s.key) };
      add({ kind: 'storage', storage: s.kind, name: s.key, ...facts, lifetimeDays: null }, path);
    }
  }
  // Judged as the rule judges each page: named where it was stored, or not named where the page's declaration could tell.
  const declarations = new Map(pages.map((page) => [urlPath(page.url), readDeclaration(page.phases.find((s) => s.phase === 'initial')?.declarations ?? [])]));
  const declared = (row: Row): boolean | null => {
    const where = row.pages.map((path) => declarations.get(path)!);
    if (where.some((d) => d.mentions(row.name).length > 0)) return true;
    return where.every(judgeable) ? false : null;
  };
  return [...rows.values()]
    .map((row) => ({ ...row, declared: declared(row) }))
    .sort((a, b) => (`${a.kind}|${a.domain}|${a.name}` < `${b.kind}|${b.domain}|${b.name}` ? -1 : 1));
}
