import { cookiePolicyLinkMissing } from '../../src/rules/cookie-policy-link-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { page, policyLink, scan, visit } from '../support/scans.js';

ruleTester(cookiePolicyLinkMissing).run({
  valid: [
    { name: 'the home page links a policy that answers', scan: scan({ policyLinks: [policyLink()] }) },
    { name: 'one broken link, one that works', scan: scan({ policyLinks: [policyLink('https://example.org/old-cookies/', 404), policyLink('https://example.org/privacy/', 200, 'Privacy')] }) },
    // The law asks for the link on the home page; other pages may leave it out.
    { name: 'another page without any link', scan: scan({ url: 'https://example.org/contact/' }) },
    { name: 'later visits are not judged', page: page(scan({ policyLinks: [policyLink()] }), visit('after-accept')) },
  ],
  invalid: [
    {
      name: 'the home page links no policy',
      scan: scan(),
      errors: [{ messageId: 'missing', subject: { kind: 'banner', name: 'policy link' }, severity: 'error' }],
    },
    {
      name: 'the only link is broken or did not answer',
      scan: scan({ policyLinks: [policyLink('https://example.org/cookies/', 404), policyLink('https://example.org/privacy/', null)] }),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'the home page with a query string is still the home page',
      scan: scan({ url: 'https://example.org/?utm_source=mail' }),
      errors: [{ messageId: 'missing' }],
    },
  ],
});
