// The sites of the compliance matrix (test/compliance-matrix.test.ts): each consent manager from npm,
// configured as its own documentation shows, on a two-page site whose trackers are GA4 and the Meta
// pixel (answered by examples/vendors/serve.mjs). Built in a temporary folder at test time, with the
// manager's files copied from node_modules, so no vendored copy of them is committed.
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
 * test/declaration.test.ts): the manager's own consent cookie, GA4's and the Meta pixel's.
 */
export const DECLARED = { analytics: ['_ga', '_ga_*'], marketing: ['_fbp', 'fr'] } as const;
const ALL_DECLARED: readonly string[] = [...DECLARED.analytics, ...DECLARED.marketing];

/**
 * A consent manager as a site sets it up: its files (destination → path in node_modules) and the
 * markup that loads it and hands it the trackers. `pixelGated` false leaves the Meta pixel to the
 * page itself, outside the manager: the flawed twin. `declared`: the tracker cookies its cookie
 * table or per-service `cookies` name, where the manager has them (all of them unless told).
 */
interface Manager {
  lang: Lang;
  files: Record<string, string>;
  head(pixelGated: boolean, declared: readonly string[]): string;
  body(pixelGated: boolean, declared: readonly string[]): string;
}

/** Klaro's and Orejime's `cookies` for the Meta pixel: the names declared, as source text ("" when none). */
const pixelCookies = (declared: readonly string[]): string => {
  const names = DECLARED.marketing.filter((name) => declared.includes(name));
  return names.length > 0 ? `, cookies: ${JSON.stringify(names).replace(/"/g, "'")}` : '';
};

/** The Meta pixel as its snippet puts it in a page, with no consent manager in between. */
const PIXEL_TAG = `<script async src="${PIXEL}"></script>`;

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

/** Osano's cookieconsent, started on load as its wizard does, with `initialise`'s arguments given as source. */
function osano(lang: Lang, initialiseArgs: (pixelGated: boolean) => string): Manager {
  return {
    lang,
    files: { 'cookieconsent.min.js': 'cookieconsent/build/cookieconsent.min.js', 'cookieconsent.min.css': 'cookieconsent/build/cookieconsent.min.css' },
    head: (pixelGated) => `<link rel="stylesheet" href="/cookieconsent.min.css">${pixelGated ? '' : `\n${PIXEL_TAG}`}`,
    body: (pixelGated) => `<script src="/cookieconsent.min.js"></script>
${osanoLoader}
<script>
  window.addEventListener('load', function () {
    window.cookieconsent.initialise(${initialiseArgs(pixelGated)});
  });
</script>`,
  };
}

