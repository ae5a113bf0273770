// Every report format from one real result, checked against its schema or documented shape.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ajv2020 from 'ajv/dist/2020.js';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import { loadPolicy } from '../src/policy/load.js';
import { REPORT_FORMATS, reportFormat } from '../src/report/index.js';
import type { GateResult } from '../src/types.js';
import { ROOT, serve, type Served } from './support/fixtures.js';

let served: Served;
let result: GateResult;
const render = (name: string): string => reportFormat(name)!.render(result);

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
    // The schema has one pattern that is only valid outside Unicode mode.
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')));
    expect(validate.errors ?? validate(log)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('tracking-cookie-before-consent');
    expect(run.results).toHaveLength(result.findings.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.partialFingerprints['consentGate/v1']).toMatch(/^[0-9a-f]{16}$/);
    }
    const allowed = run.results.find((r: { properties: { status: string } }) => r.properties.status === 'allowed');
    expect(allowed.suppressions[0]).toMatchObject({ kind: 'external', justification: 'support chat, <no> cookies & no storage' });
  });

  it('JUnit XML is well-formed, one suite per page, failures for new errors and an error for the page that failed', () => {
    const xml = render('junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const suites = doc.testsuites.testsuite as { name: string; failures: string; errors: string; skipped: string; testcase: object[] }[];
    expect(suites.map((s) => new URL(s.name).pathname)).toEqual(['/clean/', '/ga4/', '/missing/', '/unknown/']);
    const byPath = (path: string) => suites.find((s) => s.name.endsWith(path))!;
    expect(byPath('/ga4/')).toMatchObject({ failures: '5', errors: '0' });
    expect(byPath('/unknown/')).toMatchObject({ failures: '0', skipped: '1' });
    expect(byPath('/clean/').testcase).toEqual([{ classname: `${served.url}clean/`, name: 'no tracking before consent' }]);
    expect(byPath('/missing/')).toMatchObject({ errors: '1' });
    expect(doc.testsuites).toMatchObject({ name: 'consent-gate', failures: '5', errors: '1' });
  });

  it('Code Quality has the fields GitLab documents, unique fingerprints, and leaves allowed findings out', () => {
    const issues = JSON.parse(render('codequality'));
    const ajv = new ajv2020.default({ allErrors: true, strict: true });
    // GitLab's documented shape for artifacts:reports:codequality.
    const validate = ajv.compile({
      type: 'array',
      items: {
        type: 'object',
        required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
        properties: {
          description: { type: 'string', minLength: 1 },
          check_name: { type: 'string', minLength: 1 },
          fingerprint: { type: 'string', minLength: 1 },
          severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
          location: {
            type: 'object',
            required: ['path', 'lines'],
            properties: { path: { type: 'string', minLength: 1 }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } },
          },
        },
      },
    });
    expect(validate.errors ?? validate(issues)).toBe(true);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.some((i: { check_name: string }) => i.check_name === 'unknown-third-party-before-consent')).toBe(false);
    expect(issues.find((i: { check_name: string }) => i.check_name === 'scan-error').severity).toBe('blocker');
  });

  it('Markdown puts the verdict first and lists new findings in a table', () => {
    const md = render('markdown').split('\n');
    expect(md[0]).toMatch(/^⚠️ \*\*consent-gate incomplete\*\*: 6 new error\(s\), 2 new warning\(s\) on 4 page\(s\)/);
    expect(md).toContain('| Page | Phase | Rule | Subject | Vendor | Loaded via |');
    expect(md.filter((l) => l.startsWith('| /'))).toHaveLength(8);
    expect(md.at(-2)).toBe('Baselined: 0 · Allowed: 1 · Fixed since the baseline: 0');
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

  it('every format carries the chain from the page to the GA beacon: short, or in full', () => {
    const short = '/ga4/ → www.googletagmanager.com/gtag/js?id=G-TEST4242 → www.google-analytics.com/g/collect';
    expect(render('console')).toContain(`↳ via ${short}`);
    expect(render('markdown')).toContain(short);
    const sarif = JSON.parse(render('sarif')).runs[0].results.find((r: { ruleId: string; message: { text: string } }) => r.ruleId === 'tracker-request-before-consent' && r.message.text.includes('google-analytics'));
    expect(sarif.message.text).toContain(`Loaded via ${short}.`);
    expect(sarif.properties.chain.map((l: { via: string }) => l.via)).toEqual(['page', 'html', 'script']);
    expect(JSON.parse(render('codequality')).some((i: { description: string }) => i.description.includes(`Loaded via ${short}.`))).toBe(true);
    expect(render('junit')).toMatch(/Chain from the page:\n {2}http:\/\/127\.0\.0\.1:\d+\/ga4\/ {2}\(the page\)\n {2}https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-TEST4242 {2}\(loaded by a tag in the HTML at line \d+ of the page\)/);
    expect(render('html')).toContain('<code>https://www.google-analytics.com/g/collect?v=2&amp;tid=G-TEST4242&amp;cid=&lt;redacted&gt;');
  });
});
