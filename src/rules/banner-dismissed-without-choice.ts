import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

export const bannerDismissedWithoutChoice: Rule = {
  meta: {
    id: 'banner-dismissed-without-choice',
    title: 'Banner gone without a choice',
    description: 'The banner disappeared after waiting, scrolling or moving to another page, though the visitor neither accepted nor refused.',
    legalBasis: 'Belgian regulator (GBA/APD) cookie FAQ: the banner stays until the visitor accepts or refuses; EDPB Guidelines 05/2020 §86.',
    plainWords: 'The consent question must stay on screen until the visitor answers it; a banner that disappears when the visitor scrolls, clicks elsewhere or waits has not been answered.',
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
