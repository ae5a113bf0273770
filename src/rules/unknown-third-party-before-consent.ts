import { hitsByHost, requestSighting, subresources } from './evidence.js';
import type { Rule } from './rule.js';

export const unknownThirdPartyBeforeConsent: Rule = {
  meta: {
    id: 'unknown-third-party-before-consent',
    title: 'Unknown third party before consent',
    description: 'The page contacted a third-party host that no tracker list knows (or a tag manager whose tags are judged on their own). Check what it does; allow it in the policy with a reason if it is needed.',
    legalBasis: 'ePrivacy Directive art. 5(3); GDPR art. 13 (the visitor must be told which third parties receive data).',
    plainWords: 'The page contacted a company that the check does not recognise. Visitors must be told which third parties receive their data; find out what it is, and allow it in the policy if it is needed.',
    defaultSeverity: 'warn',
    allow: 'subject',
    failClosed: false,
    // Not known to track: a banner is not demanded for it.
    tracking: false,
    visits: ['initial'],
    messages: {
      contacted: '{{vendor}} was contacted before consent: {{count}} request(s) to {{host}}',
      contactedUnknown: 'An unclassified third party was contacted before consent: {{count}} request(s) to {{host}}',
    },
  },
  check: (scan) =>
    hitsByHost(
      scan,
      subresources(scan)
        .filter((r) => r.class.party === 'third' && r.class.category === 'unknown')
        .map(requestSighting),
      (first) => (first.class.vendor ? 'contacted' : 'contactedUnknown'),
    ),
};
