import { describe, expect, it } from 'vitest';
import { classifyName } from '../src/classify/names.js';
import { classifyUrl } from '../src/classify/hosts.js';
import { partyOf, siteOf } from '../src/classify/party.js';
import { classifyByWriter, type Writer } from '../src/classify/writer.js';
import type { Category, Classification } from '../src/types.js';

describe('first or third party', () => {
  it('compares registrable domains, with private suffixes on', () => {
    expect(siteOf('www.gemeente.nl')).toBe('gemeente.nl');
    expect(siteOf('static.gemeente.co.uk')).toBe('gemeente.co.uk');
    // Two previews on a shared hosting suffix are two sites.
    expect(siteOf('pr-12.my-site.vercel.app')).toBe('my-site.vercel.app');
    expect(partyOf('cdn.gemeente.nl', ['gemeente.nl'])).toBe('first');
    expect(partyOf('www.google-analytics.com', ['gemeente.nl'])).toBe('third');
  });

  it('falls back to the host for localhost and IP addresses', () => {
    expect(siteOf('localhost')).toBe('localhost');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(siteOf('[::1]')).toBe('::1');
  });
});

describe('cookie and storage names', () => {
  it('finds exact names, then the longest wildcard prefix', () => {
    expect(classifyName('_ga', 'gemeente.nl', 'first')).toMatchObject({ category: 'analytics', vendor: 'Google Analytics' });
    expect(classifyName('_ga_ABC123', 'gemeente.nl', 'first')).toMatchObject({ category: 'analytics', source: 'open-cookie-database' });
    expect(classifyName('_fbp', 'gemeente.nl', 'first')).toMatchObject({ category: 'marketing' });
  });

  it('lets reviewed overrides win over the upstream data', () => {
    expect(classifyName('_hjSessionUser_99', 'gemeente.nl', 'first')).toMatchObject({ category: 'analytics', vendor: 'Hotjar', source: 'override' });
    expect(classifyName('sessionid', 'gemeente.nl', 'first')).toMatchObject({ category: 'necessary', source: 'override' });
  });

  it('keeps an upstream vendor-specific name for that vendor\'s own domain', () => {
    // "sessionid" is Instagram's marketing cookie upstream: on instagram.com it still is.
    expect(classifyName('sessionid', 'instagram.com', 'third')).toMatchObject({ category: 'marketing', vendor: 'Instagram' });
  });

  it('knows nothing of a made-up name', () => {
    expect(classifyName('zz_made_up_cookie', 'gemeente.nl', 'first')).toBeNull();
  });
});

describe('vendor hosts', () => {
  it('maps third-party-web entities to consent purposes', () => {
    expect(classifyUrl('https://www.google-analytics.com/g/collect')).toMatchObject({ vendor: 'Google Analytics', category: 'analytics', source: 'third-party-web' });
    expect(classifyUrl('https://bat.bing.com/bat.js')).toMatchObject({ category: 'marketing' });
    expect(classifyUrl('https://cdn.jsdelivr.net/npm/x.js')).toMatchObject({ category: 'necessary' });
  });

  it('applies path-specific overrides: the pixel is marketing, the like button is social', () => {
    expect(classifyUrl('https://www.facebook.com/tr?id=1')).toMatchObject({ vendor: 'Meta Pixel', category: 'marketing', plugin: false });
    expect(classifyUrl('https://www.facebook.com/plugins/like.php?href=x')).toMatchObject({ category: 'social', plugin: true });
    expect(classifyUrl('https://www.youtube.com/embed/x')).toMatchObject({ category: 'marketing', plugin: true });
    expect(classifyUrl('https://www.youtube-nocookie.com/embed/x')).toMatchObject({ category: 'preferences', plugin: false });
    expect(classifyUrl('https://www.googletagmanager.com/gtag/js?id=G-1')).toMatchObject({ category: 'analytics' });
    expect(classifyUrl('https://www.googletagmanager.com/gtm.js?id=GTM-1')).toMatchObject({ category: 'unknown', vendor: 'Google Tag Manager' });
  });

  it('returns null for a host no data knows', () => {
    expect(classifyUrl('https://cdn.chatwidget.example/w.js')).toBeNull();
  });
});

