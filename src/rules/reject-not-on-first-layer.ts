import { bannerHit, describeControl } from './banner-hit.js';
import type { Rule } from './rule.js';

export const rejectNotOnFirstLayer: Rule = {
  meta: {
    id: 'reject-not-on-first-layer',
    title: 'No reject on the first layer',
    description: 'The banner lets the visitor accept at once, but refusing takes another layer, or is not offered at all.',
    legalBasis: 'EDPB Cookie Banner Taskforce report (2023) §§6-8; Dutch AP "Heldere en misleidende cookiebanners" (2024); GDPR art. 7(3).',
    plainWords: 'Refusing must be as easy as accepting: a "reject" choice belongs next to "accept", not only behind a settings screen.',
    translations: {
      nl: {
        title: 'Geen weigerknop in de eerste laag',
        legalBasis: 'Rapport van de Cookie Banner Taskforce van de EDPB (2023), punten 6-8; Autoriteit Persoonsgegevens, "Heldere en misleidende cookiebanners" (2024); AVG art. 7 lid 3.',
        plainWords: 'Weigeren moet even makkelijk zijn als accepteren: een knop om te weigeren hoort naast de knop om te accepteren, niet alleen achter een scherm met instellingen.',
        messages: { secondLayer: 'de cookiemelding biedt meteen "accepteren", maar "weigeren" alleen in de laag met instellingen', none: 'de cookiemelding biedt "accepteren", maar geen manier om te weigeren' },
      },
      fr: {
        title: 'Pas de refus au premier niveau',
        legalBasis: 'Rapport de la task force « bannières cookies » du CEPD (2023), points 6-8 ; Autoriteit Persoonsgegevens (autorité néerlandaise), « Heldere en misleidende cookiebanners » (2024) ; RGPD, art. 7, § 3.',
        plainWords: "Refuser doit être aussi simple qu'accepter : un bouton « Refuser » a sa place à côté de « Accepter », pas seulement derrière un écran de paramètres.",
        messages: { secondLayer: "la bannière propose « accepter » d'emblée, mais « refuser » seulement dans ses paramètres", none: 'la bannière propose « accepter » mais aucun moyen de refuser' },
      },
    },
    defaultSeverity: 'error',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: {
      secondLayer: 'the banner offers "accept" at once, but "reject" only in its settings layer',
      none: 'the banner offers "accept" but no way to reject',
    },
  },
  check: (scan) => {
    const banner = scan.banner;
    if (!banner?.accept || banner.accept.layer !== 1 || banner.reject?.layer === 1) return [];
    return [bannerHit('reject', banner.reject ? 'secondLayer' : 'none', [`accept: ${describeControl(banner.accept)}`, `reject: ${describeControl(banner.reject)}`])];
  },
};
