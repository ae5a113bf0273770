// The cookie declaration as the declaration command writes it: from a result's inventory, per
// purpose, in nl/fr/en and four formats, without a browser; the command itself on saved reports,
// and once on a scan. The HTML report's inventory marks what the site's declaration leaves out.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeclaration } from '../src/derive/declaration.js';
import { judgeSaved } from '../src/entry/judge.js';
import { defaultPolicy } from '../src/policy/load.js';
import { buildDeclaration, missingPages } from '../src/report/declaration/build.js';
import { DECLARATION_FORMATS } from '../src/report/declaration/formats.js';
import { formatHtml } from '../src/report/html.js';
import { outlives } from '../src/derive/durations.js';
import type { GateResult, Lang } from '../src/types.js';
import { runCli, vendorFlagsForFile } from './support/cli.js';
import { ROOT } from './support/fixtures.js';
import { banner, cookie, declarationPage, identifier, page, scan, SITE, storage, visit } from './support/scans.js';

const cwd = mkdtempSync(join(tmpdir(), 'cg-declaration-'));
const render = (name: string, result: GateResult, lang: Lang): string => DECLARATION_FORMATS.find((f) => f.name === name)!.render(buildDeclaration(result, lang));

/** A shop with a banner: after accepting, GA4 with two containers, the Meta pixel, a session, its own storage; its policy page names only GA. */
const shop = page(
  scan({ banner: banner(), declarations: [declarationPage(`${SITE}cookies/`, [['_ga', 'Google Analytics', '2 jaar'], ['_ga_*', 'Google Analytics', '2 jaar']])] }),
  visit('after-accept', {
    cookies: [
      cookie('_ga', 'analytics', { days: 730, vendor: 'Google Analytics' }),
      cookie('_ga_G1A2B3C4D5', 'analytics', { days: 730, vendor: 'Google Analytics' }),
      cookie('_ga_H9Z8Y7X6W5', 'analytics', { days: 400, vendor: 'Google Analytics' }),
      cookie('_fbp', 'marketing', { days: 90, vendor: 'Facebook' }),
      cookie('fr', 'marketing', { days: 90, vendor: 'Facebook', domain: 'facebook.com' }),
      cookie('PHPSESSID', 'necessary', { vendor: 'PHP' }),
      cookie('basket', 'unknown', { days: 30 }),
    ],
    storage: [storage('theme', 'preferences'), storage('chat-state', 'unknown', { kind: 'sessionStorage', origin: 'https://widget.chat.example', party: 'third' })],
    identifiers: [identifier('_ga', 'https://www.google-analytics.com/g/collect?cid=1', { category: 'analytics' }), identifier('_fbp', 'https://www.facebook.com/tr?fbp=1')],
  }),
);

const result = judgeSaved(
  {
    tool: { name: 'consent-gate', version: '0.1.0' },
    data: { thirdPartyWeb: 'test', openCookieDatabase: 'test' },
    browser: { executable: 'chromium', version: 'test' },
    startedAt: '2026-12-01T09:30:00.000Z',
    durationMs: 1000,
    coverage: { found: 1, scanned: 1, leftOut: [] },
    target: { urls: [SITE], name: 'example.org', ephemeral: false, files: {} },
    pages: [shop],
  },
  defaultPolicy(cwd),
);

describe('the declaration built from a result', () => {
  const declaration = buildDeclaration(result, 'nl');
  const rows = (category: string) => declaration.groups.find((g) => g.category === category)?.items.map((i) => `${i.name} · ${i.provider} · ${i.party} · ${i.retention} · ${i.sentTo.join(' ') || '-'}`);

  it('groups by purpose in a declaration\'s order, unclassified last', () => {
    expect(declaration.groups.map((g) => g.title)).toEqual(['Strikt noodzakelijk', 'Voorkeuren', 'Statistieken', 'Marketing', 'Nog niet ingedeeld']);
  });

  it('writes a family once, with the longest lifetime of its names, and who receives each', () => {
    expect(rows('analytics')).toEqual(['_ga · Google Analytics · first · 2 jaar · www.google-analytics.com', '_ga_* · Google Analytics · first · 2 jaar · -']);
    expect(rows('marketing')).toEqual(['_fbp · Facebook · first · 3 maanden · www.facebook.com', 'fr · Facebook · third · 3 maanden · facebook.com']);
  });

  it("names the site as the provider of its own cookies, a third party's domain where no vendor is known, and storage's lifetime in words", () => {
    expect(rows('necessary')).toEqual(['PHPSESSID · PHP · first · sessie · -']);
    expect(rows('preferences')).toEqual(['theme · deze website · first · tot de bezoeker het wist · -']);
    expect(rows('unknown')).toEqual(['basket · deze website · first · 30 dagen · -', 'chat-state · widget.chat.example · third · sessie · widget.chat.example']);
  });

  it("says what a cookie is for in the Open Cookie Database's words, else the purpose's", () => {
    const items = declaration.groups.flatMap((g) => g.items);
    expect(items.find((i) => i.name === '_ga')).toMatchObject({ purpose: 'ID used to identify users', purposeFrom: 'open-cookie-database' });
    expect(items.find((i) => i.name === 'basket')).toMatchObject({ purpose: 'doel nog aan te vullen', purposeFrom: 'category' });
  });

  it('in French and English too', () => {
    expect(buildDeclaration(result, 'fr').groups.map((g) => g.title)).toEqual(['Strictement nécessaires', 'Préférences', 'Statistiques', 'Marketing', 'Non classés']);
    expect(buildDeclaration(result, 'en').groups.find((g) => g.category === 'marketing')!.items.map((i) => i.retention)).toEqual(['3 months', '3 months']);
  });

  it('reads back as declaring every cookie for as long as it lives: what the writer writes, the rule accepts', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const rowsAsBlocks = buildDeclaration(result, lang).groups.flatMap((g) => g.items.map((i) => [i.name, i.provider, i.purpose, i.retention]));
      const read = readDeclaration([declarationPage(`${SITE}cookies/`, rowsAsBlocks)], ['example.org']);
      for (const entry of result.inventory) {
        const mentions = read.mentions(entry.name);
        expect(mentions.length, `${lang} ${entry.name}`).toBeGreaterThan(0);
        expect(mentions.filter((m) => m.duration && outlives(entry.lifetimeDays === null ? null : entry.lifetimeDays * 86_400, m.duration)), `${lang} ${entry.name}`).toEqual([]);
      }
    }
  });
});

