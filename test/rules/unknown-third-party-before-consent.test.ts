import { unknownThirdPartyBeforeConsent } from '../../src/rules/unknown-third-party-before-consent.js';
import { ruleTester } from '../support/rule-tester.js';
import { page, request, scan, visit } from '../support/scans.js';

const mystery = request('https://api.mystery.example.net/v1/ping?id=1', 'unknown');

ruleTester(unknownThirdPartyBeforeConsent).run({
  valid: [
    { name: 'the site itself, unclassified', scan: scan({ requests: [request('https://example.org/app.js', 'unknown', { party: 'first' })] }) },
    { name: 'known third parties are judged by the tracking rules', scan: scan({ requests: [request('https://www.google-analytics.com/g/collect', 'analytics'), request('https://cdn.example.net/lib.js', 'necessary')] }) },
    { name: 'an unknown host contacted only after accepting', page: page(scan(), visit('after-accept', { requests: [mystery] })) },
  ],
  invalid: [
    {
      name: 'a host no list knows',
      scan: scan({ requests: [mystery, request('https://api.mystery.example.net/v1/ping?id=2', 'unknown')] }),
      errors: [{ messageId: 'contactedUnknown', subject: { kind: 'request', host: 'api.mystery.example.net', url: 'https://api.mystery.example.net/v1/ping' }, data: { host: 'api.mystery.example.net', count: 2 } }],
    },
    {
      name: 'a known vendor whose purpose is unknown (a tag manager)',
      severity: 'error',
      scan: scan({ requests: [request('https://www.googletagmanager.com/gtm.js', 'unknown', { vendor: 'Google Tag Manager' })] }),
      errors: [{ messageId: 'contacted', data: { vendor: 'Google Tag Manager (unknown)', count: 1 }, severity: 'error' }],
    },
  ],
});
