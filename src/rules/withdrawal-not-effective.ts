import type { Classified, ClassifiedScan, CookieDeletion, GatheredCookie, GatheredRequest } from '../types.js';
import { hostOf } from '../shared/url.js';
import { TRACKING, cookieHit, withoutQuery } from './evidence.js';
import { allTracking, trackingMessages } from './hits.js';
import type { Rule, RuleHit } from './rule.js';

/**
 * A request that takes the cookie back to the company it belongs to: to the cookie's own domain (a
 * third-party cookie), or to a host of the same vendor. The site's own server getting its
 * first-party _ga back is not its vendor.
 */
function toItsVendor(request: Classified<GatheredRequest>, cookie: Classified<GatheredCookie>): boolean {
  if (!request.cookiesSent?.includes(cookie.name)) return false;
  const host = hostOf(request.url);
  const ownDomain = cookie.class.party === 'third' && (host === cookie.domain || host.endsWith(`.${cookie.domain}`));
  return ownDomain || (cookie.class.vendor !== null && request.class.vendor === cookie.class.vendor);
}

/** Where a cookie lives, as the browser's cookie jar names it: a leading dot for one set with a Domain attribute. */
const jarDomain = (c: { domain: string; hostOnly?: boolean }): string => (c.hostOnly === false ? `.${c.domain}` : c.domain);

/** The script or response's file name: what a developer searches the site's code for. */
function fileOf(url: string): string {
  const path = withoutQuery(url).replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1) || hostOf(url);
}

/**
 * A deletion removes only the cookie of the same name, domain and path, host-only or not (RFC 6265
 * §5.3 step 11): the attempt aimed at this cookie that came nearest, or null when none did.
 */
function missedDeletion(scan: ClassifiedScan, cookie: Classified<GatheredCookie>): CookieDeletion | null {
  const attempts = scan.cookieDeletions.filter((d) => d.name === cookie.name);
  const misses = (d: CookieDeletion): number => Number(d.domain !== cookie.domain) * 2 + Number(d.path !== cookie.path);
  return attempts.sort((a, b) => misses(a) - misses(b))[0] ?? null;
}

/** A tracking cookie set under consent and not written since the withdrawal: still used, or only left behind (on the site's own domain). */
function leftBehind(scan: ClassifiedScan, cookie: Classified<GatheredCookie>): RuleHit[] {
  const sent = scan.requests.find((request) => toItsVendor(request, cookie));
  if (sent) {
    const host = hostOf(sent.url);
    return [{ ...cookieHit(scan, cookie, 'cookieStillSent', { host }), evidence: [`sent in the Cookie header of ${sent.resourceType} ${withoutQuery(sent.url)}`] }];
  }
  if (cookie.class.party !== 'first') return [];
  const missed = missedDeletion(scan, cookie);
  if (missed) {
    // The most common withdrawal bug: the site tried, on the wrong domain or path.
    const data = { writer: fileOf(missed.url), triedOn: jarDomain(missed), triedPath: missed.path, livesOn: jarDomain(cookie), livesPath: cookie.path };
    const how = missed.via === 'set-cookie' ? `a Set-Cookie header from ${withoutQuery(missed.url)}` : `document.cookie, written by ${withoutQuery(missed.url)},`;
    return [
      {
        ...cookieHit(scan, cookie, 'cookieDeletionMissed', data),
        evidence: [`${how} tried to delete it on ${data.triedOn} (path ${data.triedPath}), but it lives on ${data.livesOn} (path ${data.livesPath}): a deletion must name the cookie's own domain and path`],
        maxSeverity: 'warn',
      },
    ];
  }
  return [{ ...cookieHit(scan, cookie, 'cookieKept'), evidence: ['still in the cookie jar after the withdrawal, not written or sent to its vendor since, and nothing tried to delete it'], maxSeverity: 'warn' }];
}

