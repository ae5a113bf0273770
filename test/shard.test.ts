// --shard I/N without a browser: reading the flag, the split of a page list, and what a shard that drew no page says.
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf, takeShard } from '../src/discover/shard.js';
import { parseCli } from '../src/entry/args.js';
import { coverageLine } from '../src/report/text/coverage.js';
import { decideVerdict } from '../src/verdict/verdict.js';

const site = (origin: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${origin}/page-${i}/`);

describe('parseShard', () => {
  it('reads I/N', () => {
    expect(parseShard('2/3', '--shard')).toEqual({ index: 2, total: 3 });
    expect(parseShard('1/1', '--shard')).toEqual({ index: 1, total: 1 });
  });

  it.each(['0/3', '4/3', '1/0', '1', '1/2/3', 'a/b', '-1/3', '1.5/3', ''])('refuses "%s", naming the flag and the form', (value) => {
    expect(() => parseShard(value, '--shard')).toThrow(/^--shard takes I\/N, whole numbers with 1 ≤ I ≤ N \(the second of three shards is 2\/3\); got/);
  });

  it('is a scan flag, and a usage error (exit 2) with baseline', () => {
    expect(parseCli(['scan', 'https://example.org/', '--shard', '1/2'])).toMatchObject({ flags: { shard: { index: 1, total: 2 } } });
    expect(() => parseCli(['scan', 'https://example.org/', '--shard', '3/2'])).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining('--shard takes I/N') }));
    expect(() => parseCli(['baseline', 'https://example.org/', '--shard', '1/2'])).toThrow('--shard goes with the scan command, not baseline');
  });
});

describe('the split', () => {
  const pages = site('https://example.org', 300);

  it('puts every page in exactly one shard', () => {
    const parts = [1, 2, 3].map((index) => takeShard(pages, { index, total: 3 }, {}).urls);
    expect(parts.flat().sort()).toEqual([...pages].sort());
  });

  it('is the same on every runner: by path, whatever the origin or port', () => {
    const elsewhere = site('http://127.0.0.1:41297', 300);
    expect(pages.map((url) => shardOf(url, 4))).toEqual(elsewhere.map((url) => shardOf(url, 4)));
  });

  it('keeps each page in its shard when a page is added or removed', () => {
    const before = pages.map((url) => shardOf(url, 3));
    const grown = ['https://example.org/a-new-page/', ...pages];
    expect(grown.slice(1).map((url) => shardOf(url, 3))).toEqual(before);
    const mine = takeShard(pages, { index: 2, total: 3 }, {}).urls;
    expect(takeShard(grown, { index: 2, total: 3 }, {}).urls.filter((url) => url !== grown[0])).toEqual(mine);
  });

  it('is balanced enough: each of 3 shards gets a fair part of 300 pages', () => {
    const sizes = [1, 2, 3].map((index) => takeShard(pages, { index, total: 3 }, {}).urls.length);
    for (const size of sizes) expect(size).toBeGreaterThan(70);
  });

  it('records shard I of N, the pages before the split and its own by path, and a settings digest', () => {
    const { coverage } = takeShard(site('https://example.org', 4), { index: 1, total: 2 }, { phases: ['initial'] });
    expect(coverage).toMatchObject({ index: 1, total: 2, of: 4 });
    for (const path of coverage.pages) expect(path).toMatch(/^\/page-\d\/$/);
    expect(coverage.settings).toBe(takeShard([], { index: 2, total: 2 }, { phases: ['initial'] }).coverage.settings);
    expect(coverage.settings).not.toBe(takeShard([], { index: 2, total: 2 }, { phases: ['initial', 'after-accept'] }).coverage.settings);
  });
});

describe('a shard that drew no page', () => {
  const empty = { index: 3, total: 3, of: 2, pages: [], settings: 'x' };

  it('passes and says why, where a run without --shard that scanned nothing is incomplete', () => {
    expect(decideVerdict([], 0, 'error', 0, empty)).toMatchObject({ status: 'passed', exitCode: 0, reason: 'shard 3 of 3: 0 of the 2 pages to scan, so nothing to scan here; merge-reports checks that the shards together scanned every page' });
    expect(decideVerdict([], 0, 'error', 0)).toMatchObject({ status: 'incomplete', exitCode: 3 });
  });

  it('does not count the other shards\' pages as left out', () => {
    expect(coverageLine({ found: 5, scanned: 0, leftOut: [], shard: { ...empty, of: 4 } })).toBe('5 pages found, 0 scanned, 1 left out (shard 3 of 3: 0 of the 4 pages to scan, so nothing to scan here; merge-reports checks that the shards together scanned every page)');
  });
});
