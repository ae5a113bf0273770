import { scanError } from '../../src/rules/scan-error.js';
import { ruleTester } from '../support/rule-tester.js';
import { cookie, page, scan, visit } from '../support/scans.js';

const refused = 'net::ERR_CONNECTION_REFUSED';

ruleTester(scanError).run({
  valid: [
    { name: 'a page that loaded', scan: scan() },
    { name: 'every visit loaded', page: page(scan(), visit('after-scroll'), visit('after-reject'), visit('after-accept')) },
  ],
  invalid: [
    {
      name: 'a page that could not be loaded',
      scan: scan({ error: refused, status: null }),
      errors: [{ messageId: 'failed', subject: { kind: 'page', url: 'https://example.org/' }, data: { url: 'https://example.org/', error: refused }, severity: 'error' }],
    },
    {
      name: 'a later visit that failed is reported on that visit',
      page: page(scan(), visit('after-accept', { error: 'the visit timed out' })),
      errors: [{ messageId: 'failed', phase: 'after-accept', data: { error: 'the visit timed out' } }],
    },
    {
      // Fail closed: a policy cannot quieten a page that was not looked at.
      name: 'an error even when the policy says warn',
      severity: 'warn',
      scan: scan({ error: refused }),
      errors: [{ messageId: 'failed', severity: 'error' }],
    },
    {
      name: 'an error even when the policy turns it off',
      severity: 'off',
      scan: scan({ error: 'the page answered HTTP 404', cookies: [cookie('_ga', 'analytics')] }),
      errors: [{ messageId: 'failed', severity: 'error' }],
    },
  ],
});
