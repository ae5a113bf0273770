// The reports people read, in Dutch and French: saved golden scans (test/fixtures/golden/*.json,
// written by real end-to-end scans) judged again without a browser, as `consent-gate judge` does,
// then rendered in each language. Then the CLI: --lang, the policy's lang, and a wrong one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeReport } from '../src/entry/judge.js';
import { defaultPolicy, loadPolicy } from '../src/policy/load.js';
import { formatConsole } from '../src/report/console.js';
import { formatHtml } from '../src/report/html.js';
import { formatJson } from '../src/report/json.js';
import { markdown } from '../src/report/markdown.js';
import { sarif } from '../src/report/sarif.js';
import { RULES } from '../src/rules/index.js';
import type { GateResult } from '../src/types.js';
import { runCli } from './support/cli.js';
import { ROOT } from './support/fixtures.js';

const golden = (name: string): string => join(ROOT, 'test', 'fixtures', 'golden', `${name}.json`);
const emptyDir = (): string => mkdtempSync(join(tmpdir(), 'cg-lang-'));
const ENGLISH_TITLES = RULES.map((rule) => rule.meta.title);

let ga4: GateResult;
let flow: GateResult;
beforeAll(() => {
  ga4 = judgeReport(golden('ga4'), defaultPolicy(emptyDir()));
  flow = judgeReport(golden('consent-flow'), defaultPolicy(emptyDir()));
  // The counts each report says come from the judged scans, so a regenerated golden scan changes them
  // here too; more than one of each, so the words checked are the plural ones.
  for (const { verdict } of [ga4, flow]) expect(Math.min(verdict.errors, verdict.warnings)).toBeGreaterThan(1);
});

describe('reports in Dutch', () => {
  it('console: verdict, counts, coverage and rule titles in Dutch, no English rule title', () => {
    const text = formatConsole(ga4, 'nl');
    expect(text).toContain("pagina's: 1 pagina gevonden, 1 gescand, geen overgeslagen");
    const { errors, warnings } = ga4.verdict;
    expect(text).toContain(`${errors} fouten, ${warnings} waarschuwingen`);
    expect(text).toMatch(new RegExp(`^AFGEKEURD: ${errors} nieuwe fouten, ${warnings} nieuwe waarschuwingen — ${errors} nieuwe fouten \\(failOn: error\\) \\(exitcode 1\\)$`, 'm'));
    expect(text).toMatch(/^ {4}tracking-cookie-before-consent +Trackingcookie vóór toestemming$/m);
    expect(text).toContain('Tracking zonder cookiemelding');
    expect(text).toContain('Google Analytics (statistieken)');
    for (const title of ENGLISH_TITLES) expect(text).not.toContain(title);
  });

  it('markdown: verdict line, table headings, phases and titles in Dutch', () => {
    const text = markdown.render(flow, undefined, 'nl');
    const { errors, warnings } = flow.verdict;
    expect(text.split('\n')[0]).toBe(`❌ **consent-gate afgekeurd**: ${errors} nieuwe fouten, ${warnings} nieuwe waarschuwingen op 1 pagina — ${errors} nieuwe fouten (failOn: error).`);
    expect(text).toContain("| Oorzaak | Pagina's | Bezoeken | Bevindingen | Bedrijven |");
    // One row per cause: the pixel tag in the HTML, before any choice and again after refusing.
    expect(text).toMatch(/^\| 🔴 De tag van Meta Pixel in \S+, regel 11 \| \/ \| eerste bezoek, na weigeren[^|]* \| \d+ fouten(, \d+ waarschuwingen?)?: cookie _fbp, cookie fr, /m);
    expect(text).toContain('In de baseline: 0 · Toegestaan: 0 · Opgelost sinds de baseline: 0');
    for (const title of ENGLISH_TITLES) expect(text).not.toContain(title);
  });

  it('HTML: labels, the law in plain Dutch, and finding messages from the rules\' Dutch templates', () => {
    const html = formatHtml(ga4, 'nl');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h2 id="to-fix">Wat er moet worden opgelost</h2>');
    expect(html).toMatch(/<h3 id="cause-1-title">De tag van Google Analytics in \S+, regel 3<\/h3>/);
    expect(html).toContain('<h2>Wat er is bezocht</h2>');
    // The law once, in the legend the cards link to.
    expect(html).toContain('<dd>Een website mag cookies die niet strikt noodzakelijk zijn pas plaatsen');
    expect(html.match(/Een website mag cookies die niet strikt noodzakelijk zijn/g)).toHaveLength(1);
    expect(html).toContain('ePrivacyrichtlijn art. 5 lid 3 (Telecommunicatiewet art. 11.7a');
    expect(html).toContain('<p>cookie &quot;_ga&quot; van Google Analytics (statistieken) op 127.0.0.1 is geplaatst vóór toestemming. <a href="#rule-tracking-cookie-before-consent">Wat de wet vraagt: de regel</a></p>');
    // The rule's "13 months" is said in Dutch too, not only the template around it.
    expect(html).toContain('wil 730 dagen blijven bestaan (langer dan 13 maanden)');
    const tracking = ga4.findings.find((f) => f.rule === 'consent-banner-missing')!.data['count'];
    expect(html).toContain(`<p>de pagina volgt bezoekers (${tracking} bevinding(en)) maar toont geen cookiemelding. <a href=`);
    for (const title of ENGLISH_TITLES) expect(html).not.toContain(title);
  });
});