describe('the declaration formats', () => {
  it('markdown: a heading per purpose, a table per purpose, how to withdraw, who made it', () => {
    const md = render('markdown', result, 'nl');
    expect(md).toMatch(/^# Cookieverklaring\n/);
    expect(md).toContain('## Statistieken\n\nMeten hoe bezoekers de website gebruiken');
    expect(md).toContain('| Naam | Aanbieder | Partij | Doel | Bewaartermijn | Gedeeld met |');
    expect(md).toContain('| `_ga_*` | Google Analytics | eerste partij | ID used to identify users | 2 jaar | — |');
    expect(md).toContain('| `chat-state` (sessionStorage) | widget.chat.example | derde partij |');
    expect(md).toContain('U kunt uw toestemming op elk moment intrekken');
    expect(md).toContain('_Opgesteld met consent-gate 0.1.0 uit een scan van example.org op 2026-12-01 (1 pagina).');
  });

  it('html: a fragment to paste, no script or style, the English descriptions marked as English', () => {
    const html = render('html', result, 'fr');
    expect(html).toMatch(/^<!-- Établie avec consent-gate/);
    expect(html).toContain('<section class="cookie-declaration" lang="fr">\n<h2>Déclaration de cookies</h2>');
    expect(html).toContain('<tr><td><code>_ga</code></td><td>Google Analytics</td><td>première partie</td><td lang="en">ID used to identify users</td><td>2 ans</td><td>www.google-analytics.com</td></tr>');
    expect(html).not.toMatch(/<script|<style|<link/);
    expect(render('html', result, 'en')).not.toContain('lang="en">ID used');
  });

  it('html escapes what a site or a database could put in it', () => {
    const odd = { ...result, inventory: [{ ...result.inventory[0]!, family: '<b>x</b>', vendor: 'A & "B"' }] };
    const html = render('html', odd, 'en');
    expect(html).toContain('<code>&lt;b&gt;x&lt;/b&gt;</code>');
    expect(html).toContain('A &amp; &quot;B&quot;');
  });

  it('csv: RFC 4180, a header in the language, one row per name', () => {
    const lines = render('csv', result, 'fr').split('\r\n');
    expect(lines[0]).toBe('Catégorie,Nom,Type,Fournisseur,Partie,Finalité,Durée de conservation,Durée de conservation en jours,Transmis à,Domaines');
    expect(lines).toContain('Marketing,fr,cookie,Facebook,tierce partie,"Contains a unique browser and user ID, used for targeted advertising.",3 mois,90,facebook.com,facebook.com');
    expect(lines).toContain('Préférences,theme,localStorage,ce site,première partie,retient vos préférences,jusqu\'à ce que le visiteur l\'efface,,,example.org');
    expect(lines.at(-1)).toBe('');
    // Nine names, two of them one GA4 family.
    expect(lines).toHaveLength(1 + 8 + 1);
  });

  it('json: the declaration as data', () => {
    expect(JSON.parse(render('json', result, 'en'))).toEqual(JSON.parse(JSON.stringify(buildDeclaration(result, 'en'))));
  });

  it('a site that stores nothing says so', () => {
    const md = render('markdown', { ...result, inventory: [] }, 'nl');
    expect(md).toContain('Deze website slaat niets op in uw browser.');
    expect(md).not.toContain('| Naam |');
  });
});

describe('what the declaration cannot include', () => {
  it('names each page whose storage after accepting is unknown, and why', () => {
    const refused = page(scan({ url: `${SITE}shop/`, banner: banner() }), visit('after-accept', { url: `${SITE}shop/`, action: { kind: 'accept', done: false, steps: [], failure: 'the banner has no accept control we could click (set consent.accept in the policy)', detail: 'the banner has no accept control we could click (set consent.accept in the policy)', bannerAfter: null } }));
    const broken = page(scan({ url: `${SITE}gone/`, error: 'the page answered HTTP 404' }));
    expect(missingPages({ ...result, pages: [shop, refused, broken] })).toEqual(['/shop/: the banner has no accept control we could click (set consent.accept in the policy)', '/gone/: the page answered HTTP 404']);
  });
});

describe('the HTML report marks what the site declares', () => {
  it('a column says, per row, whether the declaration names it', () => {
    const html = formatHtml(result, 'nl');
    expect(html).toContain('<th scope="col">Vermeld</th>');
    expect(html).toMatch(/<code>_ga<\/code><\/td>.*<td class="declared-yes">ja<\/td>/);
    expect(html).toMatch(/<code>_fbp<\/code><\/td>.*<td class="declared-no">nee: ontbreekt in de verklaring<\/td>/);
    const unread = judgeSaved({ ...result, pages: [page(scan({ banner: banner(), declarations: [declarationPage(`${SITE}cookies.pdf`, [], 'it is not a web page (application/pdf)')] }), visit('after-accept', { cookies: [cookie('_fbp', 'marketing', { days: 90 })] }))] }, defaultPolicy(cwd));
    expect(formatHtml(unread, 'en')).toContain('<td class="declared-unknown">not checked</td>');
  });
});

describe('consent-gate declaration', () => {
  const golden = (name: string): string => join(ROOT, 'test', 'fixtures', 'golden', `${name}.json`);
  const flags = vendorFlagsForFile();

  it('from a saved report, without a browser: one format to stdout, several into the report folder', async () => {
    const one = await runCli(['declaration', golden('consent-flow'), '--format', 'markdown', '--lang', 'fr'], { cwd });
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^# Déclaration de cookies\n/);
    expect(one.stderr).toBe('consent-gate: cookie declaration (fr) of 5 cookies and 0 storage keys, from 1 page.\n');
    const dir = mkdtempSync(join(tmpdir(), 'cg-declaration-out-'));
    const all = await runCli(['declaration', golden('consent-flow'), '--format', 'markdown,html,csv,json', '--report-dir', dir], { cwd });
    expect(all.code).toBe(0);
    for (const [format, file] of [['markdown', 'md'], ['html', 'html'], ['csv', 'csv'], ['json', 'json']]) {
      expect(all.stdout).toMatch(new RegExp(`^declaration \\(${format}\\): .*cookie-declaration\\.${file}$`, 'm'));
    }
    expect(readFileSync(join(dir, 'cookie-declaration.html'), 'utf8')).toContain('<section class="cookie-declaration" lang="en">');
    expect(JSON.parse(readFileSync(join(dir, 'cookie-declaration.json'), 'utf8')).groups.map((g: { category: string }) => g.category)).toEqual(['necessary', 'analytics', 'marketing']);
  });

  it('says what is wrong with its arguments', async () => {
    const wrongFormat = await runCli(['declaration', golden('clean'), '--format', 'sarif'], { cwd });
    expect(wrongFormat.code).toBe(2);
    expect(wrongFormat.stderr).toContain('unknown declaration format "sarif"');
    const twoFiles = await runCli(['declaration', golden('clean'), '--format', 'html,csv', '-o', 'x.html'], { cwd });
    expect(twoFiles.code).toBe(2);
    expect(twoFiles.stderr).toContain('--output names one file, but 2 declaration formats were asked for');
    const notJson = await runCli(['declaration', 'consent-gate.json', 'extra.json'], { cwd });
    expect(notJson.code).toBe(2);
  });

  it('a page that could not be scanned makes the declaration incomplete: exit 3, saying which', async () => {
    const run = await runCli(['declaration', golden('not-found')], { cwd });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('the declaration is incomplete: what these pages store after accepting is not in it:\n  /no-such-page/: the page answered HTTP 404');
  });

  it('from a scan: a page without a banner stores what every visitor gets', async () => {
    const run = await runCli(['declaration', '--static', join(ROOT, 'test', 'fixtures', 'sites'), '--page', '/ga4/', '--format', 'csv', '--lang', 'en', '--quiet', ...flags()], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\r\n').slice(1, 3)).toEqual([
      expect.stringMatching(/^Statistics,_ga,cookie,Google Analytics,first party,ID used to identify users,2 years,730,/),
      expect.stringMatching(/^Statistics,_ga_\*,cookie,Google Analytics,first party,ID used to identify users,2 years,730,/),
    ]);
  });
});
