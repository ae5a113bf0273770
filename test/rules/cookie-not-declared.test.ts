import { describe, expect, it } from 'vitest';
import { cookieNotDeclared } from '../../src/rules/cookie-not-declared.js';
import { runRules } from '../../src/rules/run.js';
import { ruleTester } from '../support/rule-tester.js';
import { banner, cookie, declarationPage, managerList, page, scan, storage, visit } from '../support/scans.js';

const POLICY = 'https://example.org/cookies/';
const GA = cookie('_ga', 'analytics', { days: 730, vendor: 'Google Analytics' });
const GA4 = cookie('_ga_G1A2B3C4D5', 'analytics', { days: 730, vendor: 'Google Analytics' });
const FBP = cookie('_fbp', 'marketing', { days: 90, vendor: 'Facebook' });
const CONSENT = cookie('cc_cookie', 'necessary', { days: 182, vendor: 'CookieConsent (orestbida)' });

/** A page with a banner, whose initial visit read `declarations`, and whose accept visit stored `stored`. */
function accepted(declarations: ReturnType<typeof declarationPage>[], stored: Parameters<typeof visit>[1] = { cookies: [GA, GA4, CONSENT] }) {
  return page(scan({ banner: banner(), declarations }), visit('after-accept', stored));
}

/** A policy page with a cookie table, one row per [name, provider, retention]. */
const table = (...rows: string[][]) => declarationPage(POLICY, [['Naam', 'Aanbieder', 'Bewaartermijn'], ...rows]);
const RIGHT = [
  ['_ga', 'Google Analytics', '2 jaar'],
  ['_ga_<container-id>', 'Google Analytics', '2 jaar'],
  ['cc_cookie', 'deze website', '6 maanden'],
];

