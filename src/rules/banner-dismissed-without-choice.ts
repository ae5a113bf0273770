import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

export const bannerDismissedWithoutChoice: Rule = {
  meta: {
    id: 'banner-dismissed-without-choice',
    title: 'Banner gone without a choice',
    description: 'The banner disappeared after waiting, scrolling or moving to another page, though the visitor neither accepted nor refused.',
    legalBasis: 'Belgian regulator (GBA/APD) cookie FAQ: the banner stays until the visitor accepts or refuses; EDPB Guidelines 05/2020 §86.',
    plainWords: 'The consent question must stay on screen until the visitor answers it; a banner that disappears when the visitor scrolls, clicks elsewhere or waits has not been answered.',
    translations: {
      nl: {
        title: 'Cookiemelding verdwenen zonder keuze',
        legalBasis: 'Gegevensbeschermingsautoriteit (GBA), FAQ cookies: de melding blijft staan tot de bezoeker accepteert of weigert; EDPB-richtsnoeren 05/2020, punt 86.',
        plainWords: 'De vraag om toestemming moet in beeld blijven tot de bezoeker antwoordt; een melding die verdwijnt als de bezoeker scrolt, ergens anders klikt of wacht, is niet beantwoord.',
        messages: { byItself: 'de cookiemelding verdween vanzelf terwijl de bezoeker wachtte', byBrowsing: 'de cookiemelding verdween na scrollen, Escape of het openen van een andere pagina' },
      },
      fr: {
        title: 'Bannière disparue sans choix',
        legalBasis: "Autorité de protection des données (APD), FAQ cookies : la bannière reste affichée jusqu'à ce que le visiteur accepte ou refuse ; lignes directrices 05/2020 du CEPD, point 86.",
        plainWords: "La demande de consentement doit rester à l'écran jusqu'à ce que le visiteur y réponde ; une bannière qui disparaît quand il fait défiler la page, clique ailleurs ou attend n'a pas reçu de réponse.",
        messages: { byItself: "la bannière a disparu d'elle-même pendant que le visiteur attendait", byBrowsing: 'la bannière a disparu après un défilement, la touche Échap ou le passage à une autre page' },
      },
    },
    defaultSeverity: 'warn',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial', 'after-scroll'],
    messages: {
      byItself: 'the banner disappeared by itself while the visitor waited',
      byBrowsing: 'the banner disappeared after scrolling, Escape or moving to another page',
    },
  },
  check: (scan) => {
    if (scan.phase === 'initial') {
      return scan.banner && !scan.banner.visibleAfterWait ? [bannerHit('dismissed', 'byItself', [`banner: "${scan.banner.text.slice(0, 80)}"`])] : [];
    }
    return scan.action?.bannerAfter === 'gone' ? [bannerHit('dismissed', 'byBrowsing', [scan.action.detail])] : [];
  },
};
