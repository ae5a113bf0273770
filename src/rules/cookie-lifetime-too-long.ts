import { declaredLifetimeDays } from '../classify/lifetime.js';
import { cookieHit } from './evidence.js';
import type { Rule } from './rule.js';

/** CNIL's cap for consent-exempt analytics cookies, and its advice for consent cookies: 13 months. */
export const MAX_LIFETIME_DAYS = 396;

export const cookieLifetimeTooLong: Rule<{ maxDays: number }> = {
  meta: {
    id: 'cookie-lifetime-too-long',
    title: 'Cookie lifetime over 13 months',
    description: 'A cookie asks to live longer than the policy allows (13 months by default); consent (and exempt analytics) should be renewed within that time.',
    legalBasis: 'CNIL deliberation 2020-091 (13-month cap; re-ask consent periodically); GDPR art. 5(1)(e) storage limitation.',
    plainWords: 'Consent is not forever: regulators expect it to be asked again within 13 months, so cookies should not be set to live longer.',
    translations: {
      nl: {
        title: 'Cookie langer dan 13 maanden geldig',
        legalBasis: 'CNIL-besluit 2020-091 (ten hoogste 13 maanden; toestemming periodiek opnieuw vragen); AVG art. 5 lid 1 onder e (opslagbeperking).',
        plainWords: 'Toestemming geldt niet voor altijd: toezichthouders verwachten dat die binnen 13 maanden opnieuw wordt gevraagd, dus cookies horen niet langer te blijven bestaan.',
        messages: { tooLong: 'cookie "{{name}}" van {{vendor}} wil {{days}} dagen blijven bestaan (langer dan {{maxDays}})' },
      },
      fr: {
        title: 'Cookie conservé plus de 13 mois',
        legalBasis: 'Délibération de la CNIL n° 2020-091 (13 mois au plus ; redemander le consentement périodiquement) ; RGPD, art. 5, § 1, e) (limitation de la conservation).',
        plainWords: "Le consentement n'est pas éternel : les autorités attendent qu'il soit redemandé dans les 13 mois, les cookies ne doivent donc pas être conservés plus longtemps.",
        messages: { tooLong: 'le cookie « {{name}} » de {{vendor}} demande à être conservé {{days}} jours (plus de {{maxDays}})' },
      },
    },
    defaultSeverity: 'warn',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial', 'after-accept'],
    messages: { tooLong: '{{vendor}} cookie "{{name}}" asks to live {{days}} days (more than {{maxDays}})' },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { maxDays: { type: 'integer', minimum: 1, maximum: 400, description: 'The longest lifetime allowed, in days (default 396: 13 months).' } },
      },
      defaults: { maxDays: MAX_LIFETIME_DAYS },
    },
  },
  check: (scan, page, { maxDays }) => {
    // After accept, only what the first visit did not already show, and only if accept was clicked.
    if (scan.phase === 'after-accept' && !scan.action?.done) return [];
    const seen = new Set(scan.phase === 'initial' ? [] : (page.phase('initial')?.cookies ?? []).map((c) => `${c.name}|${c.domain}`));
    return scan.cookies.flatMap((cookie) => {
      if (seen.has(`${cookie.name}|${cookie.domain}`)) return [];
      const days = declaredLifetimeDays(cookie);
      if (days === null || days <= maxDays) return [];
      return [cookieHit(scan, cookie, 'tooLong', { days, maxDays: maxDays === MAX_LIFETIME_DAYS ? '13 months' : `${maxDays} days` })];
    });
  },
};
