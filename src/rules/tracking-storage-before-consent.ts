import { BEFORE_CONSENT, trackingStorage } from './hits.js';
import type { Rule } from './rule.js';

export const trackingStorageBeforeConsent: Rule = {
  meta: {
    id: 'tracking-storage-before-consent',
    title: 'Tracking storage before consent',
    description: 'An analytics, marketing or social key was written to localStorage, sessionStorage or IndexedDB before the visitor made any choice.',
    legalBasis: 'ePrivacy Directive art. 5(3) covers any storage on the device, not only cookies; EDPB Guidelines 2/2023 §§36-37.',
    plainWords: "The consent rule covers every way of storing data on the visitor's device, not only cookies: this tracking data was stored before the visitor could choose.",
    ...BEFORE_CONSENT,
  },
  check: (scan) => trackingStorage(scan),
};
