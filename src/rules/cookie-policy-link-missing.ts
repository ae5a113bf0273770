import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

export const cookiePolicyLinkMissing: Rule = {
  meta: {
    id: 'cookie-policy-link-missing',
    title: 'No cookie policy link on the home page',
    description: 'The home page (its content, banner or footer) has no working link to a cookie or privacy policy.',
    legalBasis: 'GDPR art. 13; Belgian regulator (GBA/APD) cookie FAQ: the cookie policy is linked from the home page; CJEU Planet49 (information on purposes, lifetime, third parties).',
    plainWords: 'Visitors must be able to read which cookies are used, why, for how long and by whom; the cookie policy must be linked from the home page.',
    translations: {
      nl: {
        title: 'Geen link naar het cookiebeleid op de homepage',
        legalBasis: 'AVG art. 13; Gegevensbeschermingsautoriteit (GBA), FAQ cookies: het cookiebeleid is gelinkt vanaf de homepage; HvJ EU Planet49 (informatie over doeleinden, bewaartermijn en derden).',
        plainWords: 'Bezoekers moeten kunnen lezen welke cookies worden gebruikt, waarvoor, hoe lang en door wie; het cookiebeleid moet vanaf de homepage gelinkt zijn.',
        messages: { missing: 'de homepage linkt naar geen cookie- of privacybeleid dat met 200 antwoordt' },
      },
      fr: {
        title: "Pas de lien vers la politique cookies sur la page d'accueil",
        legalBasis: "RGPD, art. 13 ; Autorité de protection des données (APD), FAQ cookies : la politique cookies est accessible depuis la page d'accueil ; CJUE Planet49 (information sur les finalités, la durée et les tiers).",
        plainWords: "Les visiteurs doivent pouvoir lire quels cookies sont utilisés, pourquoi, pour combien de temps et par qui ; la politique cookies doit être accessible depuis la page d'accueil.",
        messages: { missing: "la page d'accueil ne renvoie vers aucune politique cookies ou de confidentialité qui répond 200" },
      },
    },
    defaultSeverity: 'error',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: { missing: 'the home page links no cookie or privacy policy that answers 200' },
  },
  check: (scan, page) => {
    if (!page.isHome || scan.policyLinks.some((link) => link.status === 200)) return [];
    const tried = scan.policyLinks.map((link) => `${link.url} answered ${link.status ?? 'nothing'}`);
    return [bannerHit('policy link', 'missing', tried.length > 0 ? tried : ['no link whose text or address mentions cookies or privacy'])];
  },
};
