// A finding names every visit in which the same thing tracked (issue #15): a tracker present from the
// first load and still there after reject is visible as such in its one finding.
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/rules/run.js';
import { banner, cookie, page, request, scan, visit } from './support/scans.js';

const fbp = cookie('_fbp', 'marketing', { vendor: 'Facebook' });
const ga = cookie('_ga', 'analytics', { vendor: 'Google Analytics' });
const pixel = request('https://www.facebook.com/tr?id=1', 'marketing', { vendor: 'Facebook', resourceType: 'image' });

describe('the visits a finding was seen in', () => {
  const findings = runRules(page(scan({ banner: banner(), cookies: [fbp, ga], requests: [pixel] }), visit('after-reject', { cookies: [fbp], requests: [pixel] }), visit('after-accept', { cookies: [fbp, ga] })));
  const seen = (rule: string, name: string): string[] | undefined => findings.find((f) => f.rule === rule && (f.subject.name ?? f.subject.host) === name)?.seenIn;

  it('a tracker present before consent and still after reject: both visits, and after accept too', () => {
    expect(seen('tracking-cookie-before-consent', '_fbp')).toEqual(['initial', 'after-reject', 'after-accept']);
    expect(seen('tracker-request-before-consent', 'www.facebook.com')).toEqual(['initial', 'after-reject']);
    expect(seen('tracking-after-reject', '_fbp')).toEqual(['initial', 'after-reject', 'after-accept']);
  });

  it('one that reject stopped: not after reject', () => {
    expect(seen('tracking-cookie-before-consent', '_ga')).toEqual(['initial', 'after-accept']);
  });

  it('a finding about the banner or the page names its own visit only', () => {
    const bannerless = runRules(page(scan({ cookies: [ga] }), visit('after-scroll', { cookies: [ga] })));
    expect(bannerless.find((f) => f.rule === 'consent-banner-missing')?.seenIn).toEqual(['initial']);
  });
});
