import { BEFORE_CONSENT, BEFORE_CONSENT_MESSAGES, trackingStorage } from './hits.js';
import type { Rule } from './rule.js';

export const trackingStorageBeforeConsent: Rule = {
  meta: {
    id: 'tracking-storage-before-consent',
    title: 'Tracking storage before consent',
    description: 'An analytics, marketing or social key was written to localStorage, sessionStorage or IndexedDB before the visitor made any choice.',
    legalBasis: 'ePrivacy Directive art. 5(3) covers any storage on the device, not only cookies; EDPB Guidelines 2/2023 §§36-37.',
    plainWords: "The consent rule covers every way of storing data on the visitor's device, not only cookies: this tracking data was stored before the visitor could choose.",
    translations: {
      nl: {
        title: 'Trackinggegevens opgeslagen vóór toestemming',
        legalBasis: 'ePrivacyrichtlijn art. 5 lid 3 geldt voor elke opslag op het apparaat, niet alleen voor cookies; EDPB-richtsnoeren 2/2023, punten 36-37.',
        plainWords: 'De toestemmingsregel geldt voor elke manier van gegevens opslaan op het apparaat van de bezoeker, niet alleen voor cookies: deze trackinggegevens werden opgeslagen voordat de bezoeker kon kiezen.',
        messages: BEFORE_CONSENT_MESSAGES.nl,
      },
      fr: {
        title: 'Stockage traceur avant le consentement',
        legalBasis: 'La directive ePrivacy, art. 5, § 3, vise tout stockage sur le terminal, pas seulement les cookies ; lignes directrices 2/2023 du CEPD, points 36-37.',
        plainWords: "La règle du consentement vaut pour tout moyen de stocker des données sur l'appareil du visiteur, pas seulement les cookies : ces données de suivi ont été stockées avant que le visiteur puisse choisir.",
        messages: BEFORE_CONSENT_MESSAGES.fr,
      },
    },
    ...BEFORE_CONSENT,
  },
  check: (scan) => trackingStorage(scan),
};
