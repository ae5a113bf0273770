import { consentBannerUndetected } from '../../src/rules/consent-banner-undetected.js';
import { ruleTester } from '../support/rule-tester.js';
import { banner, page, scan, visit } from '../support/scans.js';

const notice = 'This site would love some cookies. Sure thing / Nah';

ruleTester(consentBannerUndetected).run({
  valid: [
    { name: 'no notice at all', scan: scan() },
    { name: 'a banner whose controls were recognised', scan: scan({ banner: banner() }) },
    { name: 'a recognised banner wins over a second notice', scan: scan({ banner: banner(), bannerUnrecognised: notice }) },
    { name: 'only the first visit is judged', page: page(scan(), visit('after-scroll', { bannerUnrecognised: notice })) },
  ],
  invalid: [
    {
      name: 'a notice without recognisable controls',
      scan: scan({ bannerUnrecognised: notice }),
      errors: [{ messageId: 'unrecognised', subject: { kind: 'banner', name: 'unrecognised' }, severity: 'warn' }],
    },
  ],
});
