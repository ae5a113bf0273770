// The four visits per page against real consent managers and deliberately flawed home-made banners.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { runGate } from '../src/gate.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { PHASES, type GateResult } from '../src/types.js';
import { KIT_DECLARED, ROOT, cookiePolicyPage, kitSite, managerSite } from './support/fixtures.js';
import { validateReport } from './support/schema.js';
import { formatHtml } from '../src/report/html.js';
import { formatJson } from '../src/report/json.js';

/** Home-made banners: the kit's attributes per site. */
const KIT_SITES: Record<string, string> = {
  'kit-fair': '',
  'kit-reject-ignored': 'data-reject-ignored',
  'kit-reject-reported': 'data-reject-reported',
  'kit-scroll': 'data-scroll-consent',
  'kit-preticked': 'data-preticked',
  'kit-no-reject': 'data-reject="settings-only"',
  'kit-reject-link': 'data-reject="link"',
  'kit-vanish': 'data-vanish-after="5000"',
  'kit-no-policy': 'data-no-policy-link',
  // Refusing in a settings layer whose "Reject all" only switches the categories off: the save stores it.
  'kit-reject-then-save': 'data-reject="settings-only" data-reject-unticks',
  // The same, but its save button says a word no list knows: nothing stores the refusal.
  'kit-reject-unstored': 'data-reject="settings-only" data-reject-unticks data-save-label="Klaar"',
};

/** A cookie notice whose buttons use words no list knows: the gate must say it could not tell. */
function oddWordsSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-odd-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title></head><body><h1>Home</h1><footer><a href="/cookies.html">Cookie policy</a></footer>' +
      '<div style="position:fixed;bottom:0;left:0;right:0;background:#eee;padding:1em">This site would love some cookies. <button>Sure thing</button> <button>Nah</button></div></body></html>',
  );
  writeFileSync(join(dir, 'cookies.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cookies</title></head><body><h1>Cookie policy</h1></body></html>');
  return dir;
}

