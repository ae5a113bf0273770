// Every report format from one real result, checked against its schema or documented shape.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import { loadPolicy } from '../src/policy/load.js';
import { REPORT_FORMATS, reportFormat } from '../src/report/index.js';
import { writeReports } from '../src/report/write.js';
import { RunSecrets } from '../src/shared/secrets.js';
import type { GateResult } from '../src/types.js';
import { ROOT, serve, type Served } from './support/fixtures.js';
import { validateCodeQuality, validateJunit, validateSarif } from './support/schema.js';

let served: Served;
let result: GateResult;
/** The same shared-layout tag on three pages, served with --static and no policy file. */
let layout: GateResult;
const render = (name: string, of = result): string => reportFormat(name)!.render(of);
const LAYOUT = join(ROOT, 'test', 'fixtures', 'layout-site');
const junitDoc = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);

beforeAll(async () => {
  served = await serve();
  // A mix: new errors and warnings, one allowed finding, and one page that cannot be scanned.
  const folder = mkdtempSync(join(tmpdir(), 'cg-reports-'));
  writeFileSync(join(folder, 'consent-gate.json'), JSON.stringify({ allow: { hosts: [{ host: 'cdn.chatwidget.example', reason: 'support chat, <no> cookies & no storage' }] } }));
  result = await runGate({
    discover: { pages: ['ga4', 'unknown', 'clean', 'missing'].map((p) => `${served.url}${p}/`) },
    browserArgs: served.browserArgs,
    phases: ['initial'],
    policy: loadPolicy(join(folder, 'consent-gate.json')),
  });
});
afterAll(async () => served?.close());

