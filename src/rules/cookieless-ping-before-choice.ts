import { deniedHits, googleHitsByHost } from './consent-signals.js';
import type { Rule } from './rule.js';

/**
 * A rule of its own rather than a message of consent-signal-before-choice: its severity differs by
 * jurisdiction (a warning by default, an error under be and nl-government), and a severity belongs to
 * a rule id in a policy; a policy can also turn it off without losing the granted-signal check.
 */
export const cookielessPingBeforeChoice: Rule = {
  meta: {
    id: 'cookieless-ping-before-choice',
    title: 'Cookieless Google ping before any choice',
    description:
      'Google Consent Mode (advanced) sent hits to Google before the visitor chose, saying consent was denied (gcs=G100): "cookieless" pings that still carry the page, the time and the browser\'s details.',
    legalBasis:
      'ePrivacy Directive art. 5(3): EDPB Guidelines 2/2023 on its technical scope treat a request the page makes the browser send to a third party, with the information it carries, as gaining access to the terminal equipment (§§ 47-51), cookies or not.',
    plainWords:
      'Denied consent in Consent Mode does not stop the data flow: Google still receives a ping for every page view. European regulators count that as reading from the device, which needs consent like a cookie does.',
    translations: {
      nl: {
        title: 'Cookieloze Google-ping vóór een keuze',
        legalBasis:
          'ePrivacyrichtlijn art. 5 lid 3: de EDPB-richtsnoeren 2/2023 over de technische reikwijdte ervan behandelen een verzoek dat de pagina de browser naar een derde laat sturen, met de informatie die het meeneemt, als toegang tot de randapparatuur (punten 47-51), met of zonder cookies.',
        plainWords:
          'Geweigerde toestemming in Consent Mode stopt de gegevensstroom niet: Google krijgt nog steeds een ping voor elke paginaweergave. Europese toezichthouders zien dat als uitlezen van het apparaat, waarvoor net als voor een cookie toestemming nodig is.',
        messages: { deniedPing: '{{count}} cookieloze ping(s) naar {{host}} ({{vendor}}) vóór een keuze, met toestemming geweigerd: {{values}}' },
      },
      fr: {
        title: 'Ping Google sans cookie avant tout choix',
        legalBasis:
          "Directive ePrivacy, art. 5, § 3 : les lignes directrices 2/2023 du CEPD sur sa portée technique traitent une requête que la page fait envoyer par le navigateur à un tiers, avec les informations qu'elle contient, comme un accès à l'équipement terminal (points 47-51), avec ou sans cookies.",
        plainWords:
          "Un consentement refusé dans Consent Mode n'arrête pas le flux de données : Google reçoit toujours un ping pour chaque page vue. Les autorités européennes y voient une lecture de l'appareil, qui demande un consentement comme un cookie.",
        messages: { deniedPing: '{{count}} ping(s) sans cookie vers {{host}} ({{vendor}}) avant tout choix, consentement refusé : {{values}}' },
      },
    },
    defaultSeverity: 'warn',
    allow: 'subject',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: { deniedPing: '{{count}} cookieless ping(s) to {{host}} ({{vendor}}) before any choice, with consent denied: {{values}}' },
  },
  check: (scan) => googleHitsByHost(scan, deniedHits(scan), 'deniedPing'),
};
