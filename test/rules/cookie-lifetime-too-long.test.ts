import { cookieLifetimeTooLong } from '../../src/rules/cookie-lifetime-too-long.js';
import { ruleTester } from '../support/rule-tester.js';
import { action, cookie, page, scan, visit } from '../support/scans.js';

const ga = cookie('_ga', 'analytics', { vendor: 'Google Analytics', days: 730 });
const consent = cookie('cc_cookie', 'necessary', { days: 182 });

ruleTester(cookieLifetimeTooLong).run({
  valid: [
    { name: 'session cookies and short lifetimes', scan: scan({ cookies: [cookie('session', 'necessary'), consent] }) },
    { name: 'exactly 13 months', scan: scan({ cookies: [cookie('_pk_id', 'analytics', { days: 396 })] }) },
    { name: 'within a stricter maxDays', options: { maxDays: 30 }, scan: scan({ cookies: [cookie('short', 'necessary', { days: 30 })] }) },
    // Already reported on the first visit: accepting does not make it a second finding.
    { name: 'after accepting, a cookie the first visit already showed', page: page(scan({ cookies: [consent] }), visit('after-accept', { cookies: [consent, cookie('cc_cookie', 'necessary', { days: 182 })] })) },
    { name: 'after an accept that could not be clicked', page: page(scan(), visit('after-accept', { action: action('accept', { done: false }), cookies: [ga] })) },
    { name: 'after refusing and after scrolling are not judged', page: page(scan(), visit('after-scroll', { cookies: [ga] }), visit('after-reject', { cookies: [ga] })) },
  ],
  invalid: [
    {
      // Chromium stores at most 400 days; the lifetime the site asked for is what counts.
      name: 'a two-year cookie before any choice, whatever its purpose',
      scan: scan({ cookies: [ga, cookie('lb', 'necessary', { days: 3650, via: 'set-cookie' })] }),
      errors: [
        { messageId: 'tooLong', subject: { kind: 'cookie', name: '_ga' }, data: { vendor: 'Google Analytics (analytics)', name: '_ga', days: 730, maxDays: '13 months' }, severity: 'warn' },
        { messageId: 'tooLong', subject: { name: 'lb' }, data: { days: 3650 } },
      ],
    },
    {
      name: 'after accepting, only what the first visit did not show',
      page: page(scan({ cookies: [ga] }), visit('after-accept', { cookies: [ga, cookie('_fbp', 'marketing', { days: 397 })] })),
      errors: [
        { messageId: 'tooLong', phase: 'initial', subject: { name: '_ga' } },
        { messageId: 'tooLong', phase: 'after-accept', subject: { name: '_fbp' }, data: { days: 397 } },
      ],
    },
    {
      name: 'the same name on another domain is another cookie',
      page: page(scan({ cookies: [cookie('id', 'marketing', { days: 30 })] }), visit('after-accept', { cookies: [cookie('id', 'marketing', { domain: 'ads.example.net', days: 500 })] })),
      errors: [{ messageId: 'tooLong', phase: 'after-accept', subject: { host: 'ads.example.net' } }],
    },
    {
      name: 'a stricter maxDays from the policy, named in the message',
      options: { maxDays: 30 },
      scan: scan({ cookies: [consent] }),
      errors: [{ messageId: 'tooLong', data: { days: 182, maxDays: '30 days' } }],
    },
  ],
});
