import { declaredLifetimeDays } from '../classify/lifetime.js';
import { urlPath } from '../shared/url.js';
import type { InventoryEntry, PageResult } from '../types.js';

/**
 * Everything stored after the visitor accepted, across pages: the table a cookie policy must carry
 * (name, vendor, purpose, lifetime, party). Sorted, one row per name and domain.
 */
export function afterAcceptInventory(pages: readonly PageResult[]): InventoryEntry[] {
  const rows = new Map<string, InventoryEntry>();
  const add = (entry: Omit<InventoryEntry, 'pages'>, page: string): void => {
    const key = `${entry.kind}|${entry.name}|${entry.domain}`;
    const row = rows.get(key) ?? { ...entry, pages: [] };
    if (!row.pages.includes(page)) row.pages.push(page);
    rows.set(key, row);
  };
  for (const page of pages) {
    const accepted = page.phases.find((s) => s.phase === 'after-accept' && s.action?.done);
    if (!accepted) continue;
    const path = urlPath(page.url);
    for (const c of accepted.cookies) {
      add({ kind: 'cookie', name: c.name, domain: c.domain, vendor: c.class.vendor, category: c.class.category, party: c.class.party, lifetimeDays: declaredLifetimeDays(c) }, path);
    }
    for (const s of accepted.storage) {
      add({ kind: 'storage', name: s.key, domain: new URL(s.origin).hostname, vendor: s.class.vendor, category: s.class.category, party: s.class.party, lifetimeDays: null }, path);
    }
  }
  return [...rows.values()].sort((a, b) => (`${a.kind}|${a.domain}|${a.name}` < `${b.kind}|${b.domain}|${b.name}` ? -1 : 1));
}
