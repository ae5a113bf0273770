import { withdrawalNotEffective } from '../../src/rules/withdrawal-not-effective.js';
import type { CookieDeletion } from '../../src/types.js';
import { ruleTester } from '../support/rule-tester.js';
import { reopenedBy, action, banner, cookie, frame, page, request, scan, storage, visit } from '../support/scans.js';

const first = scan({ banner: banner() });
const ga = cookie('_ga', 'analytics', { vendor: 'Google Analytics', setBy: 'https://www.googletagmanager.com/gtag/js' });
/** In the jar since before the withdrawal: no write seen in the visit's window. */
const kept = <T extends { sources: unknown[] }>(c: T): T => ({ ...c, sources: [] });
const ide = cookie('IDE', 'marketing', { vendor: 'DoubleClick', domain: 'doubleclick.net', via: 'set-cookie', setBy: 'https://ad.doubleclick.net/pixel' });
const collect = request('https://www.google-analytics.com/g/collect?v=2', 'analytics', { vendor: 'Google Analytics', resourceType: 'ping' });
/** What a consent manager's cookie clean-up wrote: Max-Age=0 on the page's own host, as autoClearCookies does without a domain. */
const deletion = (facts: Partial<CookieDeletion> = {}): CookieDeletion => ({ name: '_ga', domain: 'www.example.org', hostOnly: true, path: '/', via: 'document.cookie', url: 'https://www.example.org/cookieconsent.umd.js', ...facts });
const withdrawn = (facts: Parameters<typeof visit>[1]) => page(first, visit('after-accept', { cookies: [ga] }), visit('after-withdraw', facts));

ruleTester(withdrawalNotEffective).run({
  valid: [
    { name: 'the manager cleared its cookies and nothing tracks', page: withdrawn({ cookies: [kept(cookie('cc_cookie', 'necessary'))] }) },
    { name: 'a necessary cookie written again is no finding', page: withdrawn({ cookies: [cookie('cc_cookie', 'necessary')] }) },
    // Nothing could be reopened or refused: the visit proves nothing about withdrawing (withdrawal-unavailable says why).
    { name: 'the choice could not be reopened', page: withdrawn({ action: action('withdraw', { done: false, reopened: null }), cookies: [ga], requests: [collect] }) },
    { name: 'reopened but refusing failed', page: withdrawn({ action: action('withdraw', { done: false, reopened: reopenedBy('Cookie settings') }), requests: [collect] }) },
    // The site cannot remove another company's cookie; not sending visitors there any more is what it can do.
    { name: "a third party's tracking cookie left in the jar and no longer sent", page: withdrawn({ cookies: [kept(ide)], requests: [request('https://example.org/contact.html', 'necessary', { party: 'first', cookiesSent: [] })] }) },
    { name: 'tracking after accepting is consented', page: page(first, visit('after-accept', { cookies: [ga], requests: [collect] })) },
  ],
  invalid: [
    {
      name: 'GA keeps firing and writes its cookie again after the withdrawal',
      page: withdrawn({ cookies: [ga], requests: [collect] }),
      errors: [
        { messageId: 'request', phase: 'after-withdraw', severity: 'error', subject: { kind: 'request', host: 'www.google-analytics.com' } },
        { messageId: 'cookieSet', severity: 'error', subject: { kind: 'cookie', name: '_ga' }, data: { vendor: 'Google Analytics (analytics)' } },
      ],
    },
    {
      name: 'everything else that tracks counts too',
      page: withdrawn({
        cookies: [cookie('_fbp', 'marketing', { domain: 'facebook.com', stored: false })],
        storage: [storage('_hjSession', 'analytics')],
        requests: [request('https://platform.twitter.com/widgets.js', 'social')],
        frames: [frame('https://www.youtube.com/embed/x', 'marketing')],
      }),
      errors: [
        { messageId: 'plugin', subject: { host: 'platform.twitter.com' } },
        { messageId: 'embed', subject: { host: 'www.youtube.com' } },
        { messageId: 'cookieSent', subject: { name: '_fbp' } },
        { messageId: 'storage', subject: { name: '_hjSession' } },
      ],
    },
    {
      name: 'a first-party tracking cookie left in the jar, sent only to the site: a warning',
      page: withdrawn({ cookies: [kept(ga)], requests: [request('https://example.org/contact.html', 'necessary', { party: 'first', resourceType: 'document', cookiesSent: ['_ga'] })] }),
      errors: [{ messageId: 'cookieKept', severity: 'warn', subject: { kind: 'cookie', name: '_ga' } }],
    },
    {
      name: 'a deletion aimed at the page host misses the _ga Google set on the registrable domain: a warning naming both',
      page: withdrawn({ cookies: [kept({ ...ga, domain: 'example.org', hostOnly: false })], cookieDeletions: [deletion()] }),
      errors: [
        {
          messageId: 'cookieDeletionMissed',
          severity: 'warn',
          subject: { kind: 'cookie', name: '_ga' },
          data: { writer: 'cookieconsent.umd.js', triedOn: 'www.example.org', triedPath: '/', livesOn: '.example.org', livesPath: '/' },
        },
      ],
    },
    {
      name: 'a deletion on the right domain but another path misses it too, and says so',
      page: withdrawn({ cookies: [kept({ ...ga, domain: 'example.org', hostOnly: false })], cookieDeletions: [deletion({ domain: 'example.org', hostOnly: false, path: '/nl' }), deletion()] }),
      errors: [{ messageId: 'cookieDeletionMissed', data: { triedOn: '.example.org', triedPath: '/nl', livesOn: '.example.org', livesPath: '/' } }],
    },
    {
      name: 'a deletion attempt is no write: the cookie is judged as left behind, not as set again',
      page: withdrawn({ cookies: [kept({ ...ga, domain: 'example.org', hostOnly: false })], cookieDeletions: [deletion({ via: 'set-cookie', url: 'https://www.example.org/consent?x=1' })] }),
      errors: [{ messageId: 'cookieDeletionMissed', severity: 'warn', data: { writer: 'consent' } }],
    },
    {
      name: 'a third-party cookie set under consent, still sent to its own domain',
      page: withdrawn({ cookies: [kept(ide)], requests: [request('https://ad.doubleclick.net/pixel?x=1', 'necessary', { resourceType: 'image', cookiesSent: ['IDE'] })] }),
      errors: [{ messageId: 'cookieStillSent', severity: 'error', subject: { name: 'IDE' }, data: { host: 'ad.doubleclick.net' } }],
    },
    {
      name: 'a cookie still sent to another host of the same vendor',
      page: withdrawn({
        cookies: [kept(ide)],
        requests: [
          request('https://example.org/', 'necessary', { party: 'first', cookiesSent: ['IDE'] }),
          request('https://googleads.g.doubleclick-cdn.example/x', 'necessary', { vendor: 'DoubleClick', cookiesSent: ['IDE'] }),
        ],
      }),
      errors: [{ messageId: 'cookieStillSent', data: { host: 'googleads.g.doubleclick-cdn.example' } }],
    },
  ],
});
