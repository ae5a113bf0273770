// The sites of the compliance matrix (test/compliance-matrix.test.ts): each consent manager from npm,
// configured as its own documentation shows, on a two-page site whose trackers are GA4 and the Meta
// pixel (answered by examples/vendors/serve.mjs). Built in a temporary folder at test time, with the
// manager's files copied from node_modules, so no vendored copy of them is committed. Each site is
// served under a host name of its own (web.<site>.be), where GA and the pixel keep their cookies on
// the registrable domain (<site>.be), as on a deployed site.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './fixtures.js';

export const GA4 = 'https://www.googletagmanager.com/gtag/js?id=G-MATRIX1';
export const PIXEL = 'https://connect.facebook.net/en_US/fbevents.js';

type Lang = 'nl' | 'fr' | 'en';

/** What a site says around its banner, in its own language. */
const CHROME: Record<Lang, { home: string; contact: string; policy: string; policyTitle: string }> = {
  nl: { home: 'Welkom bij de gemeente', contact: 'Contact', policy: 'Cookieverklaring', policyTitle: 'Welke cookies wij plaatsen en waarom.' },
  fr: { home: 'Bienvenue à la commune', contact: 'Contact', policy: 'Politique de cookies', policyTitle: 'Les cookies que nous déposons, et pourquoi.' },
  en: { home: 'Welcome to the council', contact: 'Contact', policy: 'Cookie policy', policyTitle: 'Which cookies we set and why.' },
};

/**
 * What the site stores once the visitor accepts, as a manager's cookie table lists it (see
 * test/declaration.test.ts): GA4's and the Meta pixel's cookies.
 */
export const DECLARED = { analytics: ['_ga', '_ga_*'], marketing: ['_fbp', 'fr'] } as const;
const ALL_DECLARED: readonly string[] = [...DECLARED.analytics, ...DECLARED.marketing];

/**
 * How a site sets its manager up. pixelGated false leaves the Meta pixel to the page itself, outside
 * the manager, which is not told about it (as when a tag is added without touching the manager); reopen false leaves out the way back to the choice (the site's link, or the manager's
 * own icon, hidden by its documented option); domain is the registrable domain its cookie clean-up is
 * told about, null where the site leaves that option out.
 */
export interface Setup {
  pixelGated: boolean;
  reopen: boolean;
  domain: string | null;
  /** The tracker cookies its cookie table or per-service `cookies` name, where the manager has them. */
  declared: readonly string[];
  /**
   * The policy page declares what the site stores, with how long: the manager's own cookie, GA's and,
   * where the manager loads it, the pixel's (a pixel added outside the manager is what the policy misses).
   */
  policyTable: boolean;
}

/** A consent manager as a site sets it up: its files (destination → path in node_modules) and the markup that loads it. */
interface Manager {
  lang: Lang;
  /** The cookie it keeps the visitor's choice in, and how long that lasts in the site's words, for the policy page. */
  consentCookie: { name: string; kept: string };
  files: Record<string, string>;
  /** Its cookie clean-up takes a domain, and without one misses cookies kept on the registrable domain. */
  domainOption: boolean;
  head(setup: Setup): string;
  body(setup: Setup): string;
}

/** The declared names among `names`. */
const declaredOf = (setup: Setup, names: readonly string[]): string[] => names.filter((name) => setup.declared.includes(name));

/** The Meta pixel as its snippet puts it in a page, with no consent manager in between. */
const PIXEL_TAG = `<script async src="${PIXEL}"></script>`;
const pixelOutside = ({ pixelGated }: Setup): string => (pixelGated ? '' : `\n${PIXEL_TAG}`);

/** Osano's cookieconsent: the site loads its trackers itself, from the callbacks its documentation names. */
const osanoLoader = `<script>
  function loadTrackers(pixel) {
    if (window.trackersLoaded) return;
    window.trackersLoaded = true;
    [${JSON.stringify(GA4)}].concat(pixel ? [${JSON.stringify(PIXEL)}] : []).forEach(function (src) {
      var s = document.createElement('script'); s.async = true; s.src = src; document.head.appendChild(s);
    });
  }
</script>`;

