import { cookiePolicyLinkMissing } from '../../src/rules/cookie-policy-link-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { cookie, page, policyLink, request, scan, storage, visit } from '../support/scans.js';

/** A home page that stores a session cookie: a site with something to declare. */
const storing = { cookies: [cookie('session', 'necessary', { party: 'first' })] };
const SUBJECT = { kind: 'page', name: 'cookie policy link' } as const;

ruleTester(cookiePolicyLinkMissing).run({
  valid: [
    { name: 'the home page links a policy that answers', scan: scan({ ...storing, policyLinks: [policyLink()] }) },
    { name: 'one broken link, one that works', scan: scan({ ...storing, policyLinks: [policyLink('https://example.org/old-cookies/', 404), policyLink('https://example.org/privacy/', 200, 'Privacy')] }) },
    // CORS hides another site's status from the page: it answered, which is all a visitor needs.
    { name: 'a policy on another site that answered opaquely', scan: scan({ ...storing, policyLinks: [policyLink('https://legal.example.com/privacy/', 'reachable')] }) },
    // "Could not check" is not "missing": a preview behind a proxy or a resolver rule must not fail for it.
    { name: 'a link that could not be checked', scan: scan({ ...storing, policyLinks: [policyLink('https://example.org/cookies/', 'unchecked')] }) },
    { name: 'a broken link beside one that could not be checked', scan: scan({ ...storing, policyLinks: [policyLink('https://example.org/old/', 404), policyLink('https://example.org/cookies/', 'unchecked')] }) },
    // A site that stores nothing and contacts no one has nothing for a cookie policy to declare.
    { name: 'a home page with no link that stores nothing and contacts no third party', scan: scan({ requests: [request('https://example.org/app.js', 'necessary', { party: 'first' })] }) },
    // The law asks for the link on the home page; other pages may leave it out.
    { name: 'another page without any link', scan: scan({ ...storing, url: 'https://example.org/contact/' }) },
    { name: 'later visits are not judged', page: page(scan({ policyLinks: [policyLink()] }), visit('after-accept', storing)) },
  ],
  invalid: [
    {
      name: 'a home page that stores a cookie and links no policy: a warning by default, about the page',
      scan: scan(storing),
      errors: [{ messageId: 'missing', subject: SUBJECT, data: { why: 'stores cookie "session" (example.org)' }, severity: 'warn' }],
    },
    {
      name: 'at error, as the be preset sets it',
      scan: scan(storing),
      severity: 'error',
      errors: [{ messageId: 'missing', severity: 'error' }],
    },
    {
      name: 'storage written by the site',
      scan: scan({ storage: [storage('theme', 'preferences')] }),
      errors: [{ messageId: 'missing', data: { why: 'stores localStorage key "theme"' } }],
    },
    {
      name: 'a third party contacted, nothing stored',
      scan: scan({ requests: [request('https://www.google-analytics.com/g/collect', 'analytics', { vendor: 'Google Analytics' })] }),
      errors: [{ messageId: 'missing', data: { why: 'contacts www.google-analytics.com' } }],
    },
    {
      // Accepting stores what the first look did not: the page as a whole has something to declare.
      name: 'nothing stored before a choice, a cookie after accepting',
      page: page(scan(), visit('after-accept', storing)),
      errors: [{ messageId: 'missing', phase: 'initial' }],
    },
    {
      name: 'every link answers an error',
      scan: scan({ ...storing, policyLinks: [policyLink('https://example.org/cookies/', 404), policyLink('https://example.org/privacy/', 500)] }),
      errors: [{ messageId: 'broken', subject: SUBJECT }],
    },
    {
      name: 'the home page with a query string is still the home page',
      scan: scan({ ...storing, url: 'https://example.org/?utm_source=mail' }),
      errors: [{ messageId: 'missing' }],
    },
  ],
});
