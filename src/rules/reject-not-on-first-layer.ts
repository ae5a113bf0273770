import { bannerHit, describeControl } from './banner-hit.js';
import type { Rule } from './rule.js';

export const rejectNotOnFirstLayer: Rule = {
  meta: {
    id: 'reject-not-on-first-layer',
    title: 'No reject on the first layer',
    description: 'The banner lets the visitor accept at once, but refusing takes another layer, or is not offered at all.',
    legalBasis: 'EDPB Cookie Banner Taskforce report (2023) §§6-8; Dutch AP "Heldere en misleidende cookiebanners" (2024); GDPR art. 7(3).',
    plainWords: 'Refusing must be as easy as accepting: a "reject" choice belongs next to "accept", not only behind a settings screen.',
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
