import { trackingStorageBeforeConsent } from '../../src/rules/tracking-storage-before-consent.js';
import { ruleTester } from '../support/rule-tester.js';
import { page, scan, storage, visit } from '../support/scans.js';

const hotjar = storage('_hjSessionUser', 'analytics', { vendor: 'Hotjar' });

ruleTester(trackingStorageBeforeConsent).run({
  valid: [
    { name: 'necessary, preference and unclassified keys', scan: scan({ storage: [storage('cart', 'necessary'), storage('theme', 'preferences'), storage('x', 'unknown')] }) },
    { name: 'tracking storage after accepting', page: page(scan(), visit('after-accept', { storage: [hotjar] })) },
  ],
  invalid: [
    {
      name: 'an analytics key in localStorage before any choice',
      scan: scan({ storage: [hotjar] }),
      errors: [
        {
          messageId: 'storage',
          subject: { kind: 'storage', storage: 'localStorage', name: '_hjSessionUser', host: 'example.org' },
          data: { vendor: 'Hotjar (analytics)', storage: 'localStorage', name: '_hjSessionUser', origin: 'https://example.org' },
        },
      ],
    },
    {
      name: 'a marketing key in IndexedDB of an embedded frame, writer not observed',
      scan: scan({ storage: [storage('uid', 'marketing', { kind: 'indexedDB', origin: 'https://ads.example.net', party: 'third', writtenBy: [] })] }),
      errors: [{ messageId: 'storage', subject: { storage: 'indexedDB', host: 'ads.example.net' }, data: { vendor: 'unknown marketing vendor', storage: 'indexedDB' } }],
    },
  ],
  // The before-consent rules share the tracking messages; this one judges only its own kind.
  notEmitted: ['cookieSet', 'cookieSent', 'request', 'embed', 'plugin'],
});
