import { describe, expect, it } from 'vitest';
import { trackingStorage } from '../../src/rules/hits.js';
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

describe('a storage key classified by who wrote it', () => {
  const written = (writer: string, writtenBy: string[]) => {
    const entry = storage('ytc-settings', 'marketing', { vendor: 'YouTube', origin: 'https://www.youtube.com', party: 'third', writtenBy });
    return { ...entry, class: { ...entry.class, writer: { url: writer, nameCategory: 'preferences' as const } } };
  };

  it('names the script that decided first', () => {
    const [hit] = trackingStorage(scan({ storage: [written('https://www.youtube.com/s/player.js', ['https://www.youtube.com/embed/x', 'https://www.youtube.com/s/player.js'])] }));
    expect(hit!.evidence).toEqual([
      'written by https://www.youtube.com/s/player.js (YouTube, marketing; by its name alone: preferences)',
      'written by https://www.youtube.com/embed/x',
    ]);
  });

  it('names the frame that holds it when no writing script was seen', () => {
    const [hit] = trackingStorage(scan({ storage: [written('https://www.youtube.com', [])] }));
    expect(hit!.evidence).toEqual(['kept by a frame of https://www.youtube.com (YouTube, marketing; by its name alone: preferences)']);
  });
});
