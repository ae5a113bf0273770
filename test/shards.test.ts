// A site scanned as two shards (two CLI runs, each on its own loopback port, as on two runners) and
// merged gives what one unsharded run gives; a shard without a report fails the merge.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, vendorFlagsForFile, type CliRun } from './support/cli.js';
import { ROOT } from './support/fixtures.js';
import type { Finding, GateResult } from '../src/types.js';

const vendorFlags = vendorFlagsForFile();
const SITE = join(ROOT, 'examples', 'site');
const out = mkdtempSync(join(tmpdir(), 'cg-shards-'));
const SCAN_MS = 120_000;

const scan = (extra: string[], dir: string): Promise<CliRun> =>
  runCli(['scan', '--static', SITE, '--phases', 'initial', '--format', 'json', '--report-dir', join(out, dir), '-q', ...extra, ...vendorFlags()], { timeoutMs: SCAN_MS });
const report = (dir: string): GateResult => JSON.parse(readFileSync(join(out, dir, 'consent-gate-report.json'), 'utf8'));
const path = (url: string): string => new URL(url).pathname;
/** What a finding says, with its page by path: each run served the site on its own port. */
const said = (f: Finding) => ({ rule: f.rule, severity: f.severity, status: f.status, page: path(f.page), phase: f.phase, subject: f.subject, fingerprint: f.fingerprint });
const sorted = (findings: Finding[]) => findings.map(said).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

const runs: Record<string, CliRun> = {};
beforeAll(async () => {
  // One after another: the machine is shared, and the shards' ports differ anyway.
  runs['whole'] = await scan([], 'whole');
  runs['shard-1'] = await scan(['--shard', '1/2'], 'shard-1');
  runs['shard-2'] = await scan(['--shard', '2/2'], 'shard-2');
}, 3 * SCAN_MS + 10_000);

describe('scan --shard, then merge-reports', () => {
  it('splits the pages between the shards, each recording its part', () => {
    const whole = report('whole');
    expect(runs['whole']!.code).toBe(1);
    const parts = [report('shard-1'), report('shard-2')];
    for (const [i, part] of parts.entries()) {
      expect(part.coverage.shard).toMatchObject({ index: i + 1, total: 2, of: whole.target.urls.length });
      expect(part.pages.map((p) => path(p.url)).sort()).toEqual([...part.coverage.shard!.pages].sort());
    }
    // Both shards have pages here, so the merge below really combines two runs.
    expect(parts.map((p) => p.pages.length).every((n) => n > 0)).toBe(true);
    expect(parts.flatMap((p) => p.coverage.shard!.pages).sort()).toEqual(whole.target.urls.map(path).sort());
  });

  it('merges into the verdict and findings of the unsharded run', async () => {
    const merged = await runCli(['merge-reports', join(out, 'shard-1'), join(out, 'shard-2'), '--format', 'console,json', '--report-dir', join(out, 'merged')], { timeoutMs: 30_000 });
    const whole = report('whole');
    const result = report('merged');
    expect(merged.code).toBe(runs['whole']!.code);
    expect(result.verdict).toEqual(whole.verdict);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(sorted(result.findings)).toEqual(sorted(whole.findings));
    expect(result.coverage).toEqual(whole.coverage);
    expect(merged.stdout).toContain(`pages: ${whole.target.urls.length} pages found, ${whole.target.urls.length} scanned, none left out`);
  });

  it('fails with exit 3 when a shard sent no report, naming it', async () => {
    const merged = await runCli(['merge-reports', join(out, 'shard-1')], { timeoutMs: 30_000 });
    expect(merged.code).toBe(3);
    expect(merged.stderr).toContain('consent-gate: Shard 2 of 2 sent no report');
    expect(merged.stdout).not.toContain('PASSED');
  });
});
