import { pageKey, shardOfPath } from '../discover/shard.js';
import { GateError } from '../shared/errors.js';
import type { ShardCoverage } from '../types.js';
import type { SavedRun } from './judge.js';

/** A shard's saved report, and what messages call it (its path). */
export interface ShardReport {
  name: string;
  run: SavedRun;
}

interface Part extends ShardReport {
  shard: ShardCoverage;
}

/** What the shards of one run share, each with the words a message names it by. */
const SAME_RUN: readonly [string, (part: Part) => unknown][] = [
  ['the settings (target, pages, phases, time budgets, first-party domains, consent selectors)', (p) => p.shard.settings],
  ['the consent-gate version', (p) => p.run.tool.version],
  ['the pages found', (p) => [p.run.coverage.found, p.shard.of, p.run.coverage.leftOut]],
  ['the site', (p) => [p.run.target.name, p.run.target.ephemeral]],
];

/**
 * The reports of the shards of one run, checked and combined into the run they make together, to be
 * judged once. Fails closed: a report of no shard, shards of different splits or runs, a shard given
 * twice or one whose pages do not add up is unusable input (exit 2); a shard without a report left
 * its pages unscanned (exit 3). Never a pass over part of a site.
 */
export function combineShards(reports: readonly ShardReport[]): SavedRun {
  const parts = reports.map(checkPart);
  const first = parts[0];
  if (!first) throw new GateError('No shard report was given, so no page was checked (never a pass). Give the folder the shards\' reports were downloaded to.', 3);
  const byIndex = new Map<number, Part>();
  for (const part of parts) {
    if (part.shard.total !== first.shard.total) {
      throw new GateError(`${part.name} is shard ${part.shard.index} of ${part.shard.total}, but ${first.name} is shard ${first.shard.index} of ${first.shard.total}: these are parts of different splits. Merge the shards of one run.`);
    }
    const differ = SAME_RUN.filter(([, of]) => JSON.stringify(of(part)) !== JSON.stringify(of(first))).map(([what]) => what);
    if (differ.length > 0) {
      throw new GateError(`${part.name} is not from the same run as ${first.name}: ${differ.join(' and ')} differ. Run every shard with the same command, policy and consent-gate version, and merge the reports of one run.`);
    }
    const twin = byIndex.get(part.shard.index);
    if (twin) {
      throw new GateError(`Shard ${part.shard.index} of ${part.shard.total} was given twice (${twin.name} and ${part.name}). Give each shard's report once: an old artifact may lie beside a re-run's.`);
    }
    byIndex.set(part.shard.index, part);
  }
  const { total, of } = first.shard;
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new GateError(
      `${missing.length === 1 ? 'Shard' : 'Shards'} ${missing.join(', ')} of ${total} sent no report (read: ${parts.map((p) => p.name).join(', ')}): ${missing.length === 1 ? 'its' : 'their'} pages were not scanned, so the run is incomplete (never a pass). Run the merge even when a shard's job fails, and re-run the failed shard.`,
      3,
    );
  }
  const ordered = [...byIndex.values()];
  const scanned = ordered.reduce((sum, p) => sum + p.shard.pages.length, 0);
  if (scanned !== of) {
    throw new GateError(`The shards scanned ${scanned} pages together, but each found ${of} to share out: the site changed between the shards' jobs. Scan the same build in every shard.`, 3);
  }
  // Sorted by path, not by URL: --static and --start served each shard on its own loopback port.
  const byPath = <T>(key: (item: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const starts = ordered.map((p) => Date.parse(p.run.startedAt));
  const ends = ordered.map((p) => Date.parse(p.run.startedAt) + p.run.durationMs);
  const { shard: _split, ...coverage } = first.run.coverage;
  return {
    tool: first.run.tool,
    data: first.run.data,
    browser: first.run.browser,
    startedAt: new Date(Math.min(...starts)).toISOString(),
    durationMs: Math.max(...ends) - Math.min(...starts),
    coverage: { ...coverage, scanned },
    target: {
      ...first.run.target,
      urls: ordered.flatMap((p) => p.run.target.urls).sort(byPath(pageKey)),
      files: Object.assign({}, ...ordered.map((p) => p.run.target.files)) as Record<string, string>,
    },
    pages: ordered.flatMap((p) => p.run.pages).sort(byPath((page) => pageKey(page.url))),
  };
}

/** A shard's own report must hold a result for each page it drew, and only pages of its part. */
function checkPart({ name, run }: ShardReport): Part {
  const shard = run.coverage.shard;
  if (!shard) {
    throw new GateError(`${name} is not a shard's report: it was scanned without --shard. merge-reports combines the reports of scan --shard 1/N … N/N; judge a whole run's report with: consent-gate judge ${name}`);
  }
  const strays = shard.pages.filter((path) => shardOfPath(path, shard.total) !== shard.index);
  if (run.pages.length !== shard.pages.length || strays.length > 0) {
    const why = strays.length > 0 ? `lists ${strays[0]}, which falls to shard ${shardOfPath(strays[0]!, shard.total)}` : `drew ${shard.pages.length} pages but holds results for ${run.pages.length}`;
    throw new GateError(`${name} is damaged or from another consent-gate version: shard ${shard.index} of ${shard.total} ${why}. Scan that shard again.`);
  }
  return { name, run, shard };
}
