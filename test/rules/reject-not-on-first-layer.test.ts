import { rejectNotOnFirstLayer } from '../../src/rules/reject-not-on-first-layer.js';
import { ruleTester } from '../support/rule-tester.js';
import { banner, control, scan } from '../support/scans.js';

ruleTester(rejectNotOnFirstLayer).run({
  valid: [
    { name: 'no banner', scan: scan() },
    { name: 'accept and reject side by side', scan: scan({ banner: banner() }) },
    { name: 'a reject link next to the accept button is another rule', scan: scan({ banner: banner({ reject: control('No thanks', 'link') }) }) },
    // Neither choice at once: nothing is steered (and nothing could be accepted on the first layer).
    { name: 'both only in the settings layer', scan: scan({ banner: banner({ accept: control('Accept all', 'button', 2), reject: control('Reject all', 'button', 2) }) }) },
    { name: 'accept only in the settings layer, no reject', scan: scan({ banner: banner({ accept: control('Accept all', 'button', 2), reject: null }) }) },
    { name: 'no accept control', scan: scan({ banner: banner({ accept: null, reject: null }) }) },
  ],
  invalid: [
    {
      name: 'reject only behind the settings',
      scan: scan({ banner: banner({ reject: control('Reject all', 'button', 2), settings: control('Settings') }) }),
      errors: [{ messageId: 'secondLayer', subject: { kind: 'banner', name: 'reject' } }],
    },
    {
      name: 'no way to reject',
      scan: scan({ banner: banner({ reject: null }) }),
      errors: [{ messageId: 'none', subject: { kind: 'banner', name: 'reject' }, severity: 'error' }],
    },
  ],
});
