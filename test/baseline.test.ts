// Adopting the gate on a site that is not clean yet: baseline today's findings, fail only on new ones.
// Each test has a project folder and a served site of its own: none needs what another left behind.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeBaseline } from '../src/baseline/file.js';
import { RunSecrets } from '../src/shared/secrets.js';
import { runGate } from '../src/gate.js';
import { browserFlags, runCli } from './support/cli.js';
import { SITES, serve } from './support/fixtures.js';

const PIXEL = '<script async src="https://connect.facebook.net/en_US/fbevents.js"></script>';
const BASELINE = 'consent-gate.baseline.json';

interface Project {
  dir: string;
  url: string;
  /** CLI flags: the vendor stand-ins, and the first visit only (the baseline mechanics are what is tested). */
  flags: string[];
  /** The GA4 page the site serves, to change between scans. */
  page: string;
  browserArgs: string[];
}

/** A project folder with its own policy and a GA4 page (with the Meta pixel when asked), served until the test ends. */
async function project(withPixel = false): Promise<Project> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-baseline-'));
  mkdirSync(join(dir, 'site'));
  const page = join(dir, 'site', 'index.html');
  const ga4 = readFileSync(join(SITES, 'ga4', 'index.html'), 'utf8');
  writeFileSync(page, withPixel ? ga4.replace('</head>', `${PIXEL}\n</head>`) : ga4);
  cpSync(join(SITES, 'cookies.html'), join(dir, 'site', 'cookies.html'));
  writeFileSync(join(dir, 'consent-gate.json'), JSON.stringify({ jurisdiction: 'eu' }));
  const site = await serve(join(dir, 'site'));
  onTestFinished(() => site.close());
  return { dir, url: site.url, flags: [...browserFlags(site.browserArgs), '--phases', 'initial'], page, browserArgs: site.browserArgs };
}

const baselineFile = (dir: string): { version: number; findings: Record<string, { rule: string; pages: string[]; firstSeen: string; note: string; subject: object }> } =>
  JSON.parse(readFileSync(join(dir, BASELINE), 'utf8'));

/** The GA4 page's findings on the first visit, by rule: the ones a baseline of it records. */
const GA4_RULES = [
  'consent-banner-missing',
  'cookie-lifetime-too-long',
  'cookie-lifetime-too-long',
  'identifier-sent-to-third-party',
  'tracker-request-before-consent',
  'tracker-request-before-consent',
  'tracking-cookie-before-consent',
  'tracking-cookie-before-consent',
];

