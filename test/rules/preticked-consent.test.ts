import { pretickedConsent } from '../../src/rules/preticked-consent.js';
import { ruleTester } from '../support/rule-tester.js';
import { banner, scan, toggle } from '../support/scans.js';

ruleTester(pretickedConsent).run({
  valid: [
    { name: 'no banner', scan: scan() },
    { name: 'everything off', scan: scan({ banner: banner({ toggles: [toggle('Analytics', false), toggle('Marketing', false)] }) }) },
    { name: 'strictly necessary, on and locked', scan: scan({ banner: banner({ toggles: [toggle('Strictly necessary', true, true)] }) }) },
    // Necessary categories may be on; some banners do not lock them.
    { name: 'necessary categories on but not locked, in other languages too', scan: scan({ banner: banner({ toggles: [toggle('Essential cookies', true), toggle('Noodzakelijke cookies', true), toggle('Functionele cookies', true), toggle('Notwendige Cookies', true)] }) }) },
    { name: 'a locked switch is not a choice the visitor was denied', scan: scan({ banner: banner({ toggles: [toggle('Analytics', true, true)] }) }) },
  ],
  invalid: [
    {
      name: 'a category switched on before the visitor chose it',
      scan: scan({ banner: banner({ toggles: [toggle('Strictly necessary', true, true), toggle('Marketing', true)] }) }),
      errors: [{ messageId: 'preticked', subject: { kind: 'banner', name: 'toggle Marketing' }, data: { label: 'Marketing' } }],
    },
    {
      name: 'each pre-ticked category, by label',
      scan: scan({ banner: banner({ toggles: [toggle('Statistics', true), toggle('Analytics', true), toggle('Personalisation', false)] }) }),
      errors: [
        { messageId: 'preticked', data: { label: 'Analytics' } },
        { messageId: 'preticked', data: { label: 'Statistics' } },
      ],
    },
  ],
});