export const withdrawalNotEffective: Rule = {
  meta: {
    id: 'withdrawal-not-effective',
    title: 'Tracking after consent was withdrawn',
    description:
      "After accepting, reopening the consent choice and refusing everything (stored, not only clicked), reloading and visiting another page, something still tracked the visitor, or a tracking cookie set under consent was still sent to its vendor (an error). A tracking cookie merely left on the site's own domain is a warning, and when the site tried to delete it, the warning says why that failed (the deletion named another domain or path). A deletion attempt is never counted as setting a cookie.",
    legalBasis: 'GDPR art. 7(3); ePrivacy Directive art. 5(3); EDPB Guidelines 05/2020 on consent §§113-117.',
    plainWords:
      "Once the visitor withdraws consent, tracking must stop: no new trackers, cookies or storage, and the cookies placed under the old consent no longer sent. Cookies merely left behind on the site's own domain should be removed too.",
    translations: {
      nl: {
        title: 'Tracking nadat de toestemming is ingetrokken',
        legalBasis: 'AVG art. 7 lid 3; ePrivacyrichtlijn art. 5 lid 3; EDPB-richtsnoeren 05/2020 inzake toestemming, punten 113-117.',
        plainWords:
          'Zodra de bezoeker zijn toestemming intrekt, moet de tracking stoppen: geen nieuwe trackers, cookies of opslag, en de cookies die onder de oude toestemming zijn geplaatst worden niet meer meegestuurd. Cookies die alleen op het eigen domein van de site zijn blijven staan, horen ook te worden verwijderd.',
        messages: {
          ...trackingMessages('nadat de bezoeker de toestemming introk', 'nl'),
          cookieStillSent: 'cookie "{{name}}" van {{vendor}} op {{domain}}, geplaatst met toestemming, werd nog naar {{host}} gestuurd nadat de bezoeker de toestemming introk',
          cookieKept: 'cookie "{{name}}" van {{vendor}} op {{domain}}, geplaatst met toestemming, bleef in de browser staan nadat de bezoeker de toestemming introk (niet meer naar het bedrijf gestuurd)',
          cookieDeletionMissed:
            'cookie "{{name}}" van {{vendor}}, geplaatst met toestemming, bleef in de browser staan nadat de bezoeker de toestemming introk: {{writer}} probeerde hem te verwijderen op {{triedOn}} (pad {{triedPath}}), maar hij staat op {{livesOn}} (pad {{livesPath}})',
        },
      },
      fr: {
        title: 'Suivi après le retrait du consentement',
        legalBasis: 'RGPD, art. 7, § 3 ; directive ePrivacy, art. 5, § 3 ; lignes directrices 05/2020 du CEPD sur le consentement, points 113-117.',
        plainWords:
          "Dès que le visiteur retire son consentement, le suivi doit cesser : plus de nouveaux traceurs, cookies ou stockage, et les cookies déposés avec l'ancien consentement ne sont plus envoyés. Les cookies simplement restés en place sur le domaine du site devraient aussi être supprimés.",
        messages: {
          ...trackingMessages('après le retrait du consentement', 'fr'),
          cookieStillSent: 'le cookie « {{name}} » de {{vendor}} sur {{domain}}, déposé avec consentement, était encore envoyé à {{host}} après le retrait du consentement',
          cookieKept: "le cookie « {{name}} » de {{vendor}} sur {{domain}}, déposé avec consentement, est resté dans le navigateur après le retrait du consentement (il n'est plus envoyé à l'entreprise)",
          cookieDeletionMissed:
            'le cookie « {{name}} » de {{vendor}}, déposé avec consentement, est resté dans le navigateur après le retrait du consentement : {{writer}} a tenté de le supprimer sur {{triedOn}} (chemin {{triedPath}}), mais il se trouve sur {{livesOn}} (chemin {{livesPath}})',
        },
      },
    },
    defaultSeverity: 'error',
    allow: 'subject',
    failClosed: false,
    tracking: false,
    visits: ['after-withdraw'],
    messages: {
      ...trackingMessages('after the visitor withdrew consent'),
      cookieStillSent: '{{vendor}} cookie "{{name}}" on {{domain}}, set under consent, was still sent to {{host}} after the visitor withdrew consent',
      cookieKept: '{{vendor}} cookie "{{name}}" on {{domain}}, set under consent, was left in the browser after the visitor withdrew consent (no longer sent to its vendor)',
      cookieDeletionMissed:
        '{{vendor}} cookie "{{name}}", set under consent, was left in the browser after the visitor withdrew consent: {{writer}} tried to delete it on {{triedOn}} (path {{triedPath}}), but it lives on {{livesOn}} (path {{livesPath}})',
    },
  },
  // When the choice could not be reopened or refused, the visit proves nothing here: withdrawal-unavailable says why.
  check: (scan) => {
    if (scan.action?.kind !== 'withdraw' || !scan.action.done) return [];
    // The visit lists the whole cookie jar: a cookie with a write since the withdrawal is new tracking.
    const written = scan.cookies.filter((cookie) => cookie.sources.length > 0);
    // A third party's own cookie is judged by whether it is still sent: the site cannot remove it, only stop sending visitors there.
    const kept = scan.cookies.filter((cookie) => cookie.sources.length === 0 && TRACKING.has(cookie.class.category));
    return [...allTracking({ ...scan, cookies: written }), ...kept.flatMap((cookie) => leftBehind(scan, cookie))];
  },
};