ruleTester(cookieNotDeclared).run({
  valid: [
    { name: 'a table that names every cookie with its retention, a family by its placeholder', page: accepted([table(...RIGHT)]) },
    {
      name: 'families written as wildcards, names in another case',
      page: accepted([table(['_GA', 'Google', '2 years'], ['_ga_*', 'Google', '2 years'], ['CC_Cookie', 'site', '182 days'])]),
    },
    { name: "Cookiebot's # and a run of X as the id", page: accepted([table(['_ga', 'Google', '2 jaar'], ['_ga_#', 'Google', '2 jaar'], ['cc_cookie', '-', '6 maanden'])]) },
    { name: 'the X run form', page: accepted([declarationPage(POLICY, [['_ga, _ga_XXXXXXXXXX, cc_cookie']])]) },
    {
      name: 'a definition list in French: the term, then its description with the retention in running text',
      page: accepted([declarationPage(POLICY, [['_ga', "Mesure d'audience. Durée de conservation : 2 ans."], ['_ga_<id>', 'Idem, 2 ans.'], ['cc_cookie', 'Votre choix, conservé 6 mois.']])]),
    },
    {
      name: 'a paragraph naming several cookies and one retention for them all',
      page: accepted([declarationPage(POLICY, [['Google Analytics plaatst de cookies _ga en _ga_* en bewaart ze 2 jaar; uw keuze bewaren wij 6 maanden in cc_cookie.']])]),
    },
    {
      name: "the retention column wins over a duration in the row's description",
      page: accepted([table(['_ga', 'Google Analytics: onderscheidt bezoekers, telt een sessie na 30 minuten af', '2 jaar'], ['_ga_*', 'Google', '2 jaar'], ['cc_cookie', '-', '6 maanden'])]),
    },
    {
      name: 'rounding to the unit a declaration writes: 13 months for 396 days, "1 jaar" for 400 days, "1 an et 6 mois" for 548',
      page: accepted([table(['_pk_id.*', 'Matomo', '13 maanden'], ['_hj', 'Hotjar', '1 jaar'], ['_gcl_au', 'Google', '1 an et 6 mois'])], {
        cookies: [cookie('_pk_id.1.1fff', 'analytics', { days: 396 }), cookie('_hj', 'analytics', { days: 400 }), cookie('_gcl_au', 'marketing', { days: 548 })],
      }),
    },
    {
      name: 'session: a session cookie declared "Sessie", and a cookie of a day declared "1 jaar"',
      page: accepted([table(['PHPSESSID', 'site', 'Sessie'], ['lang', 'site', '1 jaar'])], { cookies: [cookie('PHPSESSID', 'necessary'), cookie('lang', 'preferences', { days: 1 })] }),
    },
    {
      name: "a consent manager's list: names and a regular expression as Klaro gives them, beside an empty policy page",
      page: accepted([declarationPage(POLICY, [['Welke cookies wij plaatsen en waarom.']]), managerList('klaro', [['Google Analytics', '_ga'], ['Consent', 'cc_cookie']], ['^_ga_'])]),
    },
    { name: 'a storage key named in the declaration', page: accepted([table(...RIGHT, ['ajs_user_id', 'Segment', '-'])], { cookies: [], storage: [storage('ajs_user_id', 'analytics')] }) },
    // Nothing could be read: nothing to compare with. cookie-policy-link-missing speaks of a missing policy.
    { name: 'no declaration found at all', page: accepted([]) },
    {
      name: 'a linked page of the site that could not be read: the cookie may be declared there',
      page: accepted([table(['_ga', 'Google', '2 jaar']), declarationPage('https://example.org/cookiebeleid.pdf', [], 'it is not a web page (application/pdf)')]),
    },
    { name: 'before any choice: judged after accepting', scan: scan({ banner: banner(), declarations: [table()], cookies: [FBP] }) },
    // The declaration command lists such a page's cookies; the rule judges what the site stores with consent.
    { name: 'a page with no banner: no consent to judge after', scan: scan({ declarations: [table()], cookies: [cookie('PHPSESSID', 'necessary')] }) },
    { name: 'accepting did not work', page: page(scan({ banner: banner(), declarations: [table()] }), visit('after-accept', { action: { kind: 'accept', done: false, steps: [], failure: 'no control', detail: 'no control', bannerAfter: null }, cookies: [FBP] })) },
  ],
  invalid: [
    {
      name: 'the Meta pixel added, the policy still last year\'s: one finding, naming the pages searched',
      page: accepted([table(...RIGHT)], { cookies: [GA, GA4, CONSENT, FBP] }),
      errors: [{ messageId: 'cookie', subject: { kind: 'cookie', name: '_fbp', host: 'example.org' }, data: { vendor: 'Facebook (marketing)', name: '_fbp' }, phase: 'after-accept', severity: 'warn' }],
    },
    {
      name: 'GA kept 2 years, the policy says 1 jaar',
      page: accepted([table(['_ga', 'Google Analytics', '1 jaar'], ['_ga_*', 'Google', '2 jaar'], ['cc_cookie', '-', '6 maanden'])]),
      errors: [{ messageId: 'shorter', subject: { name: '_ga' }, data: { days: 730, where: '/cookies/', declared: '1 jaar' } }],
    },
    {
      name: 'in French running text: "conservé 1 an"',
      page: accepted([declarationPage(POLICY, [['_ga', "Mesure d'audience, conservé 1 an."], ['_ga_*', '2 ans'], ['cc_cookie', '6 mois']])]),
      errors: [{ messageId: 'shorter', subject: { name: '_ga' }, data: { declared: '1 an' } }],
    },
    {
      name: 'declared a session cookie, asks 30 days',
      page: accepted([table(['lang', 'site', 'sessie'])], { cookies: [cookie('lang', 'preferences', { days: 30 })] }),
      errors: [{ messageId: 'shorter', data: { days: 30, declared: 'sessie' } }],
    },
    {
      name: 'a storage key the declaration does not name',
      page: accepted([table(...RIGHT)], { cookies: [GA, GA4, CONSENT], storage: [storage('_hjSessionUser_123', 'analytics', { vendor: 'Hotjar' })] }),
      errors: [{ messageId: 'storage', subject: { kind: 'storage', name: '_hjSessionUser_123' }, data: { storage: 'localStorage' } }],
    },
    {
      // tarteaucitron's service list links each vendor's privacy policy: Google's is not the site's declaration.
      name: "another site's privacy policy, unread, does not stand for the site's declaration",
      page: accepted([table(...RIGHT), declarationPage('https://policies.google.com/privacy', [], 'on another origin: the browser hides its text from the page')], { cookies: [GA, GA4, CONSENT, FBP] }),
      errors: [{ messageId: 'cookie', subject: { name: '_fbp' } }],
    },
    {
      name: "a consent manager's list with one cookie left out",
      page: accepted([managerList('orejime', [['Google Analytics', '_ga'], ['Consent', 'cc_cookie']], ['^_ga_']), managerList('orejime', [['Meta pixel', 'fr']])], { cookies: [GA, GA4, CONSENT, FBP] }),
      errors: [{ messageId: 'cookie', subject: { name: '_fbp' } }],
    },
    {
      name: 'strictly necessary cookies too',
      page: accepted([table(...RIGHT)], { cookies: [GA, GA4, CONSENT, cookie('PHPSESSID', 'necessary')] }),
      errors: [{ messageId: 'cookie', subject: { name: 'PHPSESSID' } }],
    },
    {
      name: 'at error, as the be and nl-government presets set it',
      page: accepted([table(...RIGHT)], { cookies: [FBP] }),
      severity: 'error',
      errors: [{ messageId: 'cookie', severity: 'error' }],
    },
  ],
});

describe('cookie-not-declared evidence', () => {
  it('names each page searched and how many of the stored cookies it names, then what set the cookie', () => {
    const other = declarationPage('https://example.org/privacy/', [['Wij gebruiken _ga.']]);
    const [finding] = runRules(accepted([table(...RIGHT), other], { cookies: [GA, GA4, CONSENT, FBP] }), {}, [cookieNotDeclared as never]);
    expect(finding!.evidence).toEqual(['/cookies/ names 3 of 4 cookies', '/privacy/ names 1 of 4 cookies', 'document.cookie written by https://example.org/app.js']);
    expect(finding!.message).toBe('Facebook (marketing) cookie "_fbp" (example.org) is stored after accepting, but the site\'s cookie declaration does not name it');
  });

  it('quotes the row that says the shorter retention', () => {
    const [finding] = runRules(accepted([table(['_ga', 'Google Analytics', '1 jaar'], ['_ga_*', 'Google', '2 jaar'], ['cc_cookie', '-', '6 maanden'])]), {}, [cookieNotDeclared as never]);
    expect(finding!.evidence[0]).toBe('/cookies/ reads: _ga | Google Analytics | 1 jaar');
  });
});
