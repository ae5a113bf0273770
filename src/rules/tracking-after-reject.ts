import { allTracking, trackingMessages } from './hits.js';
import type { Rule } from './rule.js';

export const trackingAfterReject: Rule = {
  meta: {
    id: 'tracking-after-reject',
    title: 'Tracking after the visitor refused',
    description: "After clicking the banner's reject control, reloading and visiting another page, something still tracked the visitor.",
    legalBasis: 'ePrivacy Directive art. 5(3); GDPR art. 7(3); EDPB Cookie Banner Taskforce report (2023) §7.',
    plainWords: 'When the visitor says no, tracking must not start, not on this page and not on the next.',
    translations: {
      nl: {
        title: 'Tracking nadat de bezoeker weigerde',
        legalBasis: 'ePrivacyrichtlijn art. 5 lid 3; AVG art. 7 lid 3; rapport van de Cookie Banner Taskforce van de EDPB (2023), punt 7.',
        plainWords: 'Als de bezoeker nee zegt, mag er geen tracking beginnen: niet op deze pagina en niet op de volgende.',
        messages: trackingMessages('nadat de bezoeker weigerde', 'nl'),
      },
      fr: {
        title: 'Suivi après le refus du visiteur',
        legalBasis: 'Directive ePrivacy, art. 5, § 3 ; RGPD, art. 7, § 3 ; rapport de la task force « bannières cookies » du CEPD (2023), point 7.',
        plainWords: 'Quand le visiteur refuse, aucun suivi ne doit démarrer, ni sur cette page ni sur la suivante.',
        messages: trackingMessages('après le refus du visiteur', 'fr'),
      },
    },
    defaultSeverity: 'error',
    allow: 'subject',
    failClosed: false,
    tracking: false,
    visits: ['after-reject'],
    messages: trackingMessages('after the visitor refused'),
  },
  // When reject could not be clicked, the visit proves nothing; other rules say why.
  check: (scan) => (scan.action?.done ? allTracking(scan) : []),
};
