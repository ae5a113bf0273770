// The pull-request comment's and the watch issue's body, without a browser: saved golden scans
// (test/fixtures/golden/*.json, written by real end-to-end scans) judged again as `consent-gate judge`
// does, then written in each language, and cut to GitHub's limit when a site has hundreds of findings.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeReport } from '../src/entry/judge.js';
import { defaultPolicy } from '../src/policy/load.js';
import { BODY_LIMIT, codeSpan, reviewBody, reviewTitle } from '../src/report/comment.js';
import { shortChain } from '../src/report/text/chain.js';
import { causeTitle } from '../src/report/text/cause.js';
import { groupByCause } from '../src/report/text/group.js';
import { EN } from '../src/report/words/en.js';
import { subjectLabel } from '../src/report/text/subject.js';
import { RULES } from '../src/rules/index.js';
import type { Finding, GateResult, Lang } from '../src/types.js';
import { ROOT } from './support/fixtures.js';

const golden = (name: string): string => join(ROOT, 'test', 'fixtures', 'golden', `${name}.json`);
const emptyDir = (): string => mkdtempSync(join(tmpdir(), 'cg-body-'));
const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const MARKER = 'consent-gate pull-request .';
const PLACE = { dir: 'consent-gate-report', files: ['consent-gate-report.json', 'consent-gate.html', 'consent-gate.md'], runUrl: 'https://github.com/o/r/actions/runs/42' };
const items = (body: string): string[] => body.split('\n').filter((line) => /^- (🔴|🟡) /.test(line));

let flow: GateResult;
let fixed: GateResult;
let baselinePath: string;
beforeAll(() => {
  flow = judgeReport(golden('consent-flow'), defaultPolicy(emptyDir()));
  // The ga4 page recorded in a baseline, then the same page clean: every entry is fixed.
  const policy = defaultPolicy(emptyDir());
  baselinePath = policy.baselinePath;
  const ga4 = JSON.parse(readFileSync(golden('ga4'), 'utf8')) as GateResult;
  judgeReport(golden('ga4'), policy, { updateBaseline: { prune: false } });
  const after = join(emptyDir(), 'clean-at-ga4.json');
  writeFileSync(after, readFileSync(golden('clean'), 'utf8').replaceAll(JSON.parse(readFileSync(golden('clean'), 'utf8')).pages[0].url, ga4.pages[0]!.url));
  fixed = judgeReport(after, policy);
});

