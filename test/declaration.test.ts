// The cookie declaration end to end (issue #27), in a real browser. Round trip: a site whose policy
// page is last year's (it misses the Meta pixel's cookies and says GA keeps its cookie 1 year) gets
// exactly those findings; the declaration generated from that scan, pasted into the policy page,
// makes the same scan pass; in Dutch (a <table>) and in French (a definition list and a paragraph).
// And the consent managers of the compliance matrix with their cookie tables filled in as their
// documentation shows: declared right, nothing; one cookie left out, exactly that one. Two runs,
// each visiting every page only before any choice and after accepting.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { emptyBaseline } from '../src/baseline/baseline.js';
import { launchBrowser } from '../src/browser/launch.js';
import { resolveBrowser } from '../src/browser/resolve.js';
import { DEFAULT_SETTINGS } from '../src/config/settings.js';
import { visitOf } from '../src/config/visits.js';
import { gatherSession } from '../src/gather/visit/session.js';
import { afterAcceptInventory } from '../src/derive/inventory.js';
import { runGate } from '../src/gate.js';
import { defaultPolicy } from '../src/policy/load.js';
import { buildDeclaration } from '../src/report/declaration/build.js';
import { DECLARATION_FORMATS } from '../src/report/declaration/formats.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { RunSecrets } from '../src/shared/secrets.js';
import type { DeclarationSource, GateResult, Lang, PageResult } from '../src/types.js';
import { judgePage } from '../src/verdict/judge.js';
import { DECLARED, managerMatrixSite, type ManagerName } from './support/matrix-sites.js';

const policyPage = (lang: Lang, title: string, body: string): string =>
  `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1>\n${body}\n</body></html>\n`;

/** Last year's policy, as a table: GA and the consent cookie, GA's cookie said to live a year; no Meta pixel. */
const STALE_NL = policyPage(
  'nl',
  'Cookieverklaring',
  `<p>Welke cookies wij plaatsen en waarom.</p>
<table>
<thead><tr><th>Cookie</th><th>Aanbieder</th><th>Doel</th><th>Bewaartermijn</th></tr></thead>
<tbody>
<tr><td>cc_cookie</td><td>deze website</td><td>uw cookiekeuze</td><td>6 maanden</td></tr>
<tr><td>_ga</td><td>Google Analytics</td><td>bezoekersstatistieken</td><td>1 jaar</td></tr>
<tr><td>_ga_*</td><td>Google Analytics</td><td>bezoekersstatistieken</td><td>2 jaar</td></tr>
</tbody>
</table>`,
);

/** The same in French, as a definition list and a paragraph, GA4's family written with its placeholder. */
const STALE_FR = policyPage(
  'fr',
  'Politique de cookies',
  `<p>Les cookies que nous déposons, et pourquoi.</p>
<dl>
<dt>_ga</dt><dd>Google Analytics, mesure d'audience. Durée de conservation : 1 an.</dd>
<dt>_ga_&lt;container-id&gt;</dt><dd>Google Analytics, mesure d'audience. Durée de conservation : 2 ans.</dd>
</dl>
<p>Votre choix est conservé dans le cookie cookieconsent_status pendant 1 an.</p>`,
);

/** Where a manager has no place for its own consent cookie, the site's policy page names it. */
const OWN_COOKIE: Partial<Record<ManagerName, { lang: Lang; text: (cookie: string) => string; cookie: string }>> = {
  klaro: { lang: 'fr', cookie: 'klaro', text: (c) => `<p>Votre choix est conservé dans le cookie <code>${c}</code>.</p>` },
  orejime: { lang: 'nl', cookie: 'eu-consent', text: (c) => `<p>Uw keuze bewaren wij in de cookie <code>${c}</code>.</p>` },
  tarteaucitron: { lang: 'fr', cookie: 'tarteaucitron', text: (c) => `<p>Votre choix est conservé dans le cookie <code>${c}</code>.</p>` },
};

/** The managers whose tables list cookies: vanilla-cookieconsent's cookieTable, Klaro's and Orejime's `cookies`, tarteaucitron's services. */
const MANAGERS: ManagerName[] = ['vanilla-cookieconsent', 'klaro', 'orejime', 'tarteaucitron'];
/**
 * Left out of the manager's list: the Meta pixel's first-party cookie. tarteaucitron's cookie lists
 * are its own service definitions, which a site does not edit: there the policy page leaves out the
 * manager's cookie instead.
 */
