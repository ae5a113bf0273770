import { shardLine } from '../../discover/shard.js';
import { plural } from '../../shared/text.js';
import type { Coverage } from '../../types.js';

/**
 * "16 pages found, 10 scanned, 6 left out": said in every report, so partial coverage is never silent.
 * A shard's other pages are not left out: the other shards scan them.
 */
export function coverageLine(coverage: Coverage): string {
  const { shard } = coverage;
  const left = coverage.found - (shard ? shard.of : coverage.scanned);
  const unread = coverage.leftOut.some((l) => l.reason === 'sitemap-unreadable') ? ' (and pages of a sitemap that could not be read)' : '';
  const scanned = shard ? shardLine(shard) : `${coverage.scanned} scanned`;
  return `${plural(coverage.found, 'page')} found, ${scanned}, ${left === 0 ? 'none' : left} left out${unread}`;
}

/** Why each part was left out, with the way to include it: one sentence each. */
export function coverageReasons(coverage: Coverage): string[] {
  return coverage.leftOut.map((l) => l.message);
}
