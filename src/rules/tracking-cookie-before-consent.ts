import { TRACKING, cookieEvidence, vendorLabel } from './evidence.js';
import type { Rule } from './rule.js';

export const trackingCookieBeforeConsent: Rule = {
  id: 'tracking-cookie-before-consent',
  title: 'Tracking cookie before consent',
  description: 'An analytics, marketing or social cookie was set before the visitor made any choice.',
  legalBasis: 'ePrivacy Directive art. 5(3) (Telecommunicatiewet 11.7a; Belgian law of 13 June 2005 art. 129): consent before storing non-essential cookies; EDPB Guidelines 05/2020 §90.',
  defaultSeverity: 'error',
  allowable: true,
  phases: ['initial'],
  check: (scan) =>
    scan.cookies
      .filter((cookie) => TRACKING.has(cookie.class.category))
      .map((cookie) => ({
        subject: { kind: 'cookie', name: cookie.name, host: cookie.domain },
        category: cookie.class.category,
        vendor: cookie.class.vendor,
        party: cookie.class.party,
        message: `${vendorLabel(cookie.class.vendor, cookie.class.category)} cookie "${cookie.name}" on ${cookie.domain} ${cookie.stored ? 'was set' : 'was sent'} before consent`,
        evidence: cookieEvidence(cookie),
      })),
};