const page = (title: string, body: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><h1>${title}</h1>${body}<div style="height:2000px"></div><footer><a href="/cookies.html">Cookie policy</a></footer></body></html>`;

/**
 * One site, two consent managers: the home-made banner on / and /contact.html, vanilla-cookieconsent
 * (as vanilla-ok) in its shop under /shop/. Each banner is answered on its own first page, and the
 * other page with it is loaded with that choice stored.
 */
function twoBannerSite(): string {
  const dir = kitSite('', true);
  // A way on from the contact page, as from every other: the banner is looked for again where it leads.
  writeFileSync(join(dir, 'contact.html'), page('Contact', '<p><a href="/">Home</a></p><script src="/kit.js"></script>'));
  cpSync(managerSite('vanilla-ok'), join(dir, 'shop'), { recursive: true });
  const vanilla = { head: '<link rel="stylesheet" href="/shop/cookieconsent.css"><script type="text/plain" data-category="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-VANILLA1"></script>', body: '<script src="/shop/cookieconsent.umd.js"></script><script src="/shop/consent.js"></script>' };
  writeFileSync(join(dir, 'shop', 'index.html'), page('Shop', `<p><a href="/shop/cart.html">Cart</a></p>${vanilla.body}`, vanilla.head));
  writeFileSync(join(dir, 'shop', 'cart.html'), page('Cart', `<p><a href="/shop/">Shop</a></p>${vanilla.body}`, vanilla.head));
  // The one policy declares what both banners store once accepted: the shop's are vanilla's choice and GA's.
  const shop = [['cc_cookie', 'this website', 'your cookie choice', '6 months'], ['_ga', 'Google', 'statistics', '2 years'], ['_ga_*', 'Google', 'statistics', '2 years']];
  writeFileSync(join(dir, 'cookies.html'), cookiePolicyPage([...KIT_DECLARED, ...shop]));
  return dir;
}

/** The home-made banner storing the choice without a cookie Path: kept for the folder it was made in, forgotten in the other. */
function pathBoundSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-path-bound-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'consent', 'kit', 'kit.js'), join(dir, 'kit.js'));
  for (const [folder, next] of [['blog', 'shop'], ['shop', 'blog']] as const) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, 'index.html'), page(folder, `<p><a href="/${next}/">${next}</a></p><script src="/kit.js" data-cookie-without-path></script>`));
  }
  writeFileSync(join(dir, 'cookies.html'), cookiePolicyPage(KIT_DECLARED));
  return dir;
}

/** The pages scanned of each site, by path: its start page unless said here. */
const PAGES_OF: Record<string, string[]> = { 'two-banners': ['', 'contact.html', 'shop/', 'shop/cart.html'], 'path-bound': ['blog/', 'shop/'] };

const servers: StaticServer[] = [];
const urls = new Map<string, string>();
let closeVendors: () => Promise<unknown>;
let result: GateResult;

beforeAll(async () => {
  const folders: [string, string][] = [
    ...['vanilla-ok', 'vanilla-leaky', 'vanilla-odd', 'klaro-ok', 'klaro-leaky'].map((name): [string, string] => [name, managerSite(name)]),
    ...Object.entries(KIT_SITES).map(([name, attrs]): [string, string] => [name, kitSite(attrs, name !== 'kit-no-policy')]),
    ['odd-words', oddWordsSite()],
    ['two-banners', twoBannerSite()],
    ['path-bound', pathBoundSite()],
  ];
  for (const [name, folder] of folders) {
    const server = await startStatic(folder);
    servers.push(server);
    urls.set(name, server.url);
  }
  const vendors = await startVendors();
  closeVendors = vendors.close;
  // Withdrawing consent has its own test (test/withdrawal.test.ts): these flows end at accepting.
  const pages = [...urls].flatMap(([site, url]) => (PAGES_OF[site] ?? ['']).map((path) => new URL(path, url).href));
  result = await runGate({ discover: { pages }, browserArgs: vendors.browserArgs, phases: PHASES.filter((p) => p !== 'after-withdraw') });
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await closeVendors?.();
});

/** "severity rule (phase)" for every finding on a site's page (its start page unless given), sorted and without repeats. */
const rulesOn = (site: string, path = ''): string[] => {
  const page = new URL(path, urls.get(site)).href;
  return [...new Set(result.findings.filter((f) => f.page === page).map((f) => `${f.severity} ${f.rule} (${f.phase})`))].sort();
};
const scanOf = (site: string, phase: string, path = '') => result.pages.find((p) => p.url === new URL(path, urls.get(site)).href)!.phases.find((s) => s.phase === phase)!;
const hostsOf = (site: string, phase: string): string[] => scanOf(site, phase).requests.map((r) => new URL(r.url).host);

describe('real consent managers', () => {
  it.each(['vanilla-ok', 'klaro-ok'])('%s, configured correctly: nothing before consent or after reject; analytics only after accept', (site) => {
    expect(rulesOn(site)).toEqual(['warn cookie-lifetime-too-long (after-accept)']);
    expect(scanOf(site, 'initial').banner).toMatchObject({ source: 'heuristic', accept: { layer: 1 }, reject: { layer: 1 } });
    expect(scanOf(site, 'after-reject').action).toMatchObject({ kind: 'reject', done: true });
    expect(scanOf(site, 'after-accept').action).toMatchObject({ kind: 'accept', done: true });
    // The analytics did load once accepted, on this site: read from its own visit, as the inventory's
    // pages are paths and every fixture site here is served at "/".
    expect(scanOf(site, 'after-accept').cookies.map((c) => c.name)).toContain('_ga');
    expect(hostsOf(site, 'after-accept')).toContain('www.google-analytics.com');
  });

  it.each(['vanilla-leaky', 'klaro-leaky'])('%s, a pixel outside the manager: errors before consent and after reject', (site) => {
    expect(rulesOn(site)).toEqual([
      'error identifier-sent-to-third-party (after-reject)',
      'error identifier-sent-to-third-party (initial)',
      'error tracker-request-before-consent (initial)',
      'error tracking-after-reject (after-reject)',
      'error tracking-cookie-before-consent (initial)',
      'warn cookie-lifetime-too-long (after-accept)',
      // Nor does the cookie policy, written before the pixel was added, name its cookies.
      'warn cookie-not-declared (after-accept)',
    ]);
  });

  it('falls back to autoconsent when no control is recognised, and still says the banner was not understood', () => {
    expect(rulesOn('vanilla-odd')).toEqual(['warn consent-banner-undetected (initial)', 'warn cookie-lifetime-too-long (after-accept)']);
    expect(scanOf('vanilla-odd', 'after-reject').action).toMatchObject({ done: true, detail: expect.stringContaining("autoconsent's rules for cookieconsent3 refused") });
    expect(scanOf('vanilla-odd', 'after-accept').action).toMatchObject({ done: true, detail: expect.stringContaining("autoconsent's rules for cookieconsent3 accepted") });
  });

  it('sees the vanilla-cookieconsent banner although it hides from bots by default', () => {
    expect(scanOf('vanilla-ok', 'initial').banner?.text).toContain('we use cookies');
  });

  it('lists what is stored after accept, with vendor, category and lifetime', () => {
    const ga = result.inventory.find((e) => e.name === '_ga')!;
    expect(ga).toMatchObject({ kind: 'cookie', vendor: 'Google Analytics', category: 'analytics', party: 'first', lifetimeDays: 730 });
  });
});

describe('home-made banners with deliberate flaws', () => {
  it('a fair banner: no findings in any phase', () => {
    expect(rulesOn('kit-fair')).toEqual([]);
    // Not for want of a tracker: accepting loads the Meta pixel, and it sets its cookie.
    expect(hostsOf('kit-fair', 'after-accept')).toContain('connect.facebook.net');
    expect(scanOf('kit-fair', 'after-accept').cookies.map((c) => c.name)).toContain('_fbp');
    expect(result.pages.find((p) => p.url === urls.get('kit-fair'))!.phases.map((s) => s.phase)).toEqual(['initial', 'after-scroll', 'after-reject', 'after-accept']);
    // Browsing on is not consent: the banner is looked for again on the page a link leads to.
    expect(scanOf('kit-fair', 'after-scroll').action).toMatchObject({ bannerAfter: 'visible', detail: expect.stringMatching(/then followed a link to \//) });
  });

  it('a page with no banner and no notice is not visited to reject or accept: there is nothing to click', async () => {
    const site = await startStatic(join(ROOT, 'examples', 'site-clean'));
    try {
      const plain = await runGate({ discover: { pages: [site.url] } });
      expect(plain.pages[0]!.phases.map((s) => s.phase)).toEqual(['initial', 'after-scroll']);
      // Nor is the next page loaded after scrolling: a banner that stays is all it would be looked at for.
      expect(plain.pages[0]!.phases[1]!.action).toEqual({ kind: 'scroll', done: true, steps: [{ do: 'browse' }], failure: null, detail: 'scrolled to the bottom, moved the mouse, pressed Escape', bannerAfter: null });
      expect(plain.verdict.exitCode).toBe(0);
    } finally {
      await site.close();
    }
  });

  it('reject ignored: the tracker loads after the visitor refused', () => {
    expect(rulesOn('kit-reject-ignored')).toEqual(['error identifier-sent-to-third-party (after-reject)', 'error tracking-after-reject (after-reject)']);
  });

  it('reject reported: the refusal click itself sends an analytics hit, the only one after refusing', () => {
    expect(rulesOn('kit-reject-reported')).toEqual(['error tracking-after-reject (after-reject)']);
    expect(scanOf('kit-reject-reported', 'after-reject').requests.filter((r) => r.url.includes('en=consent_rejected')).length).toBe(1);
  });

  it('scrolling taken as consent, and the banner gone with it', () => {
    expect(rulesOn('kit-scroll')).toEqual([
      'error identifier-sent-to-third-party (after-scroll)',
      'error tracking-after-implicit-action (after-scroll)',
      'warn banner-dismissed-without-choice (after-scroll)',
    ]);
  });

  it('a non-necessary category switched on in the settings', () => {
    expect(rulesOn('kit-preticked')).toEqual(['error preticked-consent (initial)']);
    expect(result.findings.find((f) => f.rule === 'preticked-consent')!.message).toBe('"Analytics" is switched on before the visitor chose it');
  });

  it('reject only in the settings layer', () => {
    expect(rulesOn('kit-no-reject')).toEqual(['error reject-not-on-first-layer (initial)']);
    expect(scanOf('kit-no-reject', 'after-reject').action?.detail).toContain('in the settings layer');
  });

  it('a refusal in a settings layer counts once its save stored it', () => {
    expect(scanOf('kit-reject-then-save', 'after-reject').action).toMatchObject({ done: true, failure: null, steps: [
        { do: 'click', control: 'Reject all', layer: 2 },
        { do: 'click', control: 'Save choices', layer: 2 },
        { do: 'reload' },
        { do: 'follow', path: '/contact.html' },
      ],
    });
    expect(scanOf('kit-reject-then-save', 'after-reject').action?.detail).toMatch(/^clicked "Reject all" in the settings layer, then "Save choices", reloaded/);
    expect(rulesOn('kit-reject-then-save')).toEqual(['error reject-not-on-first-layer (initial)']);
  });

  it('a refusal clicked but never stored: the visit is not done, says why, and claims nothing about tracking after it', () => {
    const action = scanOf('kit-reject-unstored', 'after-reject').action;
    expect(action).toMatchObject({ kind: 'reject', done: false, failure: 'the choice was not stored: the consent window stayed open and no cookie or storage changed' });
    expect(action?.detail).toBe('clicked "Reject all" in the settings layer, but the choice was not stored: the consent window stayed open and no cookie or storage changed');
    expect(rulesOn('kit-reject-unstored')).toEqual(['error reject-not-on-first-layer (initial)']);
  });

  it('reject as a text link beside an accept button', () => {
    expect(rulesOn('kit-reject-link')).toEqual(['warn reject-harder-than-accept (initial)']);
  });

  it('a banner that hides itself after 5 s', () => {
    expect(rulesOn('kit-vanish')).toEqual(['warn banner-dismissed-without-choice (after-scroll)', 'warn banner-dismissed-without-choice (initial)']);
  });

  it('a notice whose controls are not recognised: a warning with the way to fix it, not a silent pass', () => {
    expect(rulesOn('odd-words')).toEqual(['warn consent-banner-undetected (initial)']);
    expect(result.findings.find((f) => f.rule === 'consent-banner-undetected' && f.page === urls.get('odd-words'))!.evidence[0]).toContain('this site would love some cookies');
  });

  it('no cookie policy link on the home page', () => {
    expect(rulesOn('kit-no-policy')).toEqual(['warn cookie-policy-link-missing (initial)']);
  });
});

describe('one choice per banner, the other pages loaded with it stored', () => {
  it('two banners on one site: each answered on its own first page, each other page loaded with that choice stored, and judged', () => {
    for (const path of ['', 'contact.html']) expect(rulesOn('two-banners', path), path).toEqual([]);
    for (const path of ['shop/', 'shop/cart.html']) expect(rulesOn('two-banners', path), path).toEqual(['warn cookie-lifetime-too-long (after-accept)']);
    expect(scanOf('two-banners', 'initial', 'shop/').banner?.text).toContain('we use cookies');
    expect(scanOf('two-banners', 'after-reject').action?.detail).toBe('clicked "Reject all", reloaded, followed a link to /contact.html');
    expect(scanOf('two-banners', 'after-reject', 'contact.html').action).toMatchObject({ kind: 'reject', done: true, steps: [{ do: 'stored', choice: 'reject', on: '/' }], detail: 'refused on /, stored' });
    expect(scanOf('two-banners', 'after-accept', 'contact.html').action?.detail).toBe('accepted on /, stored');
    expect(scanOf('two-banners', 'after-reject', 'shop/').action?.detail).toBe('clicked "Reject all", reloaded, followed a link to /shop/cart.html');
    expect(scanOf('two-banners', 'after-reject', 'shop/cart.html').action?.detail).toBe('refused on /shop/, stored');
    // The inventory after accepting lists the whole jar on a stored-choice visit too: GA's cookie, set on the shop's first page.
    expect(scanOf('two-banners', 'after-accept', 'shop/cart.html').cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['_ga', 'cc_cookie']));
  });

  it('a choice the next folder forgets: choice-not-remembered, and that page makes its own choices', () => {
    expect(rulesOn('path-bound', 'blog/')).toEqual([]);
    expect(rulesOn('path-bound', 'shop/')).toEqual(['warn choice-not-remembered (after-accept)', 'warn choice-not-remembered (after-reject)']);
    const refused = scanOf('path-bound', 'after-reject', 'shop/').action;
    expect(refused).toMatchObject({ kind: 'reject', done: true, steps: [{ do: 'stored', choice: 'reject', on: '/blog/', bannerAgain: true }, { do: 'click', control: 'Reject all' }, { do: 'reload' }, { do: 'follow', path: '/blog/' }] });
    expect(refused?.detail).toBe('refused on /blog/, stored, but the banner showed again here, then clicked "Reject all", reloaded, followed a link to /blog/');
    const finding = result.findings.find((f) => f.rule === 'choice-not-remembered' && f.phase === 'after-reject')!;
    expect(finding).toMatchObject({ severity: 'warn', page: new URL('shop/', urls.get('path-bound')).href, message: 'the refusal made on /blog/ was not remembered on this page: the banner showed again' });
  });

  it('reports say which visit was a stored-choice load, in every language and in the JSON', () => {
    expect(formatHtml(result, 'en')).toContain('refused on /, stored');
    expect(formatHtml(result, 'nl')).toContain('geweigerd op /, opgeslagen');
    expect(formatHtml(result, 'nl')).toContain('de weigering op /blog/ werd op deze pagina niet onthouden: de cookiemelding verscheen opnieuw');
    expect(formatHtml(result, 'fr')).toContain('refusé sur /, enregistré');
    expect(formatHtml(result, 'fr')).toContain("refusé sur /blog/, enregistré, mais la bannière s'est de nouveau affichée ici");
    const json = JSON.parse(formatJson(result)) as GateResult;
    expect(validateReport(json)).toBe(true);
    const contact = json.pages.find((p) => p.url === new URL('contact.html', urls.get('two-banners')).href)!;
    expect(contact.phases.find((s) => s.phase === 'after-reject')!.action).toMatchObject({ steps: [{ do: 'stored', choice: 'reject', on: '/' }], detail: 'refused on /, stored' });
  });
});