const LEFT_OUT: Record<string, string> = { 'vanilla-cookieconsent': '_fbp', klaro: '_fbp', orejime: '_fbp', tarteaucitron: 'tarteaucitron' };

function managerSite(name: ManagerName, leftOut: string | null): string {
  const declared = [...DECLARED.analytics, ...DECLARED.marketing].filter((n) => n !== leftOut);
  const dir = managerMatrixSite(name, 'done-right', { declared, policyTable: false });
  const own = OWN_COOKIE[name];
  if (own) writeFileSync(join(dir, 'cookies.html'), policyPage(own.lang, 'Cookies', own.cookie === leftOut ? '<p>Cookies.</p>' : own.text(own.cookie)));
  return dir;
}

/**
 * Where else a declaration may be: a page the policy names, narrowed by a selector; a table a script
 * writes into the page itself; a policy page whose list a script writes in (Cookiebot's), and a PDF.
 */
function placesSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-declaration-places-'));
  const files: Record<string, string> = {
    'index.html': policyPage('nl', 'Welkom', `<div id="cookie-list"></div><script>document.getElementById('cookie-list').innerHTML = '<table><tr><td>taal</td><td>1 jaar</td></tr></table>';</script>`),
    'privacy.html': policyPage('nl', 'Privacy', '<p>Wij gebruiken _ga, 1 dag.</p><section id="cookies"><table><tr><td>_ga</td><td>2 jaar</td></tr></table></section>'),
    'scripted.html': policyPage('nl', 'Scripted', '<footer><a href="/verklaring.html">Cookieverklaring</a> <a href="/cookiebeleid.pdf">Cookiebeleid (pdf)</a></footer>'),
    'verklaring.html': policyPage('nl', 'Cookieverklaring', '<script id="CookieDeclaration" src="https://consent.cookiebot.com/0000/cd.js" async></script>'),
    'cookiebeleid.pdf': '%PDF-1.4\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SITES: Record<string, () => string> = {
  places: placesSite,
  'stale nl': () => {
    // vanilla-cookieconsent without cookie tables: the site keeps its declaration on its policy page.
    const dir = managerMatrixSite('vanilla-cookieconsent', 'done-right', { declared: [] });
    writeFileSync(join(dir, 'cookies.html'), STALE_NL);
    return dir;
  },
  'stale fr': () => {
    // Osano's cookieconsent has no cookie table: the policy page is the declaration.
    const dir = managerMatrixSite('cookieconsent-opt-in', 'done-right');
    writeFileSync(join(dir, 'cookies.html'), STALE_FR);
    return dir;
  },
  ...Object.fromEntries(MANAGERS.flatMap((name) => [[`${name} declared right`, () => managerSite(name, null)], [`${name} with one cookie left out`, () => managerSite(name, LEFT_OUT[name]!)]])),
};

const servers = new Map<string, StaticServer>();
const folders = new Map<string, string>();
let closeVendors: () => Promise<unknown>;
let browserArgs: string[];
let first: GateResult;
let pasted: GateResult;
/** The declarations the places site's first visit reads under a policy naming a page and selector, or a selector alone. */
let named: DeclarationSource[];
let onPage: DeclarationSource[];

/** One first visit of the places site, with the policy's `declaration` settings, in a browser of its own. */
async function declarationsOf(declarations: { page?: string; selector?: string }[]): Promise<DeclarationSource[][]> {
  const browser = await launchBrowser({ browser: resolveBrowser(), extraArgs: browserArgs });
  try {
    const scans = await Promise.all(declarations.map((declaration) => gatherSession(browser, urlOf('places'), [visitOf('initial')], { ...DEFAULT_SETTINGS, screenshots: false, consent: {}, secrets: [], runSecrets: new RunSecrets(), declaration })));
    return scans.map(({ scans: [scan] }) => {
      expect(scan!.error).toBeNull();
      return scan!.declarations;
    });
  } finally {
    await browser.close();
  }
}

const urlOf = (site: string): string => servers.get(site)!.url;
const pageOf = (result: GateResult, site: string): PageResult => result.pages.find((p) => p.url === urlOf(site))!;
/** cookie-not-declared's findings on a site, as "messageId name". */
const undeclared = (result: GateResult, site: string): string[] =>
  result.findings
    .filter((f) => f.rule === 'cookie-not-declared' && f.page === urlOf(site))
    .map((f) => `${f.messageId} ${f.subject.name}`)
    .sort();

