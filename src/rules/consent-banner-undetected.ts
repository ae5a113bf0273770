import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

export const consentBannerUndetected: Rule = {
  meta: {
    id: 'consent-banner-undetected',
    title: 'Consent banner not recognised',
    description: 'Something on the page reads like a consent notice, but no accept or reject control was recognised, so the reject and accept checks could not run.',
    legalBasis: 'Fail closed: a check that could not run is said out loud, not passed.',
    plainWords: 'Something that looks like a consent notice was shown, but the check could not find its buttons, so it cannot tell whether consent is asked properly. This needs a person to look.',
    translations: {
      nl: {
        title: 'Cookiemelding niet herkend',
        legalBasis: 'Fail closed: een controle die niet kon worden uitgevoerd, wordt gemeld en niet goedgekeurd.',
        plainWords: 'Er werd iets getoond dat op een cookiemelding lijkt, maar de controle vond de knoppen niet en kan dus niet beoordelen of er correct om toestemming wordt gevraagd. Iemand moet hier zelf naar kijken.',
        messages: { unrecognised: 'er is een cookiemelding gezien, maar de knoppen werden niet herkend; stel consent.accept en consent.reject (CSS-selectors) in het beleid in' },
      },
      fr: {
        title: 'Bannière cookies non reconnue',
        legalBasis: "Échec par défaut (fail closed) : un contrôle qui n'a pas pu s'exécuter est signalé, pas validé.",
        plainWords: "Un élément qui ressemble à une bannière cookies s'est affiché, mais le contrôle n'a pas trouvé ses boutons : il ne peut donc pas dire si le consentement est demandé correctement. Une personne doit vérifier.",
        messages: { unrecognised: "une bannière cookies a été vue, mais ses boutons n'ont pas été reconnus ; indiquez consent.accept et consent.reject (sélecteurs CSS) dans la politique" },
      },
    },
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
