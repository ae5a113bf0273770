import { trackerRequestBeforeConsent } from '../../src/rules/tracker-request-before-consent.js';
import { ruleTester } from '../support/rule-tester.js';
import { frame, page, request, scan, visit } from '../support/scans.js';

const GA = { vendor: 'Google Analytics' };
const collect = (n: number) => request(`https://www.google-analytics.com/g/collect?v=2&cid=${n}`, 'analytics', { ...GA, resourceType: 'ping' });

ruleTester(trackerRequestBeforeConsent).run({
  valid: [
    { name: 'necessary and unknown requests', scan: scan({ requests: [request('https://cdn.example.net/lib.js', 'necessary'), request('https://x.example.net/a.js', 'unknown')] }) },
    // Plugins and social hosts are social-plugin-before-consent's: one finding per thing, not two.
    { name: 'a social request and an analytics plugin', scan: scan({ requests: [request('https://connect.facebook.net/sdk.js', 'social'), request('https://widget.example.net/w.js', 'analytics', { plugin: true })] }) },
    {
      name: 'the document of an embedded tracking frame (reported as the embed)',
      scan: scan({ requests: [request('https://ads.example.net/frame.html', 'marketing', { resourceType: 'document' })], frames: [frame('https://ads.example.net/frame.html', 'marketing', { plugin: false })] }),
    },
    { name: 'tracker requests after accepting', page: page(scan(), visit('after-accept', { requests: [collect(1)] })) },
  ],
  invalid: [
    {
      name: 'many beacons to one host are one finding, query strings left out',
      scan: scan({ requests: [collect(1), collect(2), collect(3), collect(4)] }),
      errors: [{ messageId: 'request', subject: { kind: 'request', host: 'www.google-analytics.com', url: 'https://www.google-analytics.com/g/collect' }, data: { vendor: 'Google Analytics (analytics)', host: 'www.google-analytics.com', count: 4 } }],
    },
    {
      name: 'a failed request still shows the intent; one finding per host, in host order',
      scan: scan({ requests: [request('https://www.googletagmanager.com/gtag/js', 'analytics', GA), request('https://px.ads.example.net/p.gif', 'marketing', { resourceType: 'image', failure: 'net::ERR_BLOCKED_BY_CLIENT' })] }),
      errors: [
        { messageId: 'request', subject: { host: 'px.ads.example.net' }, data: { vendor: 'unknown marketing vendor', count: 1 } },
        { messageId: 'request', subject: { host: 'www.googletagmanager.com' } },
      ],
    },
  ],
  // The before-consent rules share the tracking messages; this one judges only its own kind.
  notEmitted: ['cookieSet', 'cookieSent', 'storage', 'embed', 'plugin'],
});