describe('the review body', () => {
  it('starts with the hidden marker and the verdict, and names every new thing to fix under its cause, with its rule, pages and chain', () => {
    const body = reviewBody(flow, { lang: 'en', marker: MARKER, place: PLACE });
    const lines = body.split('\n');
    expect(lines[0]).toBe(`<!-- ${MARKER} -->`);
    const { errors, warnings } = flow.verdict;
    expect(lines[1]).toBe(`❌ **consent-gate failed**: ${errors} new error(s), ${warnings} new warning(s) on 1 page(s) — ${errors} new errors (failOn: error).`);
    // The same causes as the job summary and the HTML report, each heading once, in their order.
    const causes = groupByCause(flow, flow.findings.filter((f) => f.status === 'new'));
    const headings = lines.filter((line) => line.startsWith('#### '));
    expect(headings).toEqual(causes.map((group) => `#### ${group.findings.some((f) => f.severity === 'error') ? '🔴' : '🟡'} ${causeTitle(group, flow, EN)}`));
    const entries = causes.flatMap((group) => group.entries);
    expect(items(body)).toHaveLength(entries.length);
    for (const { finding } of entries) {
      expect(body).toContain(codeSpan(subjectLabel(finding)));
      const chain = shortChain(finding);
      if (chain) expect(body).toContain(`loaded via ${codeSpan(chain)}`);
    }
    // Each rule's title, id and plain words once, the first time it comes up.
    for (const rule of new Set(entries.map((e) => e.finding.rule))) {
      const description = flow.rules.find((r) => r.id === rule)!;
      expect(body.split(`> **[${description.title}](${description.docsUrl})** · \`${rule}\`: ${description.plainWords}`)).toHaveLength(2);
    }
    expect(body).toContain('- 🔴 Tracking cookie before consent: `cookie fr` · Facebook (marketing) · initial · on `/`\\\n  loaded via `/ → connect.facebook.net/en_US/fbevents.js → www.facebook.com/tr → cookie fr`');
    expect(body).toContain('Baselined: 0 · Allowed: 0 · Fixed since the baseline: 0');
    expect(body).toContain("Full report: `consent-gate-report/consent-gate.html` — on [the run's page](https://github.com/o/r/actions/runs/42) when the workflow uploads `consent-gate-report/` as an artifact.");
  });

  it('on a clean run says passed and lists what is fixed since the baseline', () => {
    // Every entry the ga4 scan recorded is fixed once the page is clean.
    const n = Object.keys(JSON.parse(readFileSync(baselinePath, 'utf8')).findings).length;
    expect(n).toBeGreaterThan(0);
    expect(fixed.verdict).toMatchObject({ status: 'passed', fixed: n });
    const body = reviewBody(fixed, { lang: 'en', marker: MARKER, runUrl: PLACE.runUrl });
    expect(body.split('\n')[1]).toMatch(/^✅ \*\*consent-gate passed\*\*: 0 new error\(s\), 0 new warning\(s\) on 1 page\(s\)/);
    expect(items(body)).toEqual([]);
    expect(body).toContain(`#### Fixed since the baseline (${n})`);
    expect(body).toContain('- Tracking cookie before consent: `cookie _ga` on `/ga4/`');
    expect(body).toContain(`Fixed since the baseline: ${n} (prune with \`consent-gate baseline --prune\`)`);
    // No report file was named: the run's page is linked by itself.
    expect(body).toContain("[The run's page](https://github.com/o/r/actions/runs/42).");
  });

  it.each([
    ['nl', (e: number, w: number) => `❌ **consent-gate afgekeurd**: ${e} nieuwe fouten, ${w} nieuwe waarschuwingen op 1 pagina`, '> **[Trackingcookie vóór toestemming]', 'na weigeren · op `/`', 'geladen via `/', (n: number) => `Opgelost sinds de baseline (${n})`, 'Volledig rapport:'],
    ['fr', (e: number, w: number) => `❌ **consent-gate : échec** : ${e} nouvelles erreurs, ${w} nouveaux avertissements sur 1 page`, '> **[Cookie traceur avant le consentement]', 'après refus · sur `/`', 'chargé via `/', (n: number) => `Corrigés depuis la baseline (${n})`, 'Rapport complet :'],
    ['en', (e: number, w: number) => `❌ **consent-gate failed**: ${e} new error(s), ${w} new warning(s) on 1 page(s)`, '> **[Tracking cookie before consent]', 'after-reject · on `/`', 'loaded via `/', (n: number) => `Fixed since the baseline (${n})`, 'Full report:'],
  ] as const)('in %s: verdict, causes, rule titles, plain words, visits and what is fixed in the reader\'s words', (lang, verdict, heading, visit, via, fixedHeading, report) => {
    const body = reviewBody(flow, { lang, marker: MARKER, place: PLACE });
    expect(body.split('\n')[1]).toContain(verdict(flow.verdict.errors, flow.verdict.warnings));
    expect(body).toContain(heading);
    expect(body).toMatch({ en: /^#### 🔴 The Meta Pixel tag in \/, line 11$/m, nl: /^#### 🔴 De tag van Meta Pixel in \/, regel 11$/m, fr: /^#### 🔴 La balise Meta Pixel dans \/, ligne 11$/m }[lang]);
    expect(body).toContain(visit);
    expect(body).toContain(via);
    expect(body).toContain(report);
    const plain = RULES.find((r) => r.meta.id === 'tracking-cookie-before-consent')!.meta;
    expect(body).toContain(lang === 'en' ? plain.plainWords : plain.translations[lang].plainWords);
    if (lang !== 'en') for (const rule of RULES) expect(body).not.toContain(`[${rule.meta.title}]`);
    expect(reviewBody(fixed, { lang, marker: MARKER })).toContain(`#### ${fixedHeading(fixed.verdict.fixed)}`);
  });

  it('titles the watch issue by verdict and site, in the reader\'s language', () => {
    expect(reviewTitle(flow, 'en')).toMatch(/^Consent check failed: /);
    expect(reviewTitle(fixed, 'nl')).toMatch(/^Toestemmingscontrole geslaagd: /);
    expect(reviewTitle(flow, 'fr')).toMatch(/^Contrôle du consentement, échec : /);
  });

  it('reads what the site named literally: no mention, no link, no image, whatever a cookie or page is called', () => {
    const [first] = flow.findings.filter((f) => f.status === 'new' && f.subject.kind === 'cookie');
    const hostile: Finding = { ...first!, fingerprint: 'hostile', page: `${first!.page}@team-privacy/`, subject: { ...first!.subject, name: '![x](https://evil.example/p.gif)`@admins' } };
    const body = reviewBody({ ...flow, findings: [hostile] }, { lang: 'en', marker: MARKER });
    expect(body).toContain(': ``cookie ![x](https://evil.example/p.gif)`@admins`` · ');
    expect(body).toContain('on `/@team-privacy/`');
    expect(body.replace(/``[^]*?``|`[^`]*`/g, '')).not.toMatch(/@admins|@team|!\[/);
  });
});

/** `n` distinct new findings from a golden scan's, each its own thing to fix on its own page. */
function manyFindings(n: number, chainLength = 0): GateResult {
  const base = flow.findings.filter((f) => f.status === 'new' && f.chain.length >= 2);
  const findings = Array.from({ length: n }, (_, i): Finding => {
    const f = base[i % base.length]!;
    const long = chainLength ? [{ url: `https://cdn.example/${'x'.repeat(chainLength)}/${i}.js`, via: 'unknown' as const, line: null }] : [];
    return { ...f, fingerprint: `fp-${i}`, page: `${f.page}page-${i}/`, subject: { ...f.subject, name: `tracker_${i}` }, chain: [...f.chain, ...long] };
  });
  return { ...flow, findings, verdict: { ...flow.verdict, errors: n } };
}

describe('the review body at GitHub\'s size limit', () => {
  it.each(['en', 'nl', 'fr'] as const)('with 500 findings in %s: the first fifty things to fix, then how many more', (lang: Lang) => {
    const body = reviewBody(manyFindings(500), { lang, marker: MARKER, place: PLACE });
    expect(bytes(body)).toBeLessThanOrEqual(BODY_LIMIT);
    expect(items(body)).toHaveLength(50);
    const more = { en: '…and 450 more new finding(s): see the full report.', nl: '…en nog 450 nieuwe bevindingen: zie het volledige rapport.', fr: '…et 450 autres nouveaux constats : voir le rapport complet.' }[lang];
    expect(body).toContain(more);
    // The trailer is never what is cut.
    expect(body).toMatch(/UTC\.\n$/);
  });

  it('with 500 findings whose chains are kilobytes long: as many whole items as fit, the count of the rest, and never over the limit', () => {
    const body = reviewBody(manyFindings(500, 3000), { lang: 'en', marker: MARKER, place: PLACE });
    expect(bytes(body)).toBeLessThanOrEqual(BODY_LIMIT);
    const shown = items(body).length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(50);
    expect(body).toContain(`…and ${500 - shown} more new finding(s): see the full report.`);
    // Whole items only: every shown one ends with its chain, to the cookie, and the chain's closing fence.
    const chains = body.split('\n').filter((line) => line.startsWith('  loaded via '));
    expect(chains).toHaveLength(shown);
    for (const line of chains) expect(line).toMatch(/\/\d+\.js( → cookie tracker_\d+)?`$/);
  });

  it('with 500 fixed entries and 500 findings: both cut, the fixed ones counted too, under the limit', () => {
    const entry = fixed.baseline.fixed[0]!;
    const many = manyFindings(500, 3000);
    const gate = { ...many, baseline: { ...many.baseline, fixed: Array.from({ length: 500 }, (_, i) => ({ ...entry, fingerprint: `old-${i}`, subject: { ...entry.subject, name: `old_${i}` } })) } };
    const body = reviewBody(gate, { lang: 'nl', marker: MARKER, place: PLACE });
    expect(bytes(body)).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toContain('#### Opgelost sinds de baseline (500)');
    const listed = body.split('\n').filter((line) => line.startsWith('- Trackingcookie vóór toestemming: `cookie old_')).length;
    expect(listed).toBeGreaterThan(0);
    expect(body).toContain(`… en nog ${500 - listed}: zie het volledige rapport.`);
  });
});