/**
 * Osano's cookieconsent, started on load as its wizard does, with `initialise`'s arguments given as
 * source. Its way back is its own floating "revoke" tab, named after the policy: for the opt-in and
 * opt-out types it shows whatever `revokable` says, so a site without it hides the tab with its own
 * CSS, as many do. The site reloads once the visitor withdraws, since trackers already running
 * cannot be unloaded.
 */
function osano(lang: Lang, initialiseArgs: (setup: Setup) => string): Manager {
  return {
    lang,
    consentCookie: { name: 'cookieconsent_status', kept: lang === 'fr' ? '1 an' : '1 year' },
    domainOption: false,
    files: { 'cookieconsent.min.js': 'cookieconsent/build/cookieconsent.min.js', 'cookieconsent.min.css': 'cookieconsent/build/cookieconsent.min.css' },
    head: (setup) => `<link rel="stylesheet" href="/cookieconsent.min.css">${setup.reopen ? '' : '\n<style>.cc-revoke { display: none !important; }</style>'}${pixelOutside(setup)}`,
    body: (setup) => `<script src="/cookieconsent.min.js"></script>
${osanoLoader}
<script>
  window.addEventListener('load', function () {
    window.cookieconsent.initialise(${initialiseArgs(setup)});
  });
</script>`,
  };
}