/** The HTML fragment the declaration command writes for one site, in its language. */
function generated(result: GateResult, site: string, lang: Lang): string {
  const page = pageOf(result, site);
  const html = DECLARATION_FORMATS.find((f) => f.name === 'html')!;
  return html.render(buildDeclaration({ ...result, pages: [page], inventory: afterAcceptInventory([page]) }, lang));
}

beforeAll(async () => {
  for (const [site, build] of Object.entries(SITES)) {
    const dir = build();
    folders.set(site, dir);
    servers.set(site, await startStatic(dir));
  }
  const vendors = await startVendors();
  closeVendors = vendors.close;
  browserArgs = vendors.browserArgs;
  const pages = [...servers.entries()].map(([site, server]) => (site === 'places' ? `${server.url}scripted.html` : server.url));
  // The policy's own declaration settings need a run of their own: it goes alongside the shared one.
  let read: DeclarationSource[][];
  [first, read] = await Promise.all([
    runGate({ discover: { pages }, browserArgs, phases: ['initial', 'after-accept'] }),
    declarationsOf([{ page: '/privacy.html', selector: '#cookies' }, { selector: '#cookie-list' }]),
  ]);
  [named, onPage] = [read[0]!, read[1]!];
  // Paste each stale site's generated declaration into its policy page, and scan it again.
  writeFileSync(join(folders.get('stale nl')!, 'cookies.html'), policyPage('nl', 'Cookieverklaring', generated(first, 'stale nl', 'nl')));
  writeFileSync(join(folders.get('stale fr')!, 'cookies.html'), policyPage('fr', 'Politique de cookies', generated(first, 'stale fr', 'fr')));
  pasted = await runGate({ discover: { pages: [urlOf('stale nl'), urlOf('stale fr')] }, browserArgs, phases: ['initial', 'after-accept'] });
}, 300_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
  await closeVendors?.();
});

describe('the cookie declaration round trip', () => {
  it.each(['stale nl', 'stale fr'])('%s: every page was scanned and accepted', (site) => {
    const page = pageOf(first, site);
    expect(page.phases.map((s) => [s.phase, s.error])).toEqual([
      ['initial', null],
      ['after-accept', null],
    ]);
    expect(page.phases[1]!.action).toMatchObject({ kind: 'accept', done: true });
  });

  it.each(['stale nl', 'stale fr'])("%s: a stale policy page names exactly the Meta pixel's cookies, and GA's cookie kept longer than it says", (site) => {
    expect(undeclared(first, site)).toEqual(['cookie _fbp', 'cookie fr', 'shorter _ga']);
    const shorter = first.findings.find((f) => f.page === urlOf(site) && f.messageId === 'shorter')!;
    expect(shorter.data).toMatchObject({ days: 730, where: '/cookies.html', declared: site === 'stale nl' ? '1 jaar' : '1 an' });
    const fbp = first.findings.find((f) => f.page === urlOf(site) && f.subject.name === '_fbp')!;
    expect(fbp.severity).toBe('warn');
    expect(fbp.evidence[0]).toBe('/cookies.html names 3 of 5 cookies');
  });

  it('reads a table as rows of cells, and a definition list as terms with their descriptions, paragraphs as lines', () => {
    const [nl] = pageOf(first, 'stale nl').phases[0]!.declarations;
    expect(nl).toMatchObject({ kind: 'page', url: `${urlOf('stale nl')}cookies.html`, read: true, truncated: false });
    expect(nl!.blocks).toEqual(expect.arrayContaining([['Cookie', 'Aanbieder', 'Doel', 'Bewaartermijn'], ['_ga', 'Google Analytics', 'bezoekersstatistieken', '1 jaar']]));
    const [fr] = pageOf(first, 'stale fr').phases[0]!.declarations;
    expect(fr!.blocks).toEqual(
      expect.arrayContaining([
        ['_ga', "Google Analytics, mesure d'audience. Durée de conservation : 1 an."],
        ['Votre choix est conservé dans le cookie cookieconsent_status pendant 1 an.'],
      ]),
    );
  });

  it('under the be preset the same findings are errors', () => {
    const be = judgePage(pageOf(first, 'stale fr'), { ...defaultPolicy(process.cwd()), jurisdiction: 'be' }, emptyBaseline()).filter((f) => f.rule === 'cookie-not-declared');
    expect(be.map((f) => f.severity)).toEqual(['error', 'error', 'error']);
  });

  it.each(['stale nl', 'stale fr'])('%s: with the generated declaration pasted into its policy page, the same scan passes the rule', (site) => {
    expect(pageOf(pasted, site).phases.map((s) => s.error)).toEqual([null, null]);
    expect(undeclared(pasted, site)).toEqual([]);
    // Judged, not passed for want of a declaration: the pasted page names every cookie.
    expect(afterAcceptInventory([pageOf(pasted, site)]).map((e) => `${e.name} ${e.declared}`)).toEqual(
      afterAcceptInventory([pageOf(pasted, site)]).map((e) => `${e.name} true`),
    );
  });

  it('the inventory marks what the stale declarations leave out', () => {
    const marks = afterAcceptInventory([pageOf(first, 'stale nl')]).map((e) => `${e.name} ${e.declared}`);
    expect(marks.sort()).toEqual(['_fbp false', '_ga true', '_ga_MATRIX1 true', 'cc_cookie true', 'fr false']);
  });
});

