// merge-reports without a browser: the shards of one run combine into what one unsharded run judges
// to, and anything less than every shard of one run is refused, never passed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../src/discover/index.js';
import { takeShard } from '../src/discover/shard.js';
import { judgeSaved } from '../src/entry/judge.js';
import { mergeReports } from '../src/entry/merge-reports.js';
import { defaultPolicy } from '../src/policy/load.js';
import { formatJson } from '../src/report/json.js';
import type { GateResult } from '../src/types.js';
import type { SavedRun } from '../src/verdict/judge.js';
import { combineShards, type ShardReport } from '../src/verdict/shards.js';
import { cookie, page, scan } from './support/scans.js';
import { validateReport } from './support/schema.js';

const folder = mkdtempSync(join(tmpdir(), 'cg-merge-'));
const policy = defaultPolicy(folder);
const URLS = ['/', '/shop/', '/shop/cart/', '/about/', '/contact/', '/news/', '/news/1/', '/jobs/'].map((path) => `https://example.org${path}`);

/** A page as a scan records it: the shop pages set a GA cookie before consent, one page did not load. */
function pageOf(url: string, broken: string | null) {
  if (url === broken) return page(scan({ url, error: 'the page answered HTTP 503' }));
  return page(scan({ url, cookies: url.includes('/shop/') ? [cookie('_ga', 'analytics', { days: 730 })] : [] }));
}

function run(urls: string[], pages: string[], coverage = coverageOf(urls.length, []), broken: string | null = null): SavedRun {
  return {
    tool: { name: 'consent-gate', version: '0.1.0' },
    data: { thirdPartyWeb: '1', openCookieDatabase: '1' },
    browser: { executable: 'chromium', version: '1' },
    startedAt: '2026-11-30T10:00:00.000Z',
    durationMs: 1000,
    coverage,
    target: { urls: pages, name: 'example.org', ephemeral: false, files: {} },
    pages: pages.map((url) => pageOf(url, broken)),
  };
}

/** Shard `index` of `total` of URLS, as `scan --shard index/total` would save it. */
function shard(index: number, total: number, options: { settings?: object; urls?: string[]; broken?: string } = {}): ShardReport {
  const urls = options.urls ?? URLS;
  const split = takeShard(urls, { index, total }, options.settings ?? { phases: ['initial'] });
  return { name: `shard-${index}.json`, run: run(urls, split.urls, coverageOf(urls.length, [], split.coverage), options.broken ?? null) };
}

const shards = (total: number): ShardReport[] => Array.from({ length: total }, (_, i) => shard(i + 1, total));
const comparable = (result: GateResult) => ({ verdict: result.verdict, findings: [...result.findings].sort((a, b) => (a.page + a.fingerprint < b.page + b.fingerprint ? -1 : 1)) });

describe('combineShards', () => {
  it('gives the verdict and findings of one unsharded run', () => {
    const whole = judgeSaved(run(URLS, URLS), policy);
    expect(whole.verdict.status).toBe('failed');
    for (const total of [2, 3]) {
      const merged = combineShards(shards(total));
      expect(merged.pages.map((p) => p.url).sort()).toEqual([...URLS].sort());
      expect(merged.coverage).toEqual({ found: URLS.length, scanned: URLS.length, leftOut: [] });
      expect(comparable(judgeSaved(merged, policy))).toEqual(comparable(whole));
    }
  });

  it('stops with exit 3 when a shard sent no report', () => {
    const [one, , three] = shards(3);
    expect(() => combineShards([one!, three!])).toThrow(expect.objectContaining({ exitCode: 3, message: expect.stringMatching(/^Shard 2 of 3 sent no report \(read: shard-1\.json, shard-3\.json\): its pages were not scanned/) }));
    expect(() => combineShards([])).toThrow(expect.objectContaining({ exitCode: 3 }));
  });

  it('refuses (exit 2) a shard given twice, shards of different splits, and shards of different runs', () => {
    const [one, two] = shards(2);
    expect(() => combineShards([one!, two!, { ...two!, name: 'again.json' }])).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining('Shard 2 of 2 was given twice (shard-2.json and again.json)') }));
    expect(() => combineShards([one!, shard(2, 3)])).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining('shard-2.json is shard 2 of 3, but shard-1.json is shard 1 of 2') }));
    const otherPhases = shard(2, 2, { settings: { phases: ['initial', 'after-accept'] } });
    expect(() => combineShards([one!, otherPhases])).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining('shard-2.json is not from the same run as shard-1.json: the settings') }));
    const grown = shard(2, 2, { urls: [...URLS, 'https://example.org/new/'] });
    expect(() => combineShards([one!, grown])).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining('the pages found differ') }));
  });

  it('refuses a report made without --shard, and a shard whose results do not match its pages', () => {
    const [one, two] = shards(2);
    expect(() => combineShards([one!, { name: 'whole.json', run: run(URLS, URLS) }])).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining("whole.json is not a shard's report") }));
    const cut = { ...two!, run: { ...two!.run, pages: two!.run.pages.slice(1) } };
    expect(() => combineShards([one!, cut])).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/shard-2\.json is damaged .* drew \d+ pages but holds results for \d+/) }));
  });

  it('keeps a shard\'s own incompleteness: a page it could not scan makes the merged run incomplete', () => {
    const [one, two] = shards(2);
    const broken = two!.run.pages[0]!.url;
    const merged = judgeSaved(combineShards([one!, shard(2, 2, { broken })]), policy);
    expect(merged.verdict).toMatchObject({ status: 'incomplete', exitCode: 3, scanErrors: 1 });
  });
});

describe('mergeReports over files and folders', () => {
  /** Writes each shard's JSON report as --format json --report-dir <dir>/shard-N would. */
  function write(dir: string, reports: ShardReport[]): string {
    for (const [i, { run: saved }] of reports.entries()) {
      const json = formatJson(judgeSaved(saved, policy));
      expect(validateReport(JSON.parse(json))).toBe(true);
      mkdirSync(join(dir, `shard-${i + 1}`), { recursive: true });
      writeFileSync(join(dir, `shard-${i + 1}`, 'consent-gate-report.json'), json);
    }
    return dir;
  }

  it('finds each shard\'s consent-gate-report.json in the folders given and judges them once', () => {
    const dir = write(mkdtempSync(join(folder, 'all-')), shards(3));
    expect(comparable(mergeReports([dir], policy))).toEqual(comparable(judgeSaved(run(URLS, URLS), policy)));
  });

  it('fails closed on a folder without reports (exit 3), a shard missing (exit 3) and a report that does not validate (exit 2)', () => {
    const empty = mkdtempSync(join(folder, 'empty-'));
    expect(() => mergeReports([empty], policy)).toThrow(expect.objectContaining({ exitCode: 3, message: expect.stringContaining('holds no consent-gate-report.json: no shard reported') }));
    const partial = write(mkdtempSync(join(folder, 'partial-')), shards(3).slice(0, 2));
    expect(() => mergeReports([partial], policy)).toThrow(expect.objectContaining({ exitCode: 3, message: expect.stringContaining('Shard 3 of 3 sent no report') }));
    const bad = join(write(mkdtempSync(join(folder, 'bad-')), shards(2)), 'shard-2', 'consent-gate-report.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, tool: { name: 'consent-gate' } }));
    expect(() => mergeReports([join(bad, '..', '..')], policy)).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining('is not a consent-gate JSON report') }));
  });
});
