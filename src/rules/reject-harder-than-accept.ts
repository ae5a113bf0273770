import { bannerHit, describeControl } from './banner-hit.js';
import type { Rule } from './rule.js';

export const rejectHarderThanAccept: Rule = {
  meta: {
    id: 'reject-harder-than-accept',
    title: 'Reject harder than accept',
    description: 'Refusing is offered as a plain text link while accepting is a button: not an equal choice.',
    legalBasis: 'EDPB Cookie Banner Taskforce report (2023) §§11-19 (deceptive link design); Dutch AP guidance (2024).',
    plainWords: 'Refusing must be as easy as accepting. A refuse option shown as a plain link, or hidden behind more clicks, steers visitors towards "yes".',
    translations: {
      nl: {
        title: 'Weigeren moeilijker dan accepteren',
        legalBasis: 'Rapport van de Cookie Banner Taskforce van de EDPB (2023), punten 11-19 (misleidende vormgeving met links); Autoriteit Persoonsgegevens, normuitleg cookiebanners (2024).',
        plainWords: 'Weigeren moet even makkelijk zijn als accepteren. Een weigeroptie als gewone tekstlink, of verstopt achter extra klikken, duwt bezoekers richting "ja".',
        messages: { linkVersusButton: 'weigeren is een tekstlink, accepteren een knop' },
      },
      fr: {
        title: "Refuser plus difficile qu'accepter",
        legalBasis: 'Rapport de la task force « bannières cookies » du CEPD (2023), points 11-19 (liens trompeurs) ; Autoriteit Persoonsgegevens (autorité néerlandaise), lignes directrices sur les bannières cookies (2024).',
        plainWords: "Refuser doit être aussi simple qu'accepter. Une option de refus présentée comme un simple lien, ou cachée derrière des clics supplémentaires, pousse les visiteurs vers le « oui ».",
        messages: { linkVersusButton: 'refuser est un lien texte, accepter un bouton' },
      },
    },
    defaultSeverity: 'warn',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: { linkVersusButton: 'reject is a text link while accept is a button' },
  },
  check: (scan) => {
    const { accept, reject } = scan.banner ?? {};
    if (!accept || !reject || reject.layer !== 1 || !(reject.kind === 'link' && accept.kind === 'button')) return [];
    return [bannerHit('reject', 'linkVersusButton', [`accept: ${describeControl(accept)}`, `reject: ${describeControl(reject)}`])];
  },
};
