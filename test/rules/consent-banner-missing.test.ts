import { consentBannerMissing } from '../../src/rules/consent-banner-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { banner, cookie, frame, page, request, scan, storage, visit } from '../support/scans.js';

const ga = cookie('_ga', 'analytics', { vendor: 'Google Analytics' });

ruleTester(consentBannerMissing).run({
  valid: [
    { name: 'nothing tracks, so nothing needs asking', scan: scan({ cookies: [cookie('session', 'necessary')], requests: [request('https://x.example.net/a.js', 'unknown')] }) },
    { name: 'a consent banner was found', scan: scan({ banner: banner(), cookies: [ga] }) },
    // consent-banner-undetected speaks for a notice whose buttons were not recognised.
    { name: 'a notice was seen but not recognised', scan: scan({ bannerUnrecognised: 'This site uses cookies. Sure thing / Nah', cookies: [ga] }) },
    { name: 'tracking only after accepting', page: page(scan(), visit('after-accept', { cookies: [ga] })) },
  ],
  invalid: [
    {
      name: 'a tracking cookie and no banner',
      scan: scan({ cookies: [ga] }),
      errors: [{ messageId: 'missing', subject: { kind: 'banner', name: 'missing' }, data: { count: 1 } }],
    },
    {
      name: 'counts every kind of tracking',
      scan: scan({
        cookies: [ga],
        storage: [storage('_hjSession', 'analytics')],
        requests: [request('https://www.google-analytics.com/g/collect', 'analytics'), request('https://www.google-analytics.com/g/collect?2', 'analytics')],
        frames: [frame('https://www.youtube.com/embed/x', 'marketing')],
      }),
      errors: [{ messageId: 'missing', data: { count: 4 } }],
    },
  ],
});
