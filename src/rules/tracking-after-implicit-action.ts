import { allTracking, hitKey, trackingMessages } from './hits.js';
import type { Rule } from './rule.js';

export const trackingAfterImplicitAction: Rule = {
  meta: {
    id: 'tracking-after-implicit-action',
    title: 'Scrolling or browsing taken as consent',
    description: 'Something that tracks appeared after the visitor scrolled, moved the mouse, pressed Escape or followed a link, without answering the banner.',
    legalBasis: 'EDPB Guidelines 05/2020 §86: scrolling or continuing to browse is not a clear affirmative action; ePrivacy Directive art. 5(3).',
    plainWords: 'Scrolling, clicking elsewhere or moving on to another page is not consent. Tracking may only start after the visitor clearly says yes.',
    defaultSeverity: 'error',
    allow: 'subject',
    failClosed: false,
    tracking: false,
    visits: ['after-scroll'],
    messages: trackingMessages('after scrolling and browsing, without a choice'),
  },
  check: (scan, page) => {
    // What the first look already showed is reported there; here only what the interaction added.
    const initial = page.phase('initial');
    const before = new Set((initial ? allTracking(initial) : []).map(hitKey));
    return allTracking(scan).filter((hit) => !before.has(hitKey(hit)));
  },
};
