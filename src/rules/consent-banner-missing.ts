import { bannerHit } from './banner-hit.js';
import { allTracking } from './hits.js';
import type { Rule } from './rule.js';

export const consentBannerMissing: Rule = {
  id: 'consent-banner-missing',
  title: 'Tracking without any consent banner',
  description: 'The page tracks visitors but shows nothing that asks for their consent.',
  legalBasis: 'ePrivacy Directive art. 5(3); GDPR art. 4(11) and 7: consent must be asked for before it can be given.',
  plainWords: 'A site that stores or reads tracking data must ask the visitor first. This page did so without asking at all.',
  defaultSeverity: 'error',
  allowable: false,
  phases: ['initial'],
  check: (scan) => {
    if (scan.banner || scan.bannerUnrecognised) return [];
    const tracking = allTracking(scan, '');
    if (tracking.length === 0) return [];
    return [bannerHit('missing', `the page tracks (${tracking.length} finding(s)) but shows no consent banner`, tracking.slice(0, 3).map((hit) => hit.message.trim()))];
  },
};
