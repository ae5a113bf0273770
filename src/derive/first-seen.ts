import { hostOf } from '../shared/url.js';
import type { ClassifiedScan, Subject } from '../types.js';

const earliest = (times: readonly (number | undefined)[]): number | null => {
  const known = times.filter((time): time is number => time !== undefined);
  return known.length > 0 ? Math.min(...known) : null;
};

/**
 * When the visit first saw a finding's subject, on its clock (see VisitTimes): the first write of a
 * cookie or storage key, the first request to a host (an embed's document is one). Null for the page
 * and its banner, and where the visit did not see it happen: a cookie found in the jar with no write
 * seen, a report written before times were kept.
 */
export function firstSeenMs(scan: ClassifiedScan, subject: Subject): number | null {
  const { kind, name, host, storage } = subject;
  switch (kind) {
    case 'cookie':
      return earliest(scan.cookies.filter((c) => c.name === name && c.domain === host).flatMap((c) => c.sources.map((s) => s.writtenMs)));
    case 'storage':
      return earliest(scan.storage.filter((s) => s.kind === storage && s.key === name && hostOf(s.origin) === host).map((s) => s.writtenMs));
    case 'request':
    case 'frame':
      return earliest(scan.requests.filter((r) => hostOf(r.url) === host).map((r) => r.startedMs));
    case 'page':
    case 'banner':
      return null;
  }
}
