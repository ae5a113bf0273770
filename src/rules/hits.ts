import type { Classification, ClassifiedScan } from '../types.js';
import { chainTo } from '../derive/chain.js';
import { TRACKING, cookieHit, frameSighting, hitsByHost, requestSighting, subresources, vendorLabel, withoutQuery } from './evidence.js';
import type { RuleHit } from './rule.js';

/**
 * What tracks in one phase's data, as hits. Shared by the before-consent rules, the after-reject rule
 * and the implicit-action rule: the same things are wrong, only "when" differs.
 */

export function trackingCookies(scan: ClassifiedScan, when: string): RuleHit[] {
  return scan.cookies
    .filter((cookie) => TRACKING.has(cookie.class.category))
    .map((cookie) =>
      cookieHit(scan, cookie, `${vendorLabel(cookie.class.vendor, cookie.class.category)} cookie "${cookie.name}" on ${cookie.domain} ${cookie.stored ? 'was set' : 'was sent'} ${when}`),
    );
}

export function trackingStorage(scan: ClassifiedScan, when: string): RuleHit[] {
  return scan.storage
    .filter((entry) => TRACKING.has(entry.class.category))
    .map((entry) => ({
      subject: { kind: 'storage', storage: entry.kind, name: entry.key, host: new URL(entry.origin).hostname },
      category: entry.class.category,
      vendor: entry.class.vendor,
      party: entry.class.party,
      message: `${vendorLabel(entry.class.vendor, entry.class.category)} ${entry.kind} key "${entry.key}" on ${entry.origin} was written ${when}`,
      evidence: entry.writtenBy.length > 0 ? entry.writtenBy.map((url) => `written by ${withoutQuery(url)}`) : ['found in storage; the writing script was not observed'],
      chain: chainTo(scan, entry.writtenBy[0]),
    }));
}

export function trackerRequests(scan: ClassifiedScan, when: string): RuleHit[] {
  return hitsByHost(
    scan,
    subresources(scan)
      .filter((r) => (r.class.category === 'analytics' || r.class.category === 'marketing') && !r.class.plugin)
      .map(requestSighting),
    (host, first, count) => `${vendorLabel(first.class.vendor, first.class.category)} was contacted ${when}: ${count} request(s) to ${host}`,
  );
}

const isPlugin = ({ class: c }: { class: Classification }): boolean =>
  c.category === 'social' || (c.plugin && c.category !== 'necessary' && c.category !== 'preferences');

export function socialPlugins(scan: ClassifiedScan, when: string): RuleHit[] {
  // Frames first, so a host that is embedded is reported as the embed.
  return hitsByHost(
    scan,
    [...scan.frames.filter(isPlugin).map(frameSighting), ...subresources(scan).filter(isPlugin).map(requestSighting)],
    (host, first, count) =>
      first.kind === 'frame'
        ? `${vendorLabel(first.class.vendor, first.class.category)} embed from ${host} loaded ${when}`
        : `${vendorLabel(first.class.vendor, first.class.category)} social plugin loaded ${when}: ${count} request(s) to ${host}`,
  );
}

/** Everything that tracks in a phase, by all four measures. */
export function allTracking(scan: ClassifiedScan, when: string): RuleHit[] {
  return [...trackingCookies(scan, when), ...trackingStorage(scan, when), ...trackerRequests(scan, when), ...socialPlugins(scan, when)];
}

/** The same thing in two phases: kind, name and host (a request or frame by its host). */
export function hitKey(hit: RuleHit): string {
  const { kind, name, host, storage } = hit.subject;
  return [kind === 'frame' ? 'request' : kind, storage ?? '', name ?? '', host ?? ''].join('|');
}
