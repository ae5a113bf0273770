import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

export const withdrawalUnavailable: Rule = {
  meta: {
    id: 'withdrawal-unavailable',
    title: 'No way to withdraw consent',
    description:
      'After accepting and reloading, nothing on the page a visitor can use (a "Cookie settings" link or button, or the policy\'s consent.withdraw selector) opens the consent choice again.',
    legalBasis: 'GDPR art. 7(3); EDPB Guidelines 05/2020 on consent §§113-114.',
    plainWords: 'Withdrawing consent must be as easy as giving it: a visitor who clicked "accept" needs a link or button, on every page, that brings the choice back.',
    translations: {
      nl: {
        title: 'Geen manier om toestemming in te trekken',
        legalBasis: 'AVG art. 7 lid 3; EDPB-richtsnoeren 05/2020 inzake toestemming, punten 113-114.',
        plainWords: 'Toestemming intrekken moet even makkelijk zijn als toestemming geven: wie op "accepteren" klikte, heeft op elke pagina een link of knop nodig die de keuze terugbrengt.',
        messages: {
          none: 'na accepteren opent niets op de pagina de cookiekeuze opnieuw: de bezoeker kan zijn toestemming niet intrekken',
          apiOnly: 'na accepteren opent alleen het script van de cookiemelding ({{api}}) de keuze opnieuw: de pagina toont de bezoeker geen link of knop om zijn toestemming in te trekken',
        },
      },
      fr: {
        title: 'Aucun moyen de retirer son consentement',
        legalBasis: 'RGPD, art. 7, § 3 ; lignes directrices 05/2020 du CEPD sur le consentement, points 113-114.',
        plainWords: "Retirer son consentement doit être aussi simple que le donner : le visiteur qui a cliqué sur « accepter » a besoin, sur chaque page, d'un lien ou d'un bouton qui rouvre le choix.",
        messages: {
          none: 'après acceptation, rien sur la page ne rouvre le choix des cookies : le visiteur ne peut pas retirer son consentement',
          apiOnly: "après acceptation, seul le script du gestionnaire de consentement ({{api}}) rouvre le choix : la page n'offre au visiteur aucun lien ni bouton pour retirer son consentement",
        },
      },
    },
    defaultSeverity: 'warn',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['after-withdraw'],
    messages: {
      none: 'after accepting, nothing on the page opens the consent choice again: the visitor cannot withdraw consent',
      apiOnly: "after accepting, only the consent manager's script ({{api}}) opens the choice again: the page shows the visitor no link or button to withdraw consent",
    },
  },
  check: (scan) => {
    const action = scan.action;
    if (action?.kind !== 'withdraw' || action.reopened === undefined) return [];
    if (action.reopened === null) return [bannerHit('withdraw', 'none', [action.detail])];
    if (action.reopened.via === 'api') return [bannerHit('withdraw', 'apiOnly', [action.detail], { api: action.reopened.control })];
    return [];
  },
};