export const MANAGERS = {
  // tarteaucitron.js in French, its own lang file picked from <html lang="fr">. Its README's defaults
  // but one: with googleConsentMode on (the default) and softConsentMode off, its gtag service's
  // fallback loads gtag.js before any choice and leaves the rest to Google's Consent Mode, so Google
  // is contacted without consent. softConsentMode: true is its documented "consent is required to
  // load the services". Its way back is its floating icon (showIcon); its clean-up of a refused
  // service's cookies tries the registrable domain by itself.
  tarteaucitron: {
    lang: 'fr',
    consentCookie: { name: 'tarteaucitron', kept: '1 an' },
    domainOption: false,
    files: {
      'tarteaucitron/tarteaucitron.js': 'tarteaucitronjs/tarteaucitron.js',
      'tarteaucitron/tarteaucitron.services.js': 'tarteaucitronjs/tarteaucitron.services.js',
      'tarteaucitron/lang/tarteaucitron.fr.js': 'tarteaucitronjs/lang/tarteaucitron.fr.js',
      'tarteaucitron/css/tarteaucitron.css': 'tarteaucitronjs/css/tarteaucitron.css',
    },
    head: (setup) => `<script src="/tarteaucitron/tarteaucitron.js"></script>
<script>
  tarteaucitron.init({
    privacyUrl: '/cookies.html', hashtag: '#tarteaucitron', cookieName: 'tarteaucitron', orientation: 'middle',
    groupServices: false, showDetailsOnClick: true, serviceDefaultState: 'wait', showAlertSmall: false,
    cookieslist: false, showIcon: ${setup.reopen}, iconPosition: 'BottomRight', adblocker: false, DenyAllCta: true,
    AcceptAllCta: true, highPrivacy: true, alwaysNeedConsent: false, handleBrowserDNTRequest: false,
    removeCredit: false, moreInfoLink: true, useExternalCss: false, useExternalJs: false, mandatory: true,
    mandatoryCta: true, googleConsentMode: true, softConsentMode: true, dataLayer: false, serverSide: false,
  });
</script>${pixelOutside(setup)}`,
    body: ({ pixelGated }) => `<script>
  tarteaucitron.user.gtagUa = 'G-MATRIX1';
  (tarteaucitron.job = tarteaucitron.job || []).push('gtag');${
    pixelGated
      ? `
  tarteaucitron.user.facebookpixelId = '1234567890';
  (tarteaucitron.job = tarteaucitron.job || []).push('facebookpixel');`
      : ''
  }
</script>`,
  },
  // Orejime 3 in Dutch (its orejime-standard-nl build); trackers wrapped in <template data-purpose>.
  // Its way back is the site's own button calling orejime.prompt(), as its README shows. Its clean-up
  // tries every parent domain of the page when no domain is given, so it needs no domain option.
  orejime: {
    lang: 'nl',
    consentCookie: { name: 'eu-consent', kept: '6 maanden' },
    domainOption: false,
    files: { 'orejime-standard-nl.js': 'orejime/dist/orejime-standard-nl.js', 'orejime-standard.css': 'orejime/dist/orejime-standard.css' },
    head: (setup) => `<link rel="stylesheet" href="/orejime-standard.css">
<script>
  window.orejimeConfig = {
    privacyPolicyUrl: '/cookies.html',
    purposes: [
      { id: 'analytics', title: 'Google Analytics', description: 'Bezoekersstatistieken.'${setup.declared.includes('_ga') ? ", cookies: ['_ga', /^_ga_/]" : ''} },
${setup.pixelGated ? `      { id: 'ads', title: 'Meta pixel', description: 'Advertenties meten.'${listed(declaredOf(setup, DECLARED.marketing).map((name) => `'${name}'`))} },\n` : ''}    ],
  };
</script>
<script src="/orejime-standard-nl.js"></script>
<template data-purpose="analytics"><script async src="${GA4}"></script></template>
${setup.pixelGated ? `<template data-purpose="ads">${PIXEL_TAG}</template>` : PIXEL_TAG}`,
    body: ({ reopen }) => (reopen ? '<p><button type="button" onclick="orejime.prompt()">Cookievoorkeuren</button></p>' : ''),
  },
  // Osano's cookieconsent 3, "opt-in" (its example 5), with the site's French texts: the site loads
  // its trackers from onInitialise / onStatusChange once hasConsented(), as its documentation shows.
  'cookieconsent-opt-in': osano(
    'fr',
    ({ pixelGated }) => `{
      type: 'opt-in',
      content: {
        message: 'Nous utilisons des cookies pour mesurer l’audience de ce site.',
        allow: 'Accepter les cookies', deny: 'Refuser', link: 'En savoir plus', href: '/cookies.html', policy: 'Politique de cookies',
      },
      onInitialise: function () { if (this.hasConsented()) loadTrackers(${pixelGated}); },
      onStatusChange: function () { if (this.hasConsented()) loadTrackers(${pixelGated}); else if (window.trackersLoaded) location.reload(); },
    }`,
  ),
  // Osano's cookieconsent 3, "opt-out" (its example 4), with its default English texts. Opt-out
  // means what its documentation says: cookies are on until the visitor declines ("if (type ==
  // 'opt-out' && !didConsent) { // disable cookies }"), so the trackers load before any choice.
  'cookieconsent-opt-out': osano(
    'en',
    ({ pixelGated }) => `{ type: 'opt-out', content: { href: '/cookies.html' },
      onStatusChange: function (status) { if (status === 'deny' && window.trackersLoaded) location.reload(); } }, function (popup) {
      if (popup.getStatus() !== 'deny') loadTrackers(${pixelGated});
    }`,
  ),
  // Klaro 0.7 with its own French translation (lang: 'fr'). Its way back is the site's link calling
  // klaro.show(), as its README shows; its clean-up needs the cookie's domain, else it tries the
  // page's host only.
  klaro: {
    lang: 'fr',
    consentCookie: { name: 'klaro', kept: '6 mois' },
    domainOption: true,
    files: { 'klaro.js': 'klaro/dist/klaro.js' },
    head: (setup) => {
      const { pixelGated, domain } = setup;
      const cookie = (pattern: string): string => (domain ? `[${pattern}, '/', '${domain}']` : pattern);
      const gaCookies = setup.declared.includes('_ga') ? `, cookies: [${cookie('/^_ga/')}]` : '';
      const pixelCookies = listed(declaredOf(setup, DECLARED.marketing).map((name) => cookie(`'${name}'`)));
      return `<script>
  var klaroConfig = {
    version: 1, elementID: 'klaro', storageMethod: 'cookie', cookieName: 'klaro', cookieExpiresAfterDays: 180,
    default: false, mustConsent: false, acceptAll: true, hideDeclineAll: false, lang: 'fr', privacyPolicy: '/cookies.html',
    services: [
      { name: 'google-analytics', title: 'Google Analytics', purposes: ['analytics']${gaCookies} },
${pixelGated ? `      { name: 'meta-pixel', title: 'Meta pixel', purposes: ['marketing']${pixelCookies} },\n` : ''}    ],
  };
</script>
<script defer src="/klaro.js"></script>
<script type="text/plain" data-type="text/javascript" data-name="google-analytics" data-src="${GA4}"></script>
${pixelGated ? `<script type="text/plain" data-type="text/javascript" data-name="meta-pixel" data-src="${PIXEL}"></script>` : PIXEL_TAG}`;
    },
    body: ({ reopen }) => (reopen ? '<p><a onclick="return klaro.show();">Paramètres des cookies</a></p>' : ''),
  },
  // Orest Bida's vanilla-cookieconsent 3 with the site's Dutch texts; scripts held as text/plain per
  // category. Its way back is the site's button with data-cc="show-preferencesModal"; autoClear
  // removes a refused category's cookies on the page's host unless told their domain.
  'vanilla-cookieconsent': {
    lang: 'nl',
    consentCookie: { name: 'cc_cookie', kept: '6 maanden' },
    domainOption: true,
    files: { 'cookieconsent.umd.js': 'vanilla-cookieconsent/dist/cookieconsent.umd.js', 'cookieconsent.css': 'vanilla-cookieconsent/dist/cookieconsent.css' },
    head: ({ pixelGated }) => `<link rel="stylesheet" href="/cookieconsent.css">
<script type="text/plain" data-category="analytics" async src="${GA4}"></script>
${pixelGated ? `<script type="text/plain" data-category="marketing" async src="${PIXEL}"></script>` : PIXEL_TAG}`,
    body: (setup) => {
      const { pixelGated, reopen, domain } = setup;
      const clear = (name: string): string => `{ autoClear: { cookies: [{ name: ${name}${domain ? `, domain: '${domain}'` : ''} }] } }`;
      return `${reopen ? '<p><button type="button" data-cc="show-preferencesModal">Cookievoorkeuren</button></p>\n' : ''}<script src="/cookieconsent.umd.js"></script>
<script>
  CookieConsent.run({
    categories: { necessary: { enabled: true, readOnly: true }, analytics: ${clear('/^_ga/')}, marketing: ${pixelGated ? clear("'_fbp'") : '{}'} },
    language: {
      default: 'nl',
      translations: {
        nl: {
          consentModal: {
            title: 'Wij gebruiken cookies',
            description: 'Met uw toestemming meten wij het gebruik van deze site. Lees onze <a href="/cookies.html">cookieverklaring</a>.',
            acceptAllBtn: 'Alles accepteren', acceptNecessaryBtn: 'Alles weigeren', showPreferencesBtn: 'Voorkeuren beheren',
          },
          preferencesModal: {
            title: 'Cookievoorkeuren', acceptAllBtn: 'Alles accepteren', acceptNecessaryBtn: 'Alles weigeren', savePreferencesBtn: 'Voorkeuren opslaan',
            sections: [
              { title: 'Strikt noodzakelijk', description: 'Nodig om de site te laten werken.', linkedCategory: 'necessary'${cookieTable(setup.declared.length > 0 ? ['cc_cookie'] : [])} },
              { title: 'Statistieken', description: 'Hoe bezoekers de site gebruiken.', linkedCategory: 'analytics'${cookieTable(declaredOf(setup, DECLARED.analytics))} },
              { title: 'Marketing', description: 'Advertenties meten.', linkedCategory: 'marketing'${cookieTable(pixelGated ? declaredOf(setup, DECLARED.marketing) : [])} },
            ],
          },
        },
      },
    },
  });
</script>`;
    },
  },
  // Beyonk's GDPR cookie consent banner, the web component <cookie-consent-banner> (its shadow root is
  // open), with the site's Dutch texts as its attributes, as its README shows. Its categories start
  // switched on, which only its settings layer shows: the site leaves that layer out with the
  // documented ::part styling, so "Alles accepteren" and "Alles weigeren" are the whole choice. Its
  // way back is its own floating icon, named only by its aria-label ("Cookie-instellingen"), hidden by
  // its showEditIcon property (its attribute cannot say false: any value of it means true). It clears
  // no cookies.
  beyonk: {
    lang: 'nl',
    consentCookie: { name: 'toestemming', kept: '2 jaar' },
    domainOption: false,
    files: { 'cookie-consent-banner.js': '@beyonk/gdpr-cookie-consent-banner/dist/index.js', 'cookie-consent-banner.css': '@beyonk/gdpr-cookie-consent-banner/src/lib/banner.css' },
    head: (setup) => `<link rel="stylesheet" href="/cookie-consent-banner.css">
<style>cookie-consent-banner::part(button--settings) { display: none; }</style>
<script type="module" src="/cookie-consent-banner.js"></script>${pixelOutside(setup)}`,
    body: ({ pixelGated, reopen }) => `<cookie-consent-banner cookie-name="toestemming" heading="Cookies op deze site"
  description="Met uw toestemming meten wij het gebruik van deze site. Lees onze &lt;a href=&quot;/cookies.html&quot;&gt;cookieverklaring&lt;/a&gt;."
  accept-all-label="Alles accepteren" accept-selected-label="Alles accepteren" reject-label="Alles weigeren"
  settings-label="Voorkeuren" close-label="Sluiten" edit-label="Cookie-instellingen" can-reject-cookies="true"
  choices='{"tracking": false}'></cookie-consent-banner>
<script>${
    reopen
      ? ''
      : `
  customElements.whenDefined('cookie-consent-banner').then(function () { document.querySelector('cookie-consent-banner').showEditIcon = false; });`
  }
  function load(src) { var s = document.createElement('script'); s.async = true; s.src = src; document.head.appendChild(s); }
  window.addEventListener('consent:analytics', function (e) { if (e.detail.agreed) load(${JSON.stringify(GA4)}); });${
    pixelGated
      ? `
  window.addEventListener('consent:marketing', function (e) { if (e.detail.agreed) load(${JSON.stringify(PIXEL)}); });`
      : ''
  }
</script>`,
  },
} satisfies Record<string, Manager>;

