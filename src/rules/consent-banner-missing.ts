import { bannerHit } from './banner-hit.js';
import { allTracking, trackingFact } from './hits.js';
import type { Rule } from './rule.js';

export const consentBannerMissing: Rule = {
  meta: {
    id: 'consent-banner-missing',
    title: 'Tracking without any consent banner',
    description: 'The page tracks visitors but shows nothing that asks for their consent.',
    legalBasis: 'ePrivacy Directive art. 5(3); GDPR art. 4(11) and 7: consent must be asked for before it can be given.',
    plainWords: 'A site that stores or reads tracking data must ask the visitor first. This page did so without asking at all.',
    defaultSeverity: 'error',
    allow: 'with-tracking',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: { missing: 'the page tracks ({{count}} finding(s)) but shows no consent banner' },
  },
  check: (scan) => {
    if (scan.banner || scan.bannerUnrecognised) return [];
    const tracking = allTracking(scan);
    if (tracking.length === 0) return [];
    return [bannerHit('missing', 'missing', tracking.slice(0, 3).map(trackingFact), { count: tracking.length })];
  },
};
