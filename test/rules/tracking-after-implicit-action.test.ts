import { trackingAfterImplicitAction } from '../../src/rules/tracking-after-implicit-action.js';
import { ruleTester } from '../support/rule-tester.js';
import { cookie, frame, page, request, scan, storage, visit } from '../support/scans.js';

const ga = cookie('_ga', 'analytics', { vendor: 'Google Analytics' });
const collect = (n: number) => request(`https://www.google-analytics.com/g/collect?n=${n}`, 'analytics', { vendor: 'Google Analytics', resourceType: 'ping' });

ruleTester(trackingAfterImplicitAction).run({
  valid: [
    { name: 'nothing new after scrolling', page: page(scan(), visit('after-scroll')) },
    // Already reported by the before-consent rules on the first visit: not twice.
    { name: 'what the first look already showed', page: page(scan({ cookies: [ga], requests: [collect(1)] }), visit('after-scroll', { cookies: [ga], requests: [collect(2), collect(3)] })) },
    { name: 'only necessary things appear', page: page(scan(), visit('after-scroll', { cookies: [cookie('session', 'necessary')], requests: [request('https://cdn.example.net/more.js', 'necessary')] })) },
    { name: 'it does not judge the first visit', scan: scan({ cookies: [ga] }) },
  ],
  invalid: [
    {
      name: 'a cookie set after scrolling',
      page: page(scan(), visit('after-scroll', { cookies: [ga] })),
      errors: [{ messageId: 'cookieSet', phase: 'after-scroll', subject: { kind: 'cookie', name: '_ga' }, data: { vendor: 'Google Analytics (analytics)' } }],
    },
    {
      name: 'the same cookie name on another domain is new',
      page: page(scan({ cookies: [ga] }), visit('after-scroll', { cookies: [ga, cookie('_ga', 'analytics', { domain: 'shop.example.net' })] })),
      errors: [{ messageId: 'cookieSet', subject: { name: '_ga', host: 'shop.example.net' } }],
    },
    {
      name: 'every kind of tracking that browsing started',
      page: page(
        scan(),
        visit('after-scroll', {
          cookies: [cookie('IDE', 'marketing', { domain: 'doubleclick.net', stored: false })],
          storage: [storage('_hjSession', 'analytics', { vendor: 'Hotjar' })],
          requests: [collect(1), request('https://connect.facebook.net/sdk.js', 'social')],
          frames: [frame('https://www.youtube.com/embed/x', 'marketing')],
        }),
      ),
      // In the engine's order: hosts (requests and frames have no name) before names.
      errors: [
        { messageId: 'plugin', subject: { host: 'connect.facebook.net' } },
        { messageId: 'request', subject: { host: 'www.google-analytics.com' } },
        { messageId: 'embed', subject: { host: 'www.youtube.com' } },
        { messageId: 'cookieSent', subject: { name: 'IDE' } },
        { messageId: 'storage', subject: { name: '_hjSession' } },
      ],
    },
    {
      name: 'without a first visit to compare with, everything counts',
      page: page(visit('after-scroll', { cookies: [ga] })),
      errors: [{ messageId: 'cookieSet' }],
    },
  ],
});
