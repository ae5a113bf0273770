import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

export const choiceNotRemembered: Rule = {
  meta: {
    id: 'choice-not-remembered',
    title: 'Choice not remembered on another page',
    description:
      "The visitor made a choice in the banner on the site's first page with that banner, and this page, loaded next in the same browser, showed the same banner again: the site did not remember the choice here (a consent cookie stored with a narrow path, say). The page's own choice visits are then made on it.",
    legalBasis: 'GDPR art. 7 and recital 32 (a request for consent must not disrupt the use of the service needlessly); CNIL recommendation 2020-092 (a refusal is kept as long as consent would be, so the visitor is not asked again).',
    plainWords: 'A visitor answers the cookie question once for the site. A page that asks again has forgotten the answer: the visitor is pressed to answer again and again until they give in.',
    translations: {
      nl: {
        title: 'Keuze niet onthouden op een andere pagina',
        legalBasis: 'AVG art. 7 en overweging 32 (een verzoek om toestemming mag het gebruik van de dienst niet onnodig verstoren); CNIL-aanbeveling 2020-092 (een weigering wordt even lang bewaard als een toestemming, zodat de bezoeker niet opnieuw gevraagd wordt).',
        plainWords: 'Een bezoeker beantwoordt de cookievraag één keer voor de hele site. Een pagina die het opnieuw vraagt, is het antwoord vergeten: de bezoeker wordt steeds opnieuw gevraagd, tot hij toegeeft.',
        messages: {
          reject: 'de weigering op {{on}} werd op deze pagina niet onthouden: de cookiemelding verscheen opnieuw',
          save: 'de keuze die op {{on}} zoals getoond werd bewaard, werd op deze pagina niet onthouden: de cookiemelding verscheen opnieuw',
          accept: 'de toestemming op {{on}} werd op deze pagina niet onthouden: de cookiemelding verscheen opnieuw',
          withdraw: 'het intrekken van de toestemming op {{on}} werd op deze pagina niet onthouden: de cookiemelding verscheen opnieuw',
        },
      },
      fr: {
        title: 'Choix oublié sur une autre page',
        legalBasis: "RGPD, art. 7 et considérant 32 (une demande de consentement ne doit pas perturber inutilement l'utilisation du service) ; recommandation 2020-092 de la CNIL (un refus est conservé aussi longtemps qu'un consentement, pour ne pas redemander au visiteur).",
        plainWords: "Le visiteur répond une fois à la question des cookies pour tout le site. Une page qui la pose de nouveau a oublié sa réponse : on la lui redemande jusqu'à ce qu'il cède.",
        messages: {
          reject: "le refus exprimé sur {{on}} n'a pas été retenu sur cette page : la bannière s'est de nouveau affichée",
          save: "le choix validé tel quel sur {{on}} n'a pas été retenu sur cette page : la bannière s'est de nouveau affichée",
          accept: "le consentement donné sur {{on}} n'a pas été retenu sur cette page : la bannière s'est de nouveau affichée",
          withdraw: "le retrait du consentement sur {{on}} n'a pas été retenu sur cette page : la bannière s'est de nouveau affichée",
        },
      },
    },
    defaultSeverity: 'warn',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['after-reject', 'after-save', 'after-accept', 'after-withdraw'],
    messages: {
      reject: 'the refusal made on {{on}} was not remembered on this page: the banner showed again',
      save: 'the choice saved as shown on {{on}} was not remembered on this page: the banner showed again',
      accept: 'the consent given on {{on}} was not remembered on this page: the banner showed again',
      withdraw: 'the withdrawal of consent on {{on}} was not remembered on this page: the banner showed again',
    },
  },
  check: (scan) =>
    (scan.action?.steps ?? []).flatMap((step) =>
      step.do === 'stored' && step.bannerAgain ? [bannerHit('remembered', step.choice, [scan.action!.detail], { on: step.on })] : [],
    ),
};
