import { allTracking, hitKey, trackingMessages } from './hits.js';
import type { Rule } from './rule.js';

export const trackingAfterImplicitAction: Rule = {
  meta: {
    id: 'tracking-after-implicit-action',
    title: 'Scrolling or browsing taken as consent',
    description: 'Something that tracks appeared after the visitor scrolled, moved the mouse, or pressed Escape, without answering the banner.',
    legalBasis: 'EDPB Guidelines 05/2020 §86: scrolling or continuing to browse is not a clear affirmative action; ePrivacy Directive art. 5(3).',
    plainWords: 'Scrolling, clicking elsewhere or moving on to another page is not consent. Tracking may only start after the visitor clearly says yes.',
    translations: {
      nl: {
        title: 'Scrollen of doorklikken opgevat als toestemming',
        legalBasis: 'EDPB-richtsnoeren 05/2020, punt 86: scrollen of verder surfen is geen duidelijke actieve handeling; ePrivacyrichtlijn art. 5 lid 3.',
        plainWords: 'Scrollen, ergens anders klikken of naar een andere pagina gaan is geen toestemming. Tracking mag pas beginnen nadat de bezoeker duidelijk ja heeft gezegd.',
        messages: trackingMessages('na scrollen en doorklikken, zonder keuze', 'nl'),
      },
      fr: {
        title: 'Défilement ou navigation pris pour un consentement',
        legalBasis: "Lignes directrices 05/2020 du CEPD, point 86 : faire défiler la page ou poursuivre la navigation n'est pas un acte positif clair ; directive ePrivacy, art. 5, § 3.",
        plainWords: "Faire défiler, cliquer ailleurs ou passer à une autre page n'est pas consentir. Le suivi ne peut commencer qu'après un « oui » clair du visiteur.",
        messages: trackingMessages('après défilement et navigation, sans choix', 'fr'),
      },
    },
    defaultSeverity: 'error',
    allow: 'subject',
    failClosed: false,
    tracking: false,
    visits: ['after-scroll'],
    messages: trackingMessages('after scrolling and browsing, without a choice'),
  },
  check: (scan, page) => {
    // What the first look already showed is reported there; here only what the interaction added.
    const initial = page.phase('initial');
    const before = new Set((initial ? allTracking(initial) : []).map(hitKey));
    return allTracking(scan).filter((hit) => !before.has(hitKey(hit)));
  },
};
