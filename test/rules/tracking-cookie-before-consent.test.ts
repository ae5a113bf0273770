import { describe, expect, it } from 'vitest';
import { trackingCookies } from '../../src/rules/hits.js';
import { trackingCookieBeforeConsent } from '../../src/rules/tracking-cookie-before-consent.js';
import { ruleTester } from '../support/rule-tester.js';
import { cookie, page, scan, visit } from '../support/scans.js';

const ga = cookie('_ga', 'analytics', { vendor: 'Google Analytics', days: 730 });

ruleTester(trackingCookieBeforeConsent).run({
  valid: [
    { name: 'strictly necessary and preference cookies', scan: scan({ cookies: [cookie('session', 'necessary'), cookie('lang', 'preferences')] }) },
    { name: 'a cookie nobody classified', scan: scan({ cookies: [cookie('x1', 'unknown')] }) },
    { name: 'tracking cookies after accepting are what accepting is for', page: page(scan(), visit('after-accept', { cookies: [ga] })) },
    { name: 'a visit that failed is left to scan-error', scan: scan({ error: 'net::ERR_TIMED_OUT', cookies: [ga] }) },
    { name: 'turned off by the policy', severity: 'off', scan: scan({ cookies: [ga] }) },
  ],
  invalid: [
    {
      name: 'an analytics cookie set before any choice',
      scan: scan({ cookies: [ga] }),
      errors: [{ messageId: 'cookieSet', subject: { kind: 'cookie', name: '_ga', host: 'example.org' }, data: { vendor: 'Google Analytics (analytics)', name: '_ga', domain: 'example.org' } }],
    },
    {
      name: 'a cookie the browser refused is still evidence that the site sent it',
      scan: scan({ cookies: [cookie('IDE', 'marketing', { vendor: 'Google Ads', domain: 'doubleclick.net', via: 'set-cookie', stored: false })] }),
      errors: [{ messageId: 'cookieSent', subject: { name: 'IDE', host: 'doubleclick.net' } }],
    },
    {
      name: 'social and unknown-vendor marketing cookies, in name order, at the policy severity',
      severity: 'warn',
      scan: scan({ cookies: [cookie('zz', 'marketing'), cookie('datr', 'social', { vendor: 'Facebook', domain: 'facebook.com' })] }),
      errors: [
        { messageId: 'cookieSet', subject: { name: 'datr' }, data: { vendor: 'Facebook (social)' }, severity: 'warn' },
        { messageId: 'cookieSet', subject: { name: 'zz' }, data: { vendor: 'unknown marketing vendor' }, severity: 'warn' },
      ],
    },
  ],
  // The before-consent rules share the tracking messages; this one judges only its own kind.
  notEmitted: ['storage', 'request', 'embed', 'plugin'],
});

describe('a cookie classified by who wrote it', () => {
  const INSIGHT = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';
  const base = cookie('li_fat_id', 'marketing', { vendor: 'LinkedIn Insight Tag', party: 'first' });
  // The site's own script touched it first; LinkedIn's tag is the writer that decided.
  const liFatId = {
    ...base,
    sources: [{ via: 'document.cookie' as const, url: 'https://example.org/app.js', declaredLifetime: null }, { via: 'document.cookie' as const, url: `${INSIGHT}?v=2`, declaredLifetime: 2_592_000 }],
    class: { ...base.class, writer: { url: `${INSIGHT}?v=2`, nameCategory: 'preferences' as const } },
  };

  it('names that writer first, with its vendor and what the name alone said, and leads the chain to it', () => {
    const [hit] = trackingCookies(scan({ cookies: [liFatId] }));
    expect(hit!.evidence).toEqual([
      `document.cookie written by ${INSIGHT} (LinkedIn Insight Tag, marketing; by its name alone: preferences)`,
      'document.cookie written by https://example.org/app.js',
    ]);
    expect(hit!.chain.at(-1)?.url).toBe(`${INSIGHT}?v=2`);
  });

  it('says nothing more about a cookie its name classified', () => {
    expect(trackingCookies(scan({ cookies: [ga] }))[0]!.evidence).toEqual(['document.cookie written by https://example.org/app.js']);
  });
});
