// Adopting the gate on a site that is not clean yet: baseline today's findings, fail only on new ones.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBaseline } from '../src/baseline/file.js';
import { RunSecrets } from '../src/shared/secrets.js';
import { runGate } from '../src/gate.js';
import { browserFlags, runCli } from './support/cli.js';
import { SITES, serve, type Served } from './support/fixtures.js';

let project: string;
let site: Served;
let url: string;
let flags: string[];

const PIXEL = '<script async src="https://connect.facebook.net/en_US/fbevents.js"></script>';
const page = (): string => join(project, 'site', 'index.html');
const baselineFile = (): { version: number; findings: Record<string, { rule: string; pages: string[]; firstSeen: string; note: string; subject: object }> } =>
  JSON.parse(readFileSync(join(project, 'consent-gate.baseline.json'), 'utf8'));

beforeAll(async () => {
  // A project folder with its own policy, and a site we can change between scans.
  project = mkdtempSync(join(tmpdir(), 'cg-baseline-'));
  mkdirSync(join(project, 'site'));
  cpSync(join(SITES, 'ga4', 'index.html'), page());
  cpSync(join(SITES, 'cookies.html'), join(project, 'site', 'cookies.html'));
  writeFileSync(join(project, 'consent-gate.json'), JSON.stringify({ jurisdiction: 'eu' }));
  site = await serve(join(project, 'site'));
  url = site.url;
  // The baseline mechanics are what is tested here: the first visit is enough.
  flags = [...browserFlags(site.browserArgs), '--phases', 'initial'];
});
afterAll(async () => site?.close());

describe('the baseline', () => {
  it('round-trips: baseline, then the same scan passes, then a new tracker fails with only its findings', async () => {
    const first = await runCli(['baseline', url, ...flags], { cwd: project });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Baseline written: consent-gate.baseline.json');
    const entries = Object.values(baselineFile().findings);
    expect(entries.map((e) => e.rule).sort()).toEqual([
      'consent-banner-missing',
      'cookie-lifetime-too-long',
      'cookie-lifetime-too-long',
      'identifier-sent-to-third-party',
      'tracker-request-before-consent',
      'tracker-request-before-consent',
      'tracking-cookie-before-consent',
      'tracking-cookie-before-consent',
    ]);
    // Paths, not preview URLs; today's date; an empty note for people to fill in.
    expect(entries.every((e) => e.pages.join() === '/' && /^\d{4}-\d{2}-\d{2}$/.test(e.firstSeen) && e.note === '')).toBe(true);

    const same = await runCli(['scan', url, ...flags], { cwd: project });
    expect(same.code).toBe(0);
    // The page's own progress line is judged with the baseline too: no "new errors" before a PASSED.
    expect(same.stderr).toMatch(/^\[1\/1\] \S+ +[\d.]+ s {2}ok, 0 new \(8 baselined\)$/m);
    expect(same.stdout).toMatch(/^PASSED: 0 new errors, 0 new warnings · 8 baselined — no new errors \(exit 0\)$/m);

    writeFileSync(page(), readFileSync(page(), 'utf8').replace('</head>', `${PIXEL}\n</head>`));
    const worse = await runCli(['scan', url, '--format', 'json', '--output', join(project, 'report.json'), ...flags], { cwd: project });
    expect(worse.code).toBe(1);
    const report = JSON.parse(readFileSync(join(project, 'report.json'), 'utf8'));
    const fresh = report.findings.filter((f: { status: string }) => f.status === 'new');
    expect(fresh.map((f: { subject: { name?: string; host?: string } }) => f.subject.name ?? f.subject.host).sort()).toEqual([
      '_fbp',
      '_fbp',
      'connect.facebook.net',
      'fr',
      'www.facebook.com',
    ]);
    expect(report.verdict).toMatchObject({ status: 'failed', errors: 5, baselined: 8 });
  });

  it('reports entries no longer seen as fixed, and --prune removes them, keeping notes', async () => {
    // Record the pixel too, and leave a note on one entry as a person would.
    expect((await runCli(['baseline', url, ...flags], { cwd: project })).code).toBe(0);
    const withNote = baselineFile();
    const gaCookie = Object.entries(withNote.findings).find(([, e]) => e.rule === 'tracking-cookie-before-consent' && JSON.stringify(e.subject).includes('"_ga"'))!;
    gaCookie[1].note = 'Marketing removes GA in ticket WEB-123';
    writeFileSync(join(project, 'consent-gate.baseline.json'), JSON.stringify(withNote));

    writeFileSync(page(), readFileSync(page(), 'utf8').replace(PIXEL, ''));
    const fixed = await runCli(['scan', url, ...flags], { cwd: project });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('Fixed since the baseline (5); remove them with consent-gate baseline --prune:');
    expect(fixed.stdout).toMatch(/· 8 baselined · 5 fixed — no new errors/);

    const pruned = await runCli(['baseline', '--prune', url, ...flags], { cwd: project });
    expect(pruned.code).toBe(0);
    const after = baselineFile();
    expect(Object.keys(after.findings)).toHaveLength(8);
    expect(after.findings[gaCookie[0]]!.note).toBe('Marketing removes GA in ticket WEB-123');
    expect(readFileSync(join(project, 'consent-gate.baseline.json'), 'utf8')).toMatch(/^\{\n  "findings": \{\n/);
  });

  it('gives the same fingerprints on two different preview hosts', async () => {
    const ga4 = `${url.replace('127.0.0.1', 'localhost')}`;
    const result = await runGate({ discover: { pages: [url, ga4] }, browserArgs: site.browserArgs, phases: ['initial'] });
    const byPage = (page: string) => result.findings.filter((f) => f.page === page).map((f) => f.fingerprint).sort();
    expect(byPage(url)).toHaveLength(8);
    expect(byPage(ga4)).toEqual(byPage(url));
  });

  it('is not written when a page could not be scanned, and stays as it was', async () => {
    const before = readFileSync(join(project, 'consent-gate.baseline.json'), 'utf8');
    const run = await runCli(['baseline', '--prune', url, `${url}missing.html`, ...flags], { cwd: project });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('the baseline was not written');
    expect(readFileSync(join(project, 'consent-gate.baseline.json'), 'utf8')).toBe(before);
  });

  it('keeps the old file intact when a write fails', () => {
    const path = join(project, 'consent-gate.baseline.json');
    const before = readFileSync(path, 'utf8');
    // The temporary file's name is taken by a folder: the write cannot happen.
    mkdirSync(join(project, `.consent-gate.baseline.json.${process.pid}.tmp`));
    expect(() => writeBaseline(path, { version: 1, findings: {} }, new RunSecrets())).toThrow(/Could not write .*consent-gate\.baseline\.json/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('rejects a baseline that is not one, before scanning', async () => {
    writeFileSync(join(project, 'broken.json'), '{"findings": []}');
    const run = await runCli(['scan', url, '--baseline', 'broken.json', ...flags], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('broken.json: not a consent-gate baseline');
  });
});