describe('reports in French', () => {
  it('console: verdict, counts and rule titles in French, no English rule title', () => {
    const text = formatConsole(flow, 'fr');
    const { errors, warnings } = flow.verdict;
    expect(text).toMatch(new RegExp(`^ÉCHEC: ${errors} nouvelles erreurs, ${warnings} nouveaux avertissements — ${errors} nouvelles erreurs \\(failOn : error\\) \\(code de sortie 1\\)$`, 'm'));
    expect(text).toMatch(/^ {4}tracking-after-reject +Suivi après le refus du visiteur$/m);
    expect(text).toContain("Google Analytics (mesure d'audience)");
    for (const title of ENGLISH_TITLES) expect(text).not.toContain(title);
  });

  it('markdown: verdict line and table in French', () => {
    const text = markdown.render(ga4, undefined, 'fr');
    const { errors, warnings } = ga4.verdict;
    expect(text.split('\n')[0]).toBe(`❌ **consent-gate : échec** : ${errors} nouvelles erreurs, ${warnings} nouveaux avertissements sur 1 page — ${errors} nouvelles erreurs (failOn : error).`);
    expect(text).toContain('| Cause | Pages | Visites | Constats | Sociétés |');
    expect(text).toMatch(/^\| 🔴 La balise Google Analytics dans \S+, ligne 3 \| \/ga4\/ \| première visite \| \d+ erreurs, 2 avertissements : cookie _ga, cookie _ga_TEST4242/m);
    expect(text).toContain('| 🔴 Aucune bannière cookies | /ga4/ | première visite | 1 erreur : banner missing |  |');
    for (const title of ENGLISH_TITLES) expect(text).not.toContain(title);
  });

  it('HTML: labels, the law and the messages in French', () => {
    const html = formatHtml(flow, 'fr');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h2 id="to-fix">À corriger</h2>');
    expect(html).toContain('<h2>Stocké après acceptation</h2>');
    expect(html).toContain('<dd>Quand le visiteur refuse, aucun suivi ne doit démarrer');
    expect(html).toContain('le cookie « _fbp » de Facebook (marketing) sur ');
    expect(html).toContain('a été déposé après le refus du visiteur.');
    for (const title of ENGLISH_TITLES) expect(html).not.toContain(title);
  });
});

describe('machine formats stay English', () => {
  it('JSON and SARIF carry the English ids and messages, whatever language people read', () => {
    expect(JSON.parse(formatJson(ga4)).findings[0].message).toBe(ga4.findings[0]!.message);
    const run = JSON.parse(sarif.render(ga4, undefined, 'nl')).runs[0];
    expect(run.tool.driver.rules.map((r: { name?: string; shortDescription?: { text: string } }) => r.shortDescription?.text)).toContain('Tracking cookie before consent');
  });
});

describe('the report language, from the jurisdiction', () => {
  it('nl and nl-government default to Dutch; eu and be (two languages) to English; lang wins', () => {
    const policyWith = (body: object): string => {
      const dir = emptyDir();
      writeFileSync(join(dir, 'consent-gate.json'), JSON.stringify(body));
      return join(dir, 'consent-gate.json');
    };
    expect(loadPolicy(policyWith({ jurisdiction: 'nl' })).lang).toBe('nl');
    expect(loadPolicy(policyWith({ jurisdiction: 'nl-government' })).lang).toBe('nl');
    expect(loadPolicy(policyWith({ jurisdiction: 'be' })).lang).toBe('en');
    expect(loadPolicy(policyWith({ jurisdiction: 'eu' })).lang).toBe('en');
    expect(loadPolicy(policyWith({ jurisdiction: 'be', lang: 'fr' })).lang).toBe('fr');
  });
});

describe('consent-gate judge --lang', () => {
  it('--lang fr and a policy lang change the console summary; --lang xx is a usage error naming the choices', async () => {
    const english = await runCli(['judge', golden('ga4')], { cwd: emptyDir() });
    expect(english.code).toBe(1);
    expect(english.stdout).toMatch(/^FAILED: /m);

    const french = await runCli(['judge', golden('ga4'), '--lang', 'fr'], { cwd: emptyDir() });
    expect(french.code).toBe(1);
    const { errors } = ga4.verdict;
    expect(french.stdout).toMatch(new RegExp(`^ÉCHEC: ${errors} nouvelles erreurs`, 'm'));
    expect(french.stdout).not.toContain('FAILED');

    const dir = emptyDir();
    writeFileSync(join(dir, 'consent-gate.json'), JSON.stringify({ jurisdiction: 'be', lang: 'nl' }));
    const fromPolicy = await runCli(['judge', golden('ga4'), '--format', 'json,markdown', '--report-dir', 'out'], { cwd: dir });
    expect(fromPolicy.code).toBe(1);
    expect(fromPolicy.stdout).toMatch(new RegExp(`^AFGEKEURD: ${errors} nieuwe fouten`, 'm'));
    expect(readFileSync(join(dir, 'out', 'consent-gate.md'), 'utf8')).toContain('**consent-gate afgekeurd**');
    // JSON stays English for the machines that read it.
    expect(readFileSync(join(dir, 'out', 'consent-gate-report.json'), 'utf8')).toContain(`"reason": "${errors} new errors (failOn: error)"`);

    const wrong = await runCli(['judge', golden('ga4'), '--lang', 'xx'], { cwd: emptyDir() });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--lang takes "en" or "nl" or "fr"; got "xx".');
  });
});
