import type { GatheredCookie } from '../types.js';
import { cookieEvidence, vendorLabel } from './evidence.js';
import type { Rule } from './rule.js';

const DAY = 86_400;
/** CNIL's cap for consent-exempt analytics cookies, and its advice for consent cookies: 13 months. */
export const MAX_LIFETIME_DAYS = 396;

/**
 * The lifetime the site asked for. Chromium caps what it stores at 400 days, so the cookie jar hides a
 * two-year cookie; the Set-Cookie header or the document.cookie string tells the truth.
 */
export function declaredLifetimeDays(cookie: GatheredCookie, now = Date.now() / 1000): number | null {
  const declared = cookie.sources.map((s) => s.declaredLifetime).filter((l): l is number => l !== null && l > 0);
  if (declared.length > 0) return Math.round(Math.max(...declared) / DAY);
  return cookie.expires === null ? null : Math.round((cookie.expires - now) / DAY);
}

export const cookieLifetimeTooLong: Rule = {
  id: 'cookie-lifetime-too-long',
  title: 'Cookie lifetime over 13 months',
  description: 'A cookie asks to live longer than 13 months; consent (and exempt analytics) should be renewed within that time.',
  legalBasis: 'CNIL deliberation 2020-091 (13-month cap; re-ask consent periodically); GDPR art. 5(1)(e) storage limitation.',
  defaultSeverity: 'warn',
  allowable: false,
  phases: ['initial', 'after-accept'],
  check: (scan) =>
    scan.cookies.flatMap((cookie) => {
      const days = declaredLifetimeDays(cookie);
      if (days === null || days <= MAX_LIFETIME_DAYS) return [];
      return [
        {
          subject: { kind: 'cookie', name: cookie.name, host: cookie.domain },
          category: cookie.class.category,
          vendor: cookie.class.vendor,
          party: cookie.class.party,
          message: `${vendorLabel(cookie.class.vendor, cookie.class.category)} cookie "${cookie.name}" asks to live ${days} days (more than 13 months)`,
          evidence: cookieEvidence(cookie),
        },
      ];
    }),
};
