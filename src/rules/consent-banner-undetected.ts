import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

export const consentBannerUndetected: Rule = {
  meta: {
    id: 'consent-banner-undetected',
    title: 'Consent banner not recognised',
    description: 'Something on the page reads like a consent notice, but no accept or reject control was recognised, so the reject and accept checks could not run.',
    legalBasis: 'Fail closed: a check that could not run is said out loud, not passed.',
    plainWords: 'Something that looks like a consent notice was shown, but the check could not find its buttons, so it cannot tell whether consent is asked properly. This needs a person to look.',
    defaultSeverity: 'warn',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: {
      unrecognised: 'a consent notice was seen but its controls were not recognised; set consent.accept and consent.reject (CSS selectors) in the policy',
    },
  },
  check: (scan) => (scan.banner === null && scan.bannerUnrecognised ? [bannerHit('unrecognised', 'unrecognised', [`notice text: "${scan.bannerUnrecognised}"`])] : []),
};
