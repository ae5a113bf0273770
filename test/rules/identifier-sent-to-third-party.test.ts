import { describe, expect, it } from 'vitest';
import { identifierSentToThirdParty } from '../../src/rules/identifier-sent-to-third-party.js';
import { fingerprint } from '../../src/rules/run.js';
import { ruleTester } from '../support/rule-tester.js';
import { action, identifier, page, scan, visit } from '../support/scans.js';

const PIXEL = 'https://px.adnetwork.example/i.gif?uid=<redacted>';
const crmToPixel = identifier('crm_id', PIXEL, { vendor: 'AdNetwork' });

ruleTester(identifierSentToThirdParty).run({
  valid: [
    { name: 'an id sent to the site itself', scan: scan({ identifiers: [identifier('crm_id', 'https://api.example.org/track?uid=<redacted>')] }) },
    { name: "a third party's own cookie synced to another third party", scan: scan({ identifiers: [identifier('fr', PIXEL, { holder: 'facebook.com' })] }) },
    { name: 'an id sent after accepting', page: page(scan(), visit('after-accept', { identifiers: [crmToPixel] })) },
    { name: 'after a refusal that could not be clicked', page: page(scan(), visit('after-reject', { action: action('reject', { done: false, steps: [], failure: 'no banner', detail: 'no banner' }), identifiers: [crmToPixel] })) },
  ],
  invalid: [
    {
      name: 'a CRM id cookie in a pixel’s query, body and header before any choice: one finding naming the cookie and the host',
      scan: scan({
        identifiers: [crmToPixel, identifier('crm_id', 'https://px.adnetwork.example/b', { where: 'body', vendor: 'AdNetwork' }), identifier('crm_id', 'https://px.adnetwork.example/k', { where: 'header', vendor: 'AdNetwork' })],
      }),
      errors: [
        {
          messageId: 'beforeConsent',
          subject: { kind: 'request', host: 'px.adnetwork.example', name: 'crm_id', url: 'https://px.adnetwork.example/i.gif' },
          data: { source: 'cookie', name: 'crm_id', holder: 'example.org', host: 'px.adnetwork.example', vendor: 'AdNetwork (marketing)', where: 'query, body, header' },
        },
      ],
    },
    {
      name: 'a localStorage id in a beacon body',
      scan: scan({ identifiers: [identifier('visitor', 'https://collect.stats.example/v1', { source: 'localStorage', holder: 'www.example.org', where: 'body', category: 'analytics' })] }),
      errors: [{ messageId: 'beforeConsent', subject: { storage: 'localStorage', name: 'visitor', host: 'collect.stats.example' }, data: { source: 'localStorage', vendor: 'unknown analytics vendor', where: 'body' } }],
    },
    {
      name: 'after browsing without a choice, an id the first look did not show',
      page: page(scan(), visit('after-scroll', { identifiers: [crmToPixel] })),
      errors: [{ messageId: 'afterScroll', phase: 'after-scroll' }],
    },
    {
      name: 'after browsing, only on the first look when that already showed it',
      page: page(scan({ identifiers: [crmToPixel] }), visit('after-scroll', { identifiers: [crmToPixel] })),
      errors: [{ messageId: 'beforeConsent', phase: 'initial' }],
    },
    {
      name: 'after the visitor refused',
      page: page(scan(), visit('after-reject', { identifiers: [crmToPixel] })),
      errors: [{ messageId: 'afterReject', phase: 'after-reject', severity: 'error' }],
    },
  ],
});

describe('identifier-sent-to-third-party findings', () => {
  it('name the cookie, the receiving host and where, never a value', () => {
    const [finding] = identifierSentToThirdParty.check(scan({ identifiers: [crmToPixel] }), { phase: () => undefined, isHome: true }, {});
    expect(finding!.evidence).toEqual(['cookie crm_id in the query of https://px.adnetwork.example/i.gif']);
  });

  it('keep their fingerprint across runs: the query (where the id went) is not part of it', () => {
    const again = identifier('crm_id', 'https://px.adnetwork.example/i.gif?uid=<redacted>&cb=918273', { vendor: 'AdNetwork' });
    const [a, b] = [crmToPixel, again].map((i) => identifierSentToThirdParty.check(scan({ identifiers: [i] }), { phase: () => undefined, isHome: true }, {})[0]!);
    expect(fingerprint('identifier-sent-to-third-party', a!, 'initial')).toBe(fingerprint('identifier-sent-to-third-party', b!, 'initial'));
  });
});
