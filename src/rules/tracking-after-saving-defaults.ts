import { allTracking, trackingMessages } from './hits.js';
import type { Rule } from './rule.js';

export const trackingAfterSavingDefaults: Rule = {
  meta: {
    id: 'tracking-after-saving-defaults',
    title: 'Tracking after saving the switches as shown',
    description:
      "The banner's first layer shows category switches next to a save control. Saving without touching a switch, then reloading, let something track the visitor: the site's own defaults were taken as consent.",
    legalBasis: 'ePrivacy Directive art. 5(3); GDPR art. 4(11); CJEU C-673/17 Planet49 (a pre-ticked box is not consent); Belgian regulator (GBA/APD) cookie FAQ.',
    plainWords: 'Saving a banner whose boxes the site ticked is not a choice for tracking: only boxes the visitor ticks count.',
    defaultSeverity: 'error',
    allow: 'subject',
    failClosed: false,
    tracking: false,
    visits: ['after-save'],
    messages: trackingMessages("after saving the banner's switches as they were shown"),
  },
  // When the save control could not be clicked, the visit proves nothing.
  check: (scan) => (scan.action?.done ? allTracking(scan) : []),
};