describe('the baseline', () => {
  it('round-trips: baseline, then the same scan passes, then a new tracker fails with only its findings', async () => {
    const { dir, url, flags, page } = await project();
    const first = await runCli(['baseline', url, ...flags], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Baseline written: consent-gate.baseline.json');
    const entries = Object.values(baselineFile(dir).findings);
    expect(entries.map((e) => e.rule).sort()).toEqual(GA4_RULES);
    // Paths, not preview URLs; today's date; an empty note for people to fill in.
    expect(entries.every((e) => e.pages.join() === '/' && /^\d{4}-\d{2}-\d{2}$/.test(e.firstSeen) && e.note === '')).toBe(true);

    const same = await runCli(['scan', url, ...flags], { cwd: dir });
    expect(same.code).toBe(0);
    // The page's own progress line is judged with the baseline too: no "new errors" before a PASSED.
    expect(same.stderr).toMatch(/^\[1\/1\] \S+ +[\d.]+ s {2}ok, 0 new \(8 baselined\)$/m);
    expect(same.stdout).toMatch(/^PASSED: 0 new errors, 0 new warnings · 8 baselined — no new errors \(exit 0\)$/m);

    writeFileSync(page, readFileSync(page, 'utf8').replace('</head>', `${PIXEL}\n</head>`));
    const worse = await runCli(['scan', url, '--format', 'json', '--output', join(dir, 'report.json'), ...flags], { cwd: dir });
    expect(worse.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
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
    // Record GA4 and the pixel, and leave a note on one entry as a person would.
    const { dir, url, flags, page } = await project(true);
    expect((await runCli(['baseline', url, ...flags], { cwd: dir })).code).toBe(0);
    const withNote = baselineFile(dir);
    expect(Object.keys(withNote.findings)).toHaveLength(GA4_RULES.length + 5);
    const gaCookie = Object.entries(withNote.findings).find(([, e]) => e.rule === 'tracking-cookie-before-consent' && JSON.stringify(e.subject).includes('"_ga"'))!;
    gaCookie[1].note = 'Marketing removes GA in ticket WEB-123';
    writeFileSync(join(dir, BASELINE), JSON.stringify(withNote));

    writeFileSync(page, readFileSync(page, 'utf8').replace(PIXEL, ''));
    const fixed = await runCli(['scan', url, ...flags], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('Fixed since the baseline (5); remove them with consent-gate baseline --prune:');
    expect(fixed.stdout).toMatch(/· 8 baselined · 5 fixed — no new errors/);

    const pruned = await runCli(['baseline', '--prune', url, ...flags], { cwd: dir });
    expect(pruned.code).toBe(0);
    const after = baselineFile(dir);
    expect(Object.values(after.findings).map((e) => e.rule).sort()).toEqual(GA4_RULES);
    expect(after.findings[gaCookie[0]]!.note).toBe('Marketing removes GA in ticket WEB-123');
    expect(readFileSync(join(dir, BASELINE), 'utf8')).toMatch(/^\{\n  "findings": \{\n/);
  });

  it('gives the same fingerprints on two different preview hosts', async () => {
    const { url, browserArgs } = await project();
    const ga4 = `${url.replace('127.0.0.1', 'localhost')}`;
    const result = await runGate({ discover: { pages: [url, ga4] }, browserArgs, phases: ['initial'] });
    const byPage = (page: string) => result.findings.filter((f) => f.page === page).map((f) => f.fingerprint).sort();
    expect(byPage(url)).toHaveLength(GA4_RULES.length);
    expect(byPage(ga4)).toEqual(byPage(url));
  });

  it('is not written when a page could not be scanned, and stays as it was', async () => {
    const { dir, url, flags } = await project();
    // An entry --prune would drop, were the baseline written: a finding this page does not have.
    const known = { version: 1 as const, findings: { '0123456789abcdef': { rule: 'tracking-cookie-before-consent', phase: 'initial' as const, subject: { kind: 'cookie' as const, name: '_fbp', host: '127.0.0.1' }, vendor: 'Facebook', pages: ['/'], firstSeen: '2026-01-01', note: '' } } };
    writeBaseline(join(dir, BASELINE), known, new RunSecrets());
    const before = readFileSync(join(dir, BASELINE), 'utf8');
    const run = await runCli(['baseline', '--prune', url, `${url}missing.html`, ...flags], { cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('the baseline was not written');
    expect(readFileSync(join(dir, BASELINE), 'utf8')).toBe(before);
  });

  it('keeps the old file intact when a write fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-baseline-'));
    const path = join(dir, BASELINE);
    writeBaseline(path, { version: 1, findings: {} }, new RunSecrets());
    const before = readFileSync(path, 'utf8');
    // The temporary file's name is taken by a folder: the write cannot happen.
    mkdirSync(join(dir, `.consent-gate.baseline.json.${process.pid}.tmp`));
    expect(() => writeBaseline(path, { version: 1, findings: { '0123456789abcdef': { rule: 'scan-error', phase: 'initial', subject: { kind: 'page' }, vendor: null, pages: ['/'], firstSeen: '2026-01-01', note: '' } } }, new RunSecrets())).toThrow(/Could not write .*consent-gate\.baseline\.json/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('rejects a baseline that is not one, before scanning', async () => {
    const { dir, url, flags } = await project();
    writeFileSync(join(dir, 'broken.json'), '{"findings": []}');
    const run = await runCli(['scan', url, '--baseline', 'broken.json', ...flags], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('broken.json: not a consent-gate baseline');
  });
});