describe('report formats', () => {
  it('SARIF validates against the SARIF 2.1.0 schema, with rules, fingerprints and suppressions', () => {
    const log = JSON.parse(render('sarif'));
    expect(validateSarif(log)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('tracking-cookie-before-consent');
    expect(run.results).toHaveLength(result.findings.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.partialFingerprints['consentGate/v2']).toMatch(/^[0-9a-f]{16}:\/[a-z0-9/]*$/);
      // The policy lies outside the working folder and the pages were not served from one: no file.
      expect(r.locations).toEqual([{ logicalLocations: [{ fullyQualifiedName: new URL(r.properties.page).pathname, kind: 'resource' }] }]);
    }
    const allowed = run.results.find((r: { properties: { status: string } }) => r.properties.status === 'allowed');
    expect(allowed.suppressions[0]).toMatchObject({ kind: 'external', justification: 'support chat, <no> cookies & no storage' });
  });

  it('a SARIF log with an invalid level fails the schema check, so a pass there means something', () => {
    const log = JSON.parse(render('sarif'));
    log.runs[0].results[0].level = 'warn';
    expect(validateSarif(log)).not.toBe(true);
  });

  it('JUnit XML validates against the JUnit XSD, one suite per page, failures for new errors and an error for the page that failed', async () => {
    const xml = render('junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(await validateJunit(xml)).toBe(true);
    const doc = junitDoc(xml);
    const suites = doc.testsuites.testsuite as { name: string; failures: string; errors: string; skipped: string; testcase: object[] }[];
    // Named by path: the loopback port changes on every run, the test's identity must not.
    expect(suites.map((s) => s.name)).toEqual(['/clean/', '/ga4/', '/missing/', '/unknown/']);
    expect(xml).not.toMatch(/127\.0\.0\.1:\d+\/[a-z]*\/?" /);
    const byPath = (path: string) => suites.find((s) => s.name === path)!;
    expect(byPath('/ga4/')).toMatchObject({ failures: '6', errors: '0' });
    expect(byPath('/unknown/')).toMatchObject({ failures: '0', skipped: '1' });
    expect(byPath('/clean/').testcase).toEqual([{ classname: '/clean/', name: 'no tracking before consent' }]);
    expect((byPath('/missing/').testcase as { name: string }[])[0]!.name).toBe('scan-error (initial): /missing/');
    expect(byPath('/missing/')).toMatchObject({ errors: '1' });
    expect(doc.testsuites).toMatchObject({ name: 'consent-gate', failures: '6', errors: '1' });
  });

  it('JUnit escapes each text once: a warning reads "_ga" after parsing, not &quot;_ga&quot;', () => {
    const xml = render('junit');
    expect(xml).not.toMatch(/&amp;(quot|amp|lt|gt);/);
    const cases = (junitDoc(xml).testsuites.testsuite as { testcase: { 'system-out'?: string }[] }[]).flatMap((s) => s.testcase);
    const warnings = cases.map((c) => c['system-out']).filter((out): out is string => out !== undefined);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.some((out) => out.startsWith('warn: Google Analytics (analytics) cookie "_ga"'))).toBe(true);
  });

  it('Code Quality has the fields GitLab documents, unique fingerprints, and leaves allowed findings out', () => {
    const issues = JSON.parse(render('codequality'));
    expect(validateCodeQuality(issues)).toBe(true);
    // No file to point at: the policy is outside the working folder, the pages were not served from one.
    expect(issues.every((i: { location: object }) => Object.keys(i.location).length === 0)).toBe(true);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.some((i: { check_name: string }) => i.check_name === 'unknown-third-party-before-consent')).toBe(false);
    expect(issues.find((i: { check_name: string }) => i.check_name === 'scan-error').severity).toBe('blocker');
  });

  it('Markdown puts the verdict first and lists new findings in a table, one row per cause', () => {
    const md = render('markdown').split('\n');
    expect(md[0]).toMatch(/^⚠️ \*\*consent-gate incomplete\*\*: 7 new error\(s\), 2 new warning\(s\) on 4 page\(s\)/);
    expect(md).toContain('| Cause | Pages | Visits | Findings | Companies |');
    // The allowed chat widget is left out: only new findings are rows.
    expect(md.filter((l) => /^\| (🔴|🟡) /.test(l))).toEqual([
      '| 🔴 The Google Analytics tag in /ga4/, line 3 | /ga4/ | initial | 5 errors, 2 warnings: cookie _ga, cookie _ga_TEST4242, request www.google-analytics.com, request www.googletagmanager.com | Google Analytics (analytics) |',
      '| 🔴 No consent banner | /ga4/ | initial | 1 error: banner missing |  |',
      expect.stringMatching(/^\| 🔴 \/missing\/ could not be scanned \| \/missing\/ \| initial \| 1 error: could not scan http:\/\/127\.0\.0\.1:\d+\/missing\/: the page answered HTTP 404 \|  \|$/),
    ]);
    // Rendered alone, it knows of no other file to point at.
    expect(md.at(-2)).toBe('Baselined: 0 · Allowed: 1 · Fixed since the baseline: 0');
  });

  it('Markdown written with other formats ends with where the full report is, and on CI where the run keeps it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-place-'));
    const local = writeReports(result, ['markdown', 'json', 'html'], { reportDir: dir }, dir, new RunSecrets()).files;
    // A folder outside the working folder by its own path, not by ../../
    expect(readFileSync(local.get('markdown')!, 'utf8').trimEnd().split('\n').at(-1)).toBe(`Full report: \`${dir}/consent-gate.html\`.`);
    const ci = writeReports(result, ['markdown', 'sarif', 'json'], { reportDir: 'out', runUrl: 'https://github.com/o/r/actions/runs/42' }, dir, new RunSecrets()).files;
    expect(readFileSync(ci.get('markdown')!, 'utf8').trimEnd().split('\n').at(-1)).toBe(
      `Full report: \`${dir}/out/consent-gate-report.json\` — on [the run's page](https://github.com/o/r/actions/runs/42) when the workflow uploads \`${dir}/out/\` as an artifact.`,
    );
  });

  it('every format renders the same result without a cookie value in it', () => {
    const values = result.pages.flatMap((p) => p.phases.flatMap((s) => s.cookies)).map((c) => c.valueHash);
    expect(values.length).toBeGreaterThan(0);
    for (const format of REPORT_FORMATS) {
      const text = format.render(result);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/GA1\.1\.\d+/);
    }
  });

  it('every format carries the chain from the page to the GA beacon (short, or in full), or the tag it starts at', () => {
    const short = '/ga4/ → www.googletagmanager.com/gtag/js?id=G-TEST4242 → www.google-analytics.com/g/collect';
    expect(render('console')).toContain(`↳ via ${short}`);
    expect(render('markdown')).toContain('| 🔴 The Google Analytics tag in /ga4/, line 3 |');
    const sarif = JSON.parse(render('sarif')).runs[0].results.find((r: { ruleId: string; message: { text: string } }) => r.ruleId === 'tracker-request-before-consent' && r.message.text.includes('google-analytics'));
    expect(sarif.message.text).toContain(`Loaded via ${short}.`);
    expect(sarif.properties.chain.map((l: { via: string }) => l.via)).toEqual(['page', 'html', 'script']);
    expect(JSON.parse(render('codequality')).some((i: { description: string }) => i.description.includes(`Loaded via ${short}.`))).toBe(true);
    expect(render('junit')).toMatch(/Chain from the page:\n {2}http:\/\/127\.0\.0\.1:\d+\/ga4\/ {2}\(the page\)\n {2}https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-TEST4242 {2}\(loaded by a tag in the HTML at line \d+ of the page\)/);
    expect(render('html')).toContain('<code>https://www.google-analytics.com/g/collect?v=2&amp;tid=G-TEST4242&amp;cid=&lt;redacted&gt;');
  });
});

