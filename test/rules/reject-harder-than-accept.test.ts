import { rejectHarderThanAccept } from '../../src/rules/reject-harder-than-accept.js';
import { ruleTester } from '../support/rule-tester.js';
import { banner, control, scan } from '../support/scans.js';

ruleTester(rejectHarderThanAccept).run({
  valid: [
    { name: 'no banner', scan: scan() },
    { name: 'two buttons', scan: scan({ banner: banner() }) },
    { name: 'two links', scan: scan({ banner: banner({ accept: control('OK', 'link'), reject: control('No thanks', 'link') }) }) },
    { name: 'a reject button and an accept link', scan: scan({ banner: banner({ accept: control('OK', 'link') }) }) },
    // Reject only in the settings layer is reject-not-on-first-layer's finding, not this one's.
    { name: 'a reject link in the settings layer', scan: scan({ banner: banner({ reject: control('Reject all', 'link', 2) }) }) },
    { name: 'no reject at all', scan: scan({ banner: banner({ reject: null }) }) },
  ],
  invalid: [
    {
      name: 'reject is a text link beside an accept button',
      scan: scan({ banner: banner({ reject: control('Continue without accepting', 'link') }) }),
      errors: [{ messageId: 'linkVersusButton', subject: { kind: 'banner', name: 'reject' }, severity: 'warn' }],
    },
  ],
});