describe('where else a declaration is', () => {
  it('a page the policy names, only within its selector; and a table a script wrote into the scanned page', () => {
    expect(named).toEqual([expect.objectContaining({ kind: 'page', url: `${urlOf('places')}privacy.html`, read: true, blocks: [['_ga', '2 jaar']] })]);
    expect(onPage).toEqual([expect.objectContaining({ kind: 'page', url: urlOf('places'), read: true, blocks: [['taal', '1 jaar']] })]);
  });

  it("a list a script writes into the policy page, and a PDF, could not be read: the page's cookies are not judged", () => {
    const declarations = first.pages.find((p) => p.url === `${urlOf('places')}scripted.html`)!.phases[0]!.declarations;
    expect(declarations.map((d) => [d.url.replace(urlOf('places'), '/'), d.read, d.reason])).toEqual([
      ['/verklaring.html', false, 'its cookie list is written by a script (CookieDeclaration), which a fetched page does not run'],
      ['/cookiebeleid.pdf', false, 'it is not a web page (application/pdf)'],
    ]);
  });
});

describe("the consent managers' own cookie tables", () => {
  it.each(MANAGERS)('%s declared right: every cookie stored after accepting is declared', (name) => {
    const page = pageOf(first, `${name} declared right`);
    expect(page.phases.map((s) => s.error)).toEqual([null, null]);
    expect(page.phases[1]!.cookies.length).toBeGreaterThanOrEqual(5);
    expect(undeclared(first, `${name} declared right`)).toEqual([]);
    // Judged, not passed for want of a declaration.
    expect(afterAcceptInventory([page]).map((e) => e.declared)).toEqual(page.phases[1]!.cookies.map(() => true));
  });

  it.each(MANAGERS)('%s with one cookie left out: exactly that one', (name) => {
    expect(undeclared(first, `${name} with one cookie left out`)).toEqual([`cookie ${LEFT_OUT[name]}`]);
  });

  it('reads each manager where it keeps its list: the settings layer\'s table, or its configuration', () => {
    const managers = (name: ManagerName) => pageOf(first, `${name} declared right`).phases[0]!.declarations.filter((d) => d.kind === 'manager');
    expect(managers('vanilla-cookieconsent')).toEqual([expect.objectContaining({ manager: null, read: true, blocks: expect.arrayContaining([['_ga', expect.any(String), 'Onderscheidt bezoekers.', '2 jaar']]) })]);
    expect(managers('klaro')).toEqual([expect.objectContaining({ manager: 'Klaro', blocks: [['Meta pixel', '_fbp', 'fr']], expressions: ['^_ga'] })]);
    expect(managers('orejime')).toEqual([expect.objectContaining({ manager: 'Orejime', blocks: [['Google Analytics', '_ga'], ['Meta pixel', '_fbp', 'fr']], expressions: ['^_ga_'] })]);
    const [tarteaucitron] = managers('tarteaucitron');
    expect(tarteaucitron).toMatchObject({ manager: 'tarteaucitron.js' });
    expect(tarteaucitron!.blocks.flat()).toEqual(expect.arrayContaining(['_ga', '_ga_MATRIX1', '_fbp', 'fr']));
  });
});
