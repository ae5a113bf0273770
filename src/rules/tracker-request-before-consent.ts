import { BEFORE_CONSENT, BEFORE_CONSENT_MESSAGES, trackerRequests } from './hits.js';
import type { Rule } from './rule.js';

export const trackerRequestBeforeConsent: Rule = {
  meta: {
    id: 'tracker-request-before-consent',
    title: 'Tracker request before consent',
    description: 'The page requested a known analytics or advertising host before the visitor made any choice, even if no cookie was set or the request failed.',
    legalBasis: 'ePrivacy Directive art. 5(3): reading information from the device (pixels, beacons, fingerprinting scripts) needs consent; EDPB Guidelines 2/2023 §§32-34, 47-51.',
    plainWords: 'The page sent visitor data to a tracking or advertising company before the visitor agreed. Consent is needed first, with or without cookies.',
    translations: {
      nl: {
        title: 'Verzoek aan een tracker vóór toestemming',
        legalBasis: 'ePrivacyrichtlijn art. 5 lid 3: informatie uitlezen van het apparaat (pixels, beacons, fingerprintingscripts) vereist toestemming; EDPB-richtsnoeren 2/2023, punten 32-34 en 47-51.',
        plainWords: 'De pagina stuurde gegevens van de bezoeker naar een tracking- of advertentiebedrijf voordat de bezoeker toestemming gaf. Eerst is toestemming nodig, met of zonder cookies.',
        messages: BEFORE_CONSENT_MESSAGES.nl,
      },
      fr: {
        title: 'Requête vers un traceur avant le consentement',
        legalBasis: "Directive ePrivacy, art. 5, § 3 : lire des informations sur le terminal (pixels, balises, scripts d'empreinte) requiert le consentement ; lignes directrices 2/2023 du CEPD, points 32-34 et 47-51.",
        plainWords: "La page a transmis des données du visiteur à une société de suivi ou de publicité avant qu'il ait donné son accord. Le consentement est requis d'abord, avec ou sans cookies.",
        messages: BEFORE_CONSENT_MESSAGES.fr,
      },
    },
    ...BEFORE_CONSENT,
  },
  check: (scan) => trackerRequests(scan),
};
