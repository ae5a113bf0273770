import { googleConsentHit } from '../../src/gather/consent/signal-codes.js';
import { cookielessPingBeforeChoice } from '../../src/rules/cookieless-ping-before-choice.js';
import { ruleTester } from '../support/rule-tester.js';
import { consentSignals, page, scan, visit } from '../support/scans.js';

const hits = (...urls: string[]) => consentSignals({ googleHits: urls.map((url) => googleConsentHit(url)!) });
const PING = 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&gcs=G100&gcd=13p3p3p3p5&en=page_view';

ruleTester(cookielessPingBeforeChoice).run({
  valid: [
    { name: 'no Google hits', scan: scan() },
    { name: 'hits that say granted are consent-signal-before-choice\'s', scan: scan({ consentSignals: hits('https://www.google-analytics.com/g/collect?gcs=G111') }) },
    { name: 'a hit with one signal granted is no cookieless ping', scan: scan({ consentSignals: hits('https://www.google-analytics.com/g/collect?gcs=G101') }) },
    { name: 'pings after the visitor refused are not before a choice', page: page(scan(), visit('after-reject', { consentSignals: hits(PING) })) },
  ],
  invalid: [
    {
      name: 'cookieless pings before any choice: a warning by default, one per host',
      scan: scan({ consentSignals: hits(PING, PING.replace('page_view', 'user_engagement'), 'https://www.google.com/ccm/collect?gcd=13p3p3p3p5') }),
      errors: [
        { messageId: 'deniedPing', severity: 'warn', subject: { kind: 'request', host: 'www.google-analytics.com' }, data: { count: 2, values: 'gcs=G100, gcd=13p3p3p3p5' } },
        { messageId: 'deniedPing', subject: { host: 'www.google.com' }, data: { count: 1, values: 'gcd=13p3p3p3p5' } },
      ],
    },
    { name: 'an error where the policy says so (be, nl-government)', scan: scan({ consentSignals: hits(PING) }), severity: 'error', errors: [{ messageId: 'deniedPing', severity: 'error' }] },
  ],
});