export type ManagerName = keyof typeof MANAGERS;

/** A manager's `cookies` list as source text (", cookies: [...]"; "" when it names none). */
function listed(items: readonly string[]): string {
  return items.length > 0 ? `, cookies: [${items.join(', ')}]` : '';
}

/** What vanilla-cookieconsent's table says of each cookie, in Dutch. */
const VANILLA_ROWS: Record<string, { desc: string; expiration: string }> = {
  cc_cookie: { desc: 'Uw cookiekeuze.', expiration: '6 maanden' },
  _ga: { desc: 'Onderscheidt bezoekers.', expiration: '2 jaar' },
  '_ga_*': { desc: 'Houdt de sessie bij.', expiration: '2 jaar' },
  _fbp: { desc: 'Meet advertenties.', expiration: '3 maanden' },
  fr: { desc: 'Advertenties van Meta.', expiration: '3 maanden' },
};

/** A section's `cookieTable` as vanilla-cookieconsent's documentation shows it, as source text ("" for no rows). */
function cookieTable(names: readonly string[]): string {
  if (names.length === 0) return '';
  const body = names.map((name) => `{ name: '${name}', domain: location.hostname, desc: '${VANILLA_ROWS[name]!.desc}', expiration: '${VANILLA_ROWS[name]!.expiration}' }`);
  return `, cookieTable: { headers: { name: 'Naam', domain: 'Domein', desc: 'Beschrijving', expiration: 'Bewaartermijn' }, body: [${body.join(', ')}] }`;
}