describe('one layout tag on every page of a --static site, with no policy file', () => {
  beforeAll(async () => {
    layout = await runGate({ target: { static: LAYOUT }, browserArgs: served.browserArgs, phases: ['initial'] });
  });
  const files = ['contact/index.html', 'index.html', 'news/item.html'].map((file) => `test/fixtures/layout-site/${file}`);
  type SarifResult = { ruleId: string; message: { text: string }; partialFingerprints: Record<string, string>; locations: { physicalLocation?: object }[] };

  it('SARIF: one identity per page and subject, each placed at the tag in the page\'s own file', () => {
    const log = JSON.parse(render('sarif', layout));
    expect(validateSarif(log)).toBe(true);
    const results = log.runs[0].results as SarifResult[];
    expect(layout.pages).toHaveLength(3);
    expect(results).toHaveLength(layout.findings.length);
    // The same subjects on three pages: as many identities as results, not one per subject.
    expect(new Set(results.map((r) => r.partialFingerprints['consentGate/v2'])).size).toBe(results.length);
    const gtag = results.filter((r) => r.ruleId === 'tracker-request-before-consent' && r.message.text.includes('request(s) to www.googletagmanager.com'));
    const places = gtag.map((r) => r.locations[0]!.physicalLocation as { artifactLocation: { uri: string }; region: { startLine: number } });
    expect(places.map((p) => p.artifactLocation.uri).sort()).toEqual(files);
    expect(places.map((p) => p.region.startLine)).toEqual([4, 4, 4]);
    expect(JSON.stringify(log)).not.toContain('consent-gate.json');
  });

  it('Code Quality: the same identities, each issue in the page\'s own file', () => {
    const issues = JSON.parse(render('codequality', layout)) as { fingerprint: string; location: { path: string } }[];
    expect(validateCodeQuality(issues)).toBe(true);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect([...new Set(issues.map((i) => i.location.path))].sort()).toEqual(files);
  });

  it('JUnit: suites and tests named by page path, the same on every run', async () => {
    const xml = render('junit', layout);
    expect(await validateJunit(xml)).toBe(true);
    const suites = junitDoc(xml).testsuites.testsuite as { name: string; testcase: { classname: string }[] }[];
    expect(suites.map((s) => s.name).sort()).toEqual(['/', '/contact/', '/news/item.html']);
    for (const suite of suites) expect(new Set(suite.testcase.map((c) => c.classname))).toEqual(new Set([suite.name]));
  });

  it('Markdown: one row per cause, with the pages it was seen on', () => {
    const rows = render('markdown', layout).split('\n').filter((line) => /^\| (🔴|🟡) /.test(line));
    // The layout's tag on three pages is one cause (named by the first page's file); the missing banner
    // and the missing policy link are the other, about the consent setup.
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 🔴 The Google Analytics tag in test\/fixtures\/layout-site\/[a-z/]*index\.html, line 4 \(and 2 other pages\) \| \/, \/contact\/, \/news\/item\.html \| initial \| \d+ errors, \d+ warnings: cookie _ga, /);
    expect(rows[1]).toBe('| 🔴 No consent banner | /, /contact/, /news/item.html | initial | 3 errors, 1 warning: banner missing, cookie policy link |  |');
  });

  it('HTML: one entry per thing to fix listing its pages, titled by the folder, with no dead loopback address', () => {
    const html = render('html', layout);
    const entries = html.split('<div class="finding ').slice(1);
    expect(entries.length).toBeLessThan(layout.findings.length);
    const ga = entries.filter((e) => e.includes('Tracking cookie before consent: cookie _ga</h4>'));
    expect(ga).toHaveLength(1);
    expect(ga[0]).toMatch(/<p class="pages">On 3 pages: <a href="#page-\d">\/<\/a>, <a href="#page-\d">\/contact\/<\/a>, <a href="#page-\d">\/news\/item\.html<\/a><\/p>/);
    expect(html).toContain('<title>Consent check failed: test/fixtures/layout-site · consent-gate</title>');
    expect(html).toContain('<h1>Consent check failed: test/fixtures/layout-site</h1>');
    expect(html).toContain('<span class="meta">test/fixtures/layout-site/news/item.html</span>');
    expect(html).not.toMatch(/127\.0\.0\.1:\d+/);
  });
});