export const MANAGERS = {
  // tarteaucitron.js in French, its own lang file picked from <html lang="fr">. Its README's defaults
  // but one: with googleConsentMode on (the default) and softConsentMode off, its gtag service's
  // fallback loads gtag.js before any choice and leaves the rest to Google's Consent Mode, so Google
  // is contacted without consent. softConsentMode: true is its documented "consent is required to
  // load the services".
  tarteaucitron: {
    lang: 'fr',
    files: {
      'tarteaucitron/tarteaucitron.js': 'tarteaucitronjs/tarteaucitron.js',
      'tarteaucitron/tarteaucitron.services.js': 'tarteaucitronjs/tarteaucitron.services.js',
      'tarteaucitron/lang/tarteaucitron.fr.js': 'tarteaucitronjs/lang/tarteaucitron.fr.js',
      'tarteaucitron/css/tarteaucitron.css': 'tarteaucitronjs/css/tarteaucitron.css',
    },
    head: (pixelGated) => `<script src="/tarteaucitron/tarteaucitron.js"></script>
<script>
  tarteaucitron.init({
    privacyUrl: '/cookies.html', hashtag: '#tarteaucitron', cookieName: 'tarteaucitron', orientation: 'middle',
    groupServices: false, showDetailsOnClick: true, serviceDefaultState: 'wait', showAlertSmall: false,
    cookieslist: false, showIcon: true, iconPosition: 'BottomRight', adblocker: false, DenyAllCta: true,
    AcceptAllCta: true, highPrivacy: true, alwaysNeedConsent: false, handleBrowserDNTRequest: false,
    removeCredit: false, moreInfoLink: true, useExternalCss: false, useExternalJs: false, mandatory: true,
    mandatoryCta: true, googleConsentMode: true, softConsentMode: true, dataLayer: false, serverSide: false,
  });
</script>${pixelGated ? '' : `\n${PIXEL_TAG}`}`,
    body: (pixelGated) => `<script>
  tarteaucitron.user.gtagUa = 'G-MATRIX1';
  (tarteaucitron.job = tarteaucitron.job || []).push('gtag');${pixelGated ? `
  tarteaucitron.user.facebookpixelId = '1234567890';
  (tarteaucitron.job = tarteaucitron.job || []).push('facebookpixel');` : ''}
</script>`,
  },
  // Orejime 3 in Dutch (its orejime-standard-nl build); trackers wrapped in <template data-purpose>.
  orejime: {
    lang: 'nl',
    files: { 'orejime-standard-nl.js': 'orejime/dist/orejime-standard-nl.js', 'orejime-standard.css': 'orejime/dist/orejime-standard.css' },
    head: (pixelGated, declared) => `<link rel="stylesheet" href="/orejime-standard.css">
<script>
  window.orejimeConfig = {
    privacyPolicyUrl: '/cookies.html',
    purposes: [
      { id: 'analytics', title: 'Google Analytics', description: 'Bezoekersstatistieken.'${declared.includes('_ga') ? ", cookies: ['_ga', /^_ga_/]" : ''} },
      { id: 'ads', title: 'Meta pixel', description: 'Advertenties meten.'${pixelCookies(declared)} },
    ],
  };
</script>
<script src="/orejime-standard-nl.js"></script>
<template data-purpose="analytics"><script async src="${GA4}"></script></template>
${pixelGated ? `<template data-purpose="ads">${PIXEL_TAG}</template>` : PIXEL_TAG}`,
    body: () => '',
  },
  // Osano's cookieconsent 3, "opt-in" (its example 5), with the site's French texts: the site loads
  // its trackers from onInitialise / onStatusChange once hasConsented(), as its documentation shows.
  'cookieconsent-opt-in': osano('fr', (pixel) => `{
      type: 'opt-in',
      content: {
        message: 'Nous utilisons des cookies pour mesurer l’audience de ce site.',
        allow: 'Accepter les cookies', deny: 'Refuser', link: 'En savoir plus', href: '/cookies.html',
      },
      onInitialise: function () { if (this.hasConsented()) loadTrackers(${pixel}); },
      onStatusChange: function () { if (this.hasConsented()) loadTrackers(${pixel}); },
    }`),
  // Osano's cookieconsent 3, "opt-out" (its example 4), with its default English texts. Opt-out
  // means what its documentation says: cookies are on until the visitor declines ("if (type ==
  // 'opt-out' && !didConsent) { // disable cookies }"), so the trackers load before any choice.
  'cookieconsent-opt-out': osano('en', (pixel) => `{ type: 'opt-out', content: { href: '/cookies.html' } }, function (popup) {
      if (popup.getStatus() !== 'deny') loadTrackers(${pixel});
    }`),
  // Klaro 0.7 with its own French translation (lang: 'fr').
  klaro: {
    lang: 'fr',
    files: { 'klaro.js': 'klaro/dist/klaro.js' },
    head: (pixelGated, declared) => `<script>
  var klaroConfig = {
    version: 1, elementID: 'klaro', storageMethod: 'cookie', cookieName: 'klaro', cookieExpiresAfterDays: 180,
    default: false, mustConsent: false, acceptAll: true, hideDeclineAll: false, lang: 'fr', privacyPolicy: '/cookies.html',
    services: [
      { name: 'google-analytics', title: 'Google Analytics', purposes: ['analytics']${declared.includes('_ga') ? ', cookies: [/^_ga/]' : ''} },
      { name: 'meta-pixel', title: 'Meta pixel', purposes: ['marketing']${pixelCookies(declared)} },
    ],
  };
</script>
<script defer src="/klaro.js"></script>
<script type="text/plain" data-type="text/javascript" data-name="google-analytics" data-src="${GA4}"></script>
${pixelGated ? `<script type="text/plain" data-type="text/javascript" data-name="meta-pixel" data-src="${PIXEL}"></script>` : PIXEL_TAG}`,
    body: () => '',
  },
  // Orest Bida's vanilla-cookieconsent 3 with the site's Dutch texts; scripts held as text/plain per category.
  'vanilla-cookieconsent': {
    lang: 'nl',
    files: { 'cookieconsent.umd.js': 'vanilla-cookieconsent/dist/cookieconsent.umd.js', 'cookieconsent.css': 'vanilla-cookieconsent/dist/cookieconsent.css' },
    head: (pixelGated) => `<link rel="stylesheet" href="/cookieconsent.css">
<script type="text/plain" data-category="analytics" async src="${GA4}"></script>
${pixelGated ? `<script type="text/plain" data-category="marketing" async src="${PIXEL}"></script>` : PIXEL_TAG}`,
    body: (_, declared) => `<script src="/cookieconsent.umd.js"></script>
<script>
  CookieConsent.run({
    categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
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
              { title: 'Strikt noodzakelijk', description: 'Nodig om de site te laten werken.', linkedCategory: 'necessary'${cookieTable(declared.length > 0 ? ['cc_cookie'] : [])} },
              { title: 'Statistieken', description: 'Hoe bezoekers de site gebruiken.', linkedCategory: 'analytics'${cookieTable(DECLARED.analytics.filter((n) => declared.includes(n)))} },
              { title: 'Marketing', description: 'Advertenties meten.', linkedCategory: 'marketing'${cookieTable(DECLARED.marketing.filter((n) => declared.includes(n)))} },
            ],
          },
        },
      },
    },
  });
</script>`,
  },
} satisfies Record<string, Manager>;

export type ManagerName = keyof typeof MANAGERS;

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
function writeSite(lang: Lang, name: string, head: string, body: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `cg-matrix-${name}-`));
  const chrome = CHROME[lang];
  writeFileSync(join(dir, 'index.html'), page(lang, chrome.home, head, body));
  writeFileSync(join(dir, 'contact.html'), page(lang, chrome.contact, head, body));
  writeFileSync(join(dir, 'cookies.html'), page(lang, chrome.policy, '', `<p>${chrome.policyTitle}</p>`));
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  return dir;
}

/**
 * A consent manager's site: done right (every tracker gated), or with the Meta pixel outside the
 * manager; its cookie table naming `declared` of the tracker cookies (all unless told).
 */
export function managerMatrixSite(name: ManagerName, variant: 'done-right' | 'pixel-outside', declared: readonly string[] = ALL_DECLARED): string {
  const manager: Manager = MANAGERS[name];
  const gated = variant === 'done-right';
  const dir = writeSite(manager.lang, `${name}-${variant}`, manager.head(gated, declared), manager.body(gated, declared));
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
