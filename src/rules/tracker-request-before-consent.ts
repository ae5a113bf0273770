import { BEFORE_CONSENT, trackerRequests } from './hits.js';
import type { Rule } from './rule.js';

export const trackerRequestBeforeConsent: Rule = {
  meta: {
    id: 'tracker-request-before-consent',
    title: 'Tracker request before consent',
    description: 'The page requested a known analytics or advertising host before the visitor made any choice, even if no cookie was set or the request failed.',
    legalBasis: 'ePrivacy Directive art. 5(3): reading information from the device (pixels, beacons, fingerprinting scripts) needs consent; EDPB Guidelines 2/2023 §§32-34, 47-51.',
    plainWords: 'The page sent visitor data to a tracking or advertising company before the visitor agreed. Consent is needed first, with or without cookies.',
    ...BEFORE_CONSENT,
  },
  check: (scan) => trackerRequests(scan),
};
