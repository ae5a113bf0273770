import { BEFORE_CONSENT, trackingCookies } from './hits.js';
import type { Rule } from './rule.js';

export const trackingCookieBeforeConsent: Rule = {
  meta: {
    id: 'tracking-cookie-before-consent',
    title: 'Tracking cookie before consent',
    description: 'An analytics, marketing or social cookie was set before the visitor made any choice.',
    legalBasis: 'ePrivacy Directive art. 5(3) (Telecommunicatiewet 11.7a; Belgian law of 13 June 2005 art. 129): consent before storing non-essential cookies; EDPB Guidelines 05/2020 §90.',
    plainWords: 'A site may only place cookies that are not strictly necessary after the visitor agrees. This one was placed before the visitor could choose.',
    ...BEFORE_CONSENT,
  },
  check: (scan) => trackingCookies(scan),
};
