import { shardLine } from '../../discover/shard.js';
import type { Coverage } from '../../types.js';
import { EN } from '../words/en.js';
import type { Words } from '../words/index.js';

/**
 * "16 pages found, 10 scanned, 6 left out": said in every report, so partial coverage is never silent.
 * A shard's other pages are not left out: the other shards scan them.
 */
export function coverageLine(coverage: Coverage, words: Words = EN): string {
  const { shard } = coverage;
  const unread = coverage.leftOut.some((l) => l.reason === 'sitemap-unreadable');
  const line = words.coverage(coverage.found, coverage.scanned, coverage.found - (shard ? shard.of : coverage.scanned), unread);
  return shard ? `${line} (${shardLine(shard)})` : line;
}

/** Why each part was left out, with the way to include it: one sentence each. */
export function coverageReasons(coverage: Coverage, words: Words = EN): string[] {
  return coverage.leftOut.map((l) => words.leftOut(l));
}
