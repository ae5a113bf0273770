import { BEFORE_CONSENT, BEFORE_CONSENT_MESSAGES, trackingCookies } from './hits.js';
import type { Rule } from './rule.js';

export const trackingCookieBeforeConsent: Rule = {
  meta: {
    id: 'tracking-cookie-before-consent',
    title: 'Tracking cookie before consent',
    description: 'An analytics, marketing or social cookie was set before the visitor made any choice.',
    legalBasis: 'ePrivacy Directive art. 5(3) (Telecommunicatiewet 11.7a; Belgian law of 13 June 2005 art. 129): consent before storing non-essential cookies; EDPB Guidelines 05/2020 §90.',
    plainWords: 'A site may only place cookies that are not strictly necessary after the visitor agrees. This one was placed before the visitor could choose.',
    translations: {
      nl: {
        title: 'Trackingcookie vóór toestemming',
        legalBasis: 'ePrivacyrichtlijn art. 5 lid 3 (Telecommunicatiewet art. 11.7a; Belgische wet van 13 juni 2005, art. 129): toestemming vóór het plaatsen van niet-noodzakelijke cookies; EDPB-richtsnoeren 05/2020, punt 90.',
        plainWords: 'Een website mag cookies die niet strikt noodzakelijk zijn pas plaatsen nadat de bezoeker toestemming heeft gegeven. Deze cookie werd geplaatst voordat de bezoeker kon kiezen.',
        messages: BEFORE_CONSENT_MESSAGES.nl,
      },
      fr: {
        title: 'Cookie traceur avant le consentement',
        legalBasis: 'Directive ePrivacy, art. 5, § 3 (Telecommunicatiewet art. 11.7a ; loi belge du 13 juin 2005, art. 129) : consentement préalable au dépôt de cookies non essentiels ; lignes directrices 05/2020 du CEPD, point 90.',
        plainWords: "Un site ne peut déposer des cookies qui ne sont pas strictement nécessaires qu'après l'accord du visiteur. Celui-ci a été déposé avant que le visiteur puisse choisir.",
        messages: BEFORE_CONSENT_MESSAGES.fr,
      },
    },
    ...BEFORE_CONSENT,
  },
  check: (scan) => trackingCookies(scan),
};
