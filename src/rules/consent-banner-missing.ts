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
    translations: {
      nl: {
        title: 'Tracking zonder cookiemelding',
        legalBasis: 'ePrivacyrichtlijn art. 5 lid 3; AVG art. 4 punt 11 en art. 7: om toestemming moet gevraagd worden voordat die gegeven kan worden.',
        plainWords: 'Een website die trackinggegevens opslaat of uitleest, moet de bezoeker eerst om toestemming vragen. Deze pagina deed dat zonder iets te vragen.',
        messages: { missing: 'de pagina volgt bezoekers ({{count}} bevinding(en)) maar toont geen cookiemelding' },
      },
      fr: {
        title: 'Suivi sans bannière cookies',
        legalBasis: 'Directive ePrivacy, art. 5, § 3 ; RGPD, art. 4, point 11, et art. 7 : le consentement doit être demandé avant de pouvoir être donné.',
        plainWords: "Un site qui stocke ou lit des données de suivi doit d'abord demander l'accord du visiteur. Cette page l'a fait sans rien demander.",
        messages: { missing: "la page suit les visiteurs ({{count}} constat(s)) mais n'affiche aucune bannière cookies" },
      },
    },
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
