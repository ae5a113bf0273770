import type { Category, Party } from '../types.js';
import database from './data/open-cookie-database/open-cookie-database.json' with { type: 'json' };
import overrides from './overrides.json' with { type: 'json' };
import { vendorSpelling } from './vendor-names.js';

/** Upstream commit of the vendored Open Cookie Database (see its SOURCE.md). */
export const OPEN_COOKIE_DATABASE_VERSION = '0ee5a17fe1cb002943f89370d24fc26a4226061c';

export interface NameMatch {
  vendor: string | null;
  category: Category;
  source: 'override' | 'open-cookie-database';
}

interface Entry extends NameMatch {
  name: string;
  prefix: boolean;
  /** What upstream says it is for; overrides have none. */
  description?: string;
  /** Domains named by the upstream entry: used to choose between entries sharing a name. */
  domains: string[];
  party?: Party;
}

const UPSTREAM_CATEGORY: Record<string, Category> = {
  Necessary: 'necessary',
  Security: 'necessary',
  Functional: 'preferences',
  Personalization: 'preferences',
  Analytics: 'analytics',
  Marketing: 'marketing',
};

interface UpstreamEntry {
  category: string;
  cookie: string;
  domain: string;
  dataController: string;
  description: string;
  wildcardMatch: string;
}

const upstream: Entry[] = Object.entries(database as Record<string, UpstreamEntry[]>).flatMap(([platform, entries]) =>
  entries.map((e) => ({
    name: e.cookie,
    prefix: e.wildcardMatch === '1',
    vendor: platform ? vendorSpelling(platform) : e.dataController || null,
    category: UPSTREAM_CATEGORY[e.category] ?? 'unknown',
    source: 'open-cookie-database' as const,
    ...(e.description.trim() ? { description: e.description.trim() } : {}),
    domains: e.domain.match(/[a-z0-9-]+(\.[a-z0-9-]+)+/gi)?.map((d) => d.toLowerCase()) ?? [],
  })),
);

const overridden: Entry[] = overrides.names.map((o) => ({
  name: o.name,
  prefix: o.prefix ?? false,
  vendor: o.vendor,
  category: o.category as Category,
  source: 'override' as const,
  domains: [],
  ...(o.party ? { party: o.party as Party } : {}),
}));

function buildIndex(entries: Entry[]): { exact: Map<string, Entry[]>; prefixes: Entry[] } {
  const exact = new Map<string, Entry[]>();
  const prefixes: Entry[] = [];
  for (const entry of entries) {
    if (entry.prefix) prefixes.push(entry);
    else exact.set(entry.name, [...(exact.get(entry.name) ?? []), entry]);
  }
  prefixes.sort((a, b) => b.name.length - a.name.length);
  return { exact, prefixes };
}

const OVERRIDES = buildIndex(overridden);
const UPSTREAM = buildIndex(upstream);

function lookup(index: ReturnType<typeof buildIndex>, name: string, domain: string, party: Party): Entry | undefined {
  const applies = (e: Entry): boolean => e.party === undefined || e.party === party;
  const candidates = (index.exact.get(name) ?? []).filter(applies);
  const hit =
    candidates.find((e) => e.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) ??
    candidates[0] ??
    index.prefixes.find((e) => applies(e) && name.startsWith(e.name));
  return hit;
}

/** Exact name first, then the longest wildcard prefix; our overrides win over upstream. */
export function classifyName(name: string, domain: string, party: Party): NameMatch | null {
  const hit = lookup(OVERRIDES, name, domain, party) ?? lookup(UPSTREAM, name, domain, party);
  if (!hit) return null;
  return { vendor: hit.vendor, category: hit.category, source: hit.source };
}

/** What the Open Cookie Database says a cookie or storage key is for (its English description); null when it does not know the name. */
export function describeName(name: string, domain: string, party: Party): string | null {
  return lookup(UPSTREAM, name, domain, party)?.description ?? null;
}

/** An id part: holds a digit and is not a word ("G1A2B3C4", "1.1fff", "123456"). */
const ID = /^[A-Za-z0-9_.%-]*\d[A-Za-z0-9_.%-]*$/;

/**
 * The name as a cookie declaration writes its family: where the name carries an id (a GA4
 * container, a Matomo site, a Hotjar site), the id as "*" ("_ga_G1A2B3" → "_ga_*", "_pk_id.1.1fff" →
 * "_pk_id.*"). The Open Cookie Database's wildcard entries say where a family's fixed part ends;
 * otherwise a last part of five or more characters with a digit in it, after "_", "." or "-", is the id.
 */
export function familyName(name: string): string {
  const known = [...OVERRIDES.prefixes, ...UPSTREAM.prefixes].filter((e) => name.startsWith(e.name) && name.length > e.name.length).sort((a, b) => b.name.length - a.name.length)[0];
  if (known && ID.test(name.slice(known.name.length).replace(/^[_.-]/, ''))) return `${known.name}*`;
  const tail = /^(.+?[_.-])([A-Za-z0-9%]{5,})$/.exec(name);
  return tail && ID.test(tail[2]!) ? `${tail[1]}*` : name;
}
