import type { Category, Classification, Classified, ClassifiedScan, CookieSource, GatheredCookie, GatheredFrame, GatheredRequest, GatheredStorage } from '../types.js';
import { hostOf } from '../shared/url.js';
import { chainTo } from '../derive/chain.js';
import type { MessageData, RuleHit } from './rule.js';

/** Purposes that need consent everywhere we apply: strictly necessary and preferences do not. */
export const TRACKING: ReadonlySet<Category> = new Set(['analytics', 'marketing', 'social']);

export function vendorLabel(vendor: string | null, category: Category): string {
  return vendor ? `${vendor} (${category})` : category === 'unknown' ? 'unknown vendor' : `unknown ${category} vendor`;
}

/** " (LinkedIn Insight Tag, marketing; by its name alone: preferences)" after the writer that decided the purpose. */
function decidedBy(c: Classification, url: string): string {
  return c.writer?.url === url ? ` (${c.vendor ?? 'unknown vendor'}, ${c.category}; by its name alone: ${c.writer.nameCategory})` : '';
}

/** The writer that decided the purpose (classify/writer.ts) comes first: the first evidence is what the chain leads to. */
function writerFirst<T>(items: readonly T[], urlOf: (item: T) => string, c: Classification): T[] {
  const decided = (item: T): number => Number(c.writer !== undefined && urlOf(item) === c.writer.url);
  return [...items].sort((a, b) => decided(b) - decided(a));
}

function cookieEvidence(cookie: Classified<GatheredCookie>, sources: readonly CookieSource[]): string[] {
  const lines = sources.map(
    (s) =>
      (s.via === 'set-cookie' ? `Set-Cookie header from ${withoutQuery(s.url)}` : `document.cookie written by ${withoutQuery(s.url)}`) +
      decidedBy(cookie.class, s.url),
  );
  if (!cookie.stored) lines.push('the browser refused to store it, but the site sent it: other browsers keep it');
  return lines.length > 0 ? lines : ['found in the cookie jar; the setter was not observed'];
}

/** A finding about a cookie; its message gets `vendor`, `name` and `domain`, plus what the rule adds. */
export function cookieHit(scan: ClassifiedScan, cookie: Classified<GatheredCookie>, messageId: string, data: MessageData = {}): RuleHit {
  const sources = writerFirst(cookie.sources, (s) => s.url, cookie.class);
  return {
    subject: { kind: 'cookie', name: cookie.name, host: cookie.domain },
    category: cookie.class.category,
    vendor: cookie.class.vendor,
    party: cookie.class.party,
    messageId,
    data: { vendor: vendorLabel(cookie.class.vendor, cookie.class.category), name: cookie.name, domain: cookie.domain, ...data },
    evidence: cookieEvidence(cookie, sources),
    chain: chainTo(scan, sources[0]?.url),
  };
}

/** A finding about a storage key; its message gets `vendor`, `storage`, `name` and `origin`. */
export function storageHit(scan: ClassifiedScan, entry: Classified<GatheredStorage>, messageId: string): RuleHit {
  const scripts = writerFirst(entry.writtenBy, String, entry.class);
  const lines = scripts.map((url) => `written by ${withoutQuery(url)}${decidedBy(entry.class, url)}`);
  // The frame that holds it decided, not a script seen writing it.
  if (entry.class.writer?.url === entry.origin) lines.unshift(`kept by a frame of ${entry.origin}${decidedBy(entry.class, entry.origin)}`);
  return {
    subject: { kind: 'storage', storage: entry.kind, name: entry.key, host: new URL(entry.origin).hostname },
    category: entry.class.category,
    vendor: entry.class.vendor,
    party: entry.class.party,
    messageId,
    data: { vendor: vendorLabel(entry.class.vendor, entry.class.category), storage: entry.kind, name: entry.key, origin: entry.origin },
    evidence: lines.length > 0 ? lines : ['found in storage; the writing script was not observed'],
    chain: chainTo(scan, scripts[0]),
  };
}

const MAX_LINES = 3;

/** A request or an embedded frame, as evidence that a host was contacted. */
export interface Sighting {
  kind: 'request' | 'frame';
  url: string;
  class: Classification;
  line: string;
}

export function requestSighting(r: Classified<GatheredRequest>): Sighting {
  const failed = r.failure ? ` (failed: ${r.failure}; attempted all the same)` : '';
  const from = r.frameUrl ? ` from frame ${withoutQuery(r.frameUrl)}` : '';
  return { kind: 'request', url: r.url, class: r.class, line: `${r.resourceType} ${withoutQuery(r.url)}${failed}${from}` };
}

export function frameSighting(f: Classified<GatheredFrame>): Sighting {
  const parent = f.parentUrl ? ` in ${withoutQuery(f.parentUrl)}` : '';
  return { kind: 'frame', url: f.url, class: f.class, line: `frame ${withoutQuery(f.url)}${parent}` };
}

/**
 * Many requests to one host are one finding: a page that beacons ten times to the same tracker has
 * one thing to fix, and a fingerprint per host survives query strings and cache busters.
 */
/** `message` picks the message id for a host's group; its data gets `vendor`, `host` and `count`. */
export function hitsByHost(scan: ClassifiedScan, sightings: Sighting[], message: (first: Sighting) => string): RuleHit[] {
  const groups = new Map<string, Sighting[]>();
  for (const sighting of sightings) {
    const host = hostOf(sighting.url);
    groups.set(host, [...(groups.get(host) ?? []), sighting]);
  }
  return [...groups].map(([host, group]) => {
    const first = group[0]!;
    const evidence = group.slice(0, MAX_LINES).map((s) => s.line);
    if (group.length > MAX_LINES) evidence.push(`and ${group.length - MAX_LINES} more to ${host}`);
    return {
      subject: { kind: first.kind, host, url: withoutQuery(first.url) },
      category: first.class.category,
      vendor: first.class.vendor,
      party: first.class.party,
      messageId: message(first),
      data: { vendor: vendorLabel(first.class.vendor, first.class.category), host, count: group.length },
      evidence,
      chain: chainTo(scan, first.url),
    };
  });
}

/** Query strings carry client ids and cache busters: never in a report, never in a fingerprint. */
export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

/** Requests that loaded an embed's document are reported as the frame, not again as a request. */
export function subresources(scan: ClassifiedScan): Classified<GatheredRequest>[] {
  const frameUrls = new Set(scan.frames.map((f) => f.url));
  return scan.requests.filter((r) => !(r.resourceType === 'document' && frameUrls.has(r.url)));
}
