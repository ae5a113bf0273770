import { createHash } from 'node:crypto';
import { GateError } from '../shared/errors.js';
import type { ShardCoverage } from '../types.js';

/** One part of a run split over several CI jobs: shard `index` (from 1) of `total`. */
export interface Shard {
  index: number;
  total: number;
}

/** "2/3" → shard 2 of 3; anything else says what to write. `name` is how the user gave it (a flag or an input). */
export function parseShard(value: string, name: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index < 1 || index > total) {
    throw new GateError(
      `${name} takes I/N, whole numbers with 1 ≤ I ≤ N (the second of three shards is 2/3); got "${value}". In a GitHub matrix write \${{ matrix.shard }}/3, in GitLab parallel: $CI_NODE_INDEX/$CI_NODE_TOTAL.`,
    );
  }
  return { index, total };
}

/** A shard sees part of the site: recording its findings would forget (with prune, erase) the rest. */
export function checkShardRun(shard: Shard | undefined, updatingBaseline: boolean): void {
  if (shard && updatingBaseline) {
    throw new GateError(`--shard scans part of the site, so it cannot update the baseline; update it from the merged result: consent-gate merge-reports DIR… --update-baseline.`);
  }
}

/** What identifies a page across runners: its path and query. */
export function pageKey(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

/**
 * The shard a page falls to. Its path is hashed, not its place in the list: an index moves every later
 * page to another shard when one page is added or removed, while a hash keeps each page where it was,
 * whatever else the site has. Not the whole URL either: --static and --start serve on a loopback port
 * that differs on every runner, and a preview's host differs per deployment.
 */
export function shardOf(url: string, total: number): number {
  return shardOfPath(pageKey(url), total);
}

/** The shard of a page known by its path (and query), as a shard's report lists it. */
export function shardOfPath(path: string, total: number): number {
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % total) + 1;
}

/** The pages of one shard, and what its report records so merge-reports can check that no page was lost. */
export function takeShard(urls: readonly string[], shard: Shard, settings: unknown): { urls: string[]; coverage: ShardCoverage } {
  const mine = urls.filter((url) => shardOf(url, shard.total) === shard.index);
  return { urls: mine, coverage: { ...shard, of: urls.length, pages: mine.map(pageKey), settings: settingsDigest(settings) } };
}

/** Said while scanning and in every report: a shard that drew no page is not an error, but says so. */
export function shardLine(shard: ShardCoverage): string {
  const none = shard.pages.length === 0 ? ', so nothing to scan here; merge-reports checks that the shards together scanned every page' : '';
  return `shard ${shard.index} of ${shard.total}: ${shard.pages.length} of the ${shard.of} pages to scan${none}`;
}

/**
 * A short digest of the settings that decide which pages are found and how each is visited: shards of
 * one run share it, so merge-reports can refuse parts of different runs. Keys are sorted, so the order
 * a flag or the policy gave them in does not matter.
 */
function settingsDigest(settings: unknown): string {
  const canonical = JSON.stringify(settings, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
