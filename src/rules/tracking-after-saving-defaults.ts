import { allTracking, trackingMessages } from './hits.js';
import type { Rule } from './rule.js';

export const trackingAfterSavingDefaults: Rule = {
  meta: {
    id: 'tracking-after-saving-defaults',
    title: 'Tracking after saving the switches as shown',
    description:
      "The banner's first layer shows category switches next to a save control. Saving without touching a switch, then reloading, let something track the visitor: the site's own defaults were taken as consent.",
    legalBasis: 'ePrivacy Directive art. 5(3); GDPR art. 4(11); CJEU C-673/17 Planet49 (a pre-ticked box is not consent); Belgian regulator (GBA/APD) cookie FAQ.',
    plainWords: 'Saving a banner whose boxes the site ticked is not a choice for tracking: only boxes the visitor ticks count.',
    translations: {
      nl: {
        title: 'Tracking na opslaan van de schakelaars zoals getoond',
        legalBasis: 'ePrivacyrichtlijn art. 5 lid 3; AVG art. 4 punt 11; HvJ EU C-673/17 Planet49 (een vooraf aangevinkt vakje is geen toestemming); Gegevensbeschermingsautoriteit (GBA), FAQ cookies.',
        plainWords: 'Een cookiemelding opslaan waarvan de site zelf de vakjes aanvinkte, is geen keuze voor tracking: alleen vakjes die de bezoeker zelf aanvinkt, tellen.',
        messages: trackingMessages('na het opslaan van de schakelaars van de cookiemelding zoals ze getoond werden', 'nl'),
      },
      fr: {
        title: 'Suivi après enregistrement des interrupteurs tels qu’affichés',
        legalBasis: 'Directive ePrivacy, art. 5, § 3 ; RGPD, art. 4, point 11 ; CJUE C-673/17 Planet49 (une case cochée par défaut n’est pas un consentement) ; Autorité de protection des données (APD), FAQ cookies.',
        plainWords: 'Enregistrer une bannière cookies dont le site a coché les cases n’est pas un choix en faveur du suivi : seules les cases que le visiteur coche lui-même comptent.',
        messages: trackingMessages('après l’enregistrement des interrupteurs de la bannière tels qu’affichés', 'fr'),
      },
    },
    defaultSeverity: 'error',
    allow: 'subject',
    failClosed: false,
    tracking: false,
    visits: ['after-save'],
    messages: trackingMessages("after saving the banner's switches as they were shown"),
  },
  // When the save control could not be clicked, the visit proves nothing.
  check: (scan) => (scan.action?.done ? allTracking(scan) : []),
};
