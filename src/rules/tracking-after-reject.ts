import { allTracking, trackingMessages } from './hits.js';
import type { Rule } from './rule.js';

export const trackingAfterReject: Rule = {
  meta: {
    id: 'tracking-after-reject',
    title: 'Tracking after the visitor refused',
    description: "After clicking the banner's reject control, reloading and visiting another page, something still tracked the visitor.",
    legalBasis: 'ePrivacy Directive art. 5(3); GDPR art. 7(3); EDPB Cookie Banner Taskforce report (2023) §7.',
    plainWords: 'When the visitor says no, tracking must not start, not on this page and not on the next.',
    defaultSeverity: 'error',
    allow: 'subject',
    failClosed: false,
    tracking: false,
    visits: ['after-reject'],
    messages: trackingMessages('after the visitor refused'),
  },
  // When reject could not be clicked, the visit proves nothing; other rules say why.
  check: (scan) => (scan.action?.done ? allTracking(scan) : []),
};