describe('one spelling per vendor', () => {
  it('names a vendor alike for its requests and its cookies, whichever source spelled it how', () => {
    // The Open Cookie Database says "Youtube"; third-party-web and our overrides say "YouTube".
    expect(classifyName('VISITOR_INFO1_LIVE', 'youtube.com', 'third')?.vendor).toBe('YouTube');
    expect(classifyUrl('https://www.youtube.com/embed/abc')?.vendor).toBe('YouTube');
    // The database alone spells HubSpot two ways: one of them, for every HubSpot cookie.
    expect(new Set(['__hstc', 'hubspotutk', '__hs_cookie_cat_pref'].map((name) => classifyName(name, 'example.org', 'first')?.vendor)).size).toBe(1);
  });
});

describe('classification by who wrote it', () => {
  const byName = (category: Category, source: Classification['source'] = 'open-cookie-database'): Classification => ({ category, vendor: 'LinkedIn', party: 'first', plugin: false, source });
  const insight: Writer = { url: 'https://snap.licdn.com/li.lms-analytics/insight.min.js', class: { category: 'marketing', vendor: 'LinkedIn Insight Tag', party: 'third', plugin: false, source: 'override' } };
  const site: Writer = { url: 'https://gemeente.nl/lang.js', class: { category: 'unknown', vendor: null, party: 'first', plugin: false, source: 'site' } };
  const cdn: Writer = { url: 'https://cdn.jsdelivr.net/npm/x.js', class: { category: 'necessary', vendor: 'JSDelivr CDN', party: 'third', plugin: false, source: 'third-party-web' } };
  const analytics: Writer = { url: 'https://www.googletagmanager.com/gtag/js', class: { category: 'analytics', vendor: 'Google Analytics', party: 'third', plugin: false, source: 'override' } };

  it.each(['unknown', 'necessary', 'preferences'] as const)('a %s name written by a marketing script takes the vendor, its category and says why', (category) => {
    expect(classifyByWriter(byName(category), [insight])).toEqual({
      category: 'marketing',
      vendor: 'LinkedIn Insight Tag',
      party: 'first',
      plugin: false,
      source: 'override',
      writer: { url: insight.url, nameCategory: category },
    });
  });

  it('keeps a tracking name: among tracking purposes the name says more than its writer', () => {
    expect(classifyByWriter(byName('analytics'), [insight])).toEqual(byName('analytics'));
    expect(classifyByWriter(byName('marketing'), [analytics])).toEqual(byName('marketing'));
  });

  it("keeps a preference the site's own script wrote", () => {
    expect(classifyByWriter(byName('preferences'), [site])).toEqual(byName('preferences'));
    expect(classifyByWriter(byName('preferences'), [])).toEqual(byName('preferences'));
  });

  it('ignores a writer whose host is infrastructure: a CDN says where a script lives, not what it does', () => {
    expect(classifyByWriter(byName('unknown'), [cdn])).toEqual(byName('unknown'));
  });

  it('takes the first writer that tracks, whatever others wrote it too', () => {
    expect(classifyByWriter(byName('preferences'), [site, cdn, analytics, insight]).writer).toEqual({ url: analytics.url, nameCategory: 'preferences' });
  });

  it('lets a reviewed override that names a purpose win, but not one that only says unknown', () => {
    expect(classifyByWriter(byName('preferences', 'override'), [insight])).toEqual(byName('preferences', 'override'));
    expect(classifyByWriter(byName('unknown', 'override'), [insight])).toMatchObject({ category: 'marketing', writer: { nameCategory: 'unknown' } });
  });
});
