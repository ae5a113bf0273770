import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

export const cookiePolicyLinkMissing: Rule = {
  meta: {
    id: 'cookie-policy-link-missing',
    title: 'No cookie policy link on the home page',
    description: 'The home page (its content, banner or footer) has no working link to a cookie or privacy policy.',
    legalBasis: 'GDPR art. 13; Belgian regulator (GBA/APD) cookie FAQ: the cookie policy is linked from the home page; CJEU Planet49 (information on purposes, lifetime, third parties).',
    plainWords: 'Visitors must be able to read which cookies are used, why, for how long and by whom; the cookie policy must be linked from the home page.',
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