/**
 * done-right: every tracker gated, a way back to the choice, the clean-up told the cookies' domain;
 * pixel-outside: the Meta pixel loaded by the page itself; no-reopen: no way back but the manager's
 * script API, if it has one; deletion-without-domain: the clean-up left without its domain option.
 */
export type Variant = 'done-right' | 'pixel-outside' | 'no-reopen' | 'deletion-without-domain';

/** `domain`: the registrable domain a clean-up is told about (null: none); `declared`: the cookie table's names, all unless told. */
export function setupOf(variant: Variant, options: { domain?: string | null; declared?: readonly string[]; policyTable?: boolean } = {}): Setup {
  const domain = variant === 'deletion-without-domain' ? null : (options.domain ?? null);
  return { pixelGated: variant !== 'pixel-outside', reopen: variant !== 'no-reopen', domain, declared: options.declared ?? ALL_DECLARED, policyTable: options.policyTable ?? true };
}

/** How long GA's and the pixel's cookies are kept, in each site's words: at least what they ask for. */
const KEPT: Record<Lang, { ga: string; pixel: string; heading: [string, string] }> = {
  nl: { ga: '2 jaar', pixel: '3 maanden', heading: ['Cookie', 'Bewaartermijn'] },
  fr: { ga: '2 ans', pixel: '3 mois', heading: ['Cookie', 'Durée de conservation'] },
  en: { ga: '2 years', pixel: '3 months', heading: ['Cookie', 'Kept for'] },
};

