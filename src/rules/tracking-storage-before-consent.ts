import { TRACKING, vendorLabel, withoutQuery } from './evidence.js';
import type { Rule } from './rule.js';

export const trackingStorageBeforeConsent: Rule = {
  id: 'tracking-storage-before-consent',
  title: 'Tracking storage before consent',
  description: 'An analytics, marketing or social key was written to localStorage, sessionStorage or IndexedDB before the visitor made any choice.',
  legalBasis: 'ePrivacy Directive art. 5(3) covers any storage on the device, not only cookies; EDPB Guidelines 2/2023 §§36-37.',
  defaultSeverity: 'error',
  allowable: true,
  phases: ['initial'],
  check: (scan) =>
    scan.storage
      .filter((entry) => TRACKING.has(entry.class.category))
      .map((entry) => ({
        subject: { kind: 'storage', storage: entry.kind, name: entry.key, host: new URL(entry.origin).hostname },
        category: entry.class.category,
        vendor: entry.class.vendor,
        party: entry.class.party,
        message: `${vendorLabel(entry.class.vendor, entry.class.category)} ${entry.kind} key "${entry.key}" on ${entry.origin} was written before consent`,
        evidence: entry.writtenBy.length > 0 ? entry.writtenBy.map((url) => `written by ${withoutQuery(url)}`) : ['found in storage; the writing script was not observed'],
      })),
};