/** The policy page's table: what the site stores with consent, as its cookie policy lists it. */
function policyTable(manager: Manager, setup: Setup): string {
  const kept = KEPT[manager.lang];
  const rows: [string, string][] = [
    [manager.consentCookie.name, manager.consentCookie.kept],
    ['_ga', kept.ga],
    ['_ga_*', kept.ga],
    ...(setup.pixelGated ? DECLARED.marketing.map((name): [string, string] => [name, kept.pixel]) : []),
  ];
  return `<table><tr><th>${kept.heading[0]}</th><th>${kept.heading[1]}</th></tr>${rows.map(([name, time]) => `<tr><td>${name}</td><td>${time}</td></tr>`).join('')}</table>`;
}

/** The managers whose clean-up misses cookies on the registrable domain without its domain option. */
export const WITH_DOMAIN_OPTION = (Object.keys(MANAGERS) as ManagerName[]).filter((name) => (MANAGERS[name] as Manager).domainOption);

function page(lang: Lang, title: string, head: string, body: string): string {
  const chrome = CHROME[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${title}</title>
${head}
</head>
<body>
<h1>${title}</h1>
<p><a href="/index.html">Home</a> · <a href="/contact.html">${chrome.contact}</a></p>
<div style="height: 2000px"></div>
<footer><a href="/cookies.html">${chrome.policy}</a></footer>
${body}
</body>
</html>
`;
}

/** Writes a site's files, its two scanned pages (index.html, contact.html) and a cookie policy page. */
function writeSite(lang: Lang, name: string, head: string, body: string, extra: Record<string, string> = {}, declaration = ''): string {
  const dir = mkdtempSync(join(tmpdir(), `cg-matrix-${name}-`));
  const chrome = CHROME[lang];
  writeFileSync(join(dir, 'index.html'), page(lang, chrome.home, head, body));
  writeFileSync(join(dir, 'contact.html'), page(lang, chrome.contact, head, body));
  // The policy page carries the consent manager as every page of the site does.
  writeFileSync(join(dir, 'cookies.html'), page(lang, chrome.policy, head, `<p>${chrome.policyTitle}</p>\n${declaration}\n${body}`));
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  return dir;
}

/** A consent manager's site in one of its variants (see setupOf: where GA and the pixel keep their cookies, what its table declares). */
export function managerMatrixSite(name: ManagerName, variant: Variant, options: Parameters<typeof setupOf>[1] = {}): string {
  const manager: Manager = MANAGERS[name];
  const setup = setupOf(variant, options);
  const dir = writeSite(manager.lang, `${name}-${variant}`, manager.head(setup), manager.body(setup), {}, setup.policyTable ? policyTable(manager, setup) : '');
  for (const [to, from] of Object.entries(manager.files)) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    cpSync(join(ROOT, 'node_modules', from), join(dir, to));
  }
  return dir;
}

/** A site that stores nothing and contacts no one. */
export function noCookieSite(): string {
  return writeSite('nl', 'no-cookies', '', '');
}

/**
 * A shop that stores only what it needs: a session id and a CSRF token its host sets with Set-Cookie
 * (through the `_headers` file the static server honours, as Netlify does), and a language cookie
 * its own script writes.
 */
export function essentialCookieSite(): string {
  const headers = `/*
  Set-Cookie: PHPSESSID=9f3b2c1d7e6a5b4c; Path=/; HttpOnly; SameSite=Lax
  Set-Cookie: csrftoken=Zq81xY0aLm3NvB7c; Path=/; SameSite=Strict
`;
  const language = `<script>document.cookie = 'lang=nl; path=/; max-age=' + 60 * 60 * 24 * 30 + '; SameSite=Lax';</script>`;
  return writeSite('nl', 'essential', '', language, { _headers: headers });
}
