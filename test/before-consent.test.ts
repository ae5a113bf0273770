// One real scan over every fixture page, then assertions on what each page produced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import type { Finding, GateResult } from '../src/types.js';
import { serve, type Served } from './support/fixtures.js';

const PAGES = ['clean', 'essential', 'ga4', 'pixel', 'embed', 'nocookie', 'storage', 'failed', 'lifetime', 'delayed', 'unknown', 'insight'];

let served: Served;
let result: GateResult;

beforeAll(async () => {
  served = await serve();
  // The first visit only: the consent flows have their own tests.
  result = await runGate({ discover: { pages: PAGES.map((p) => `${served.url}${p}/`) }, browserArgs: served.browserArgs, phases: ['initial'] });
});
afterAll(async () => served?.close());

const on = (page: string): Finding[] => result.findings.filter((f) => f.page === `${served.url}${page}/`);
const summary = (findings: Finding[]): string[] =>
  findings.map((f) => `${f.severity} ${f.rule} ${f.subject.kind} ${f.subject.name ?? f.subject.host}`).sort();
const scanOf = (page: string) => result.pages.find((p) => p.url === `${served.url}${page}/`)!.phases[0]!;

describe('a page scanned before consent', () => {
  it('finds nothing on a clean page', () => {
    expect(on('clean')).toEqual([]);
  });

  it('does not flag strictly necessary cookies (session id, CSRF token, language)', () => {
    expect(on('essential')).toEqual([]);
    const names = scanOf('essential').cookies.map((c) => `${c.name}:${c.class.category}`).sort();
    expect(names).toEqual(['PHPSESSID:necessary', 'csrftoken:necessary', 'lang:preferences', 'sessionid:necessary']);
  });

  it('catches GA4: the _ga cookies, who wrote them, the loader and the beacon', () => {
    expect(summary(on('ga4'))).toEqual([
      'error consent-banner-missing banner missing',
      // The client id goes to Google in every hit: the id the GA decisions (Austrian DSB, CNIL) turned on.
      'error identifier-sent-to-third-party request _ga',
      'error tracker-request-before-consent request www.google-analytics.com',
      'error tracker-request-before-consent request www.googletagmanager.com',
      'error tracking-cookie-before-consent cookie _ga',
      'error tracking-cookie-before-consent cookie _ga_TEST4242',
      'warn cookie-lifetime-too-long cookie _ga',
      'warn cookie-lifetime-too-long cookie _ga_TEST4242',
    ]);
    const ga = on('ga4').find((f) => f.rule === 'tracking-cookie-before-consent' && f.subject.name === '_ga')!;
    expect(ga).toMatchObject({ category: 'analytics', vendor: 'Google Analytics', party: 'first', phase: 'initial' });
    expect(ga.evidence).toEqual(['document.cookie written by https://www.googletagmanager.com/gtag/js']);
  });

  it('reads the lifetime the site asked for, not the 400 days Chromium stores', () => {
    const ga = scanOf('ga4').cookies.find((c) => c.name === '_ga')!;
    expect(ga.sources[0]!.declaredLifetime).toBe(63072000);
    const storedDays = (ga.expires! - Date.now() / 1000) / 86400;
    expect(storedDays).toBeLessThan(401);
    expect(on('ga4').find((f) => f.rule === 'cookie-lifetime-too-long' && f.subject.name === '_ga')!.message).toContain('730 days');
  });

  it('classifies the Meta pixel as marketing, with its first- and third-party cookies', () => {
    expect(summary(on('pixel'))).toEqual([
      'error consent-banner-missing banner missing',
      'error identifier-sent-to-third-party request _fbp',
      'error tracker-request-before-consent request connect.facebook.net',
      'error tracker-request-before-consent request www.facebook.com',
      'error tracking-cookie-before-consent cookie _fbp',
      'error tracking-cookie-before-consent cookie fr',
    ]);
    expect(on('pixel').filter((f) => f.subject.kind !== 'banner').every((f) => f.category === 'marketing' && f.vendor !== null)).toBe(true);
    const fr = on('pixel').find((f) => f.subject.name === 'fr')!;
    expect(fr).toMatchObject({ party: 'third', subject: { host: 'facebook.com' } });
    expect(fr.evidence[0]).toBe('Set-Cookie header from https://www.facebook.com/tr');
  });

  it('reports a youtube.com embed as a social plugin, with the cookies and storage it brings', () => {
    expect(summary(on('embed'))).toEqual([
      'error consent-banner-missing banner missing',
      'error social-plugin-before-consent frame www.youtube.com',
      'error tracking-cookie-before-consent cookie VISITOR_INFO1_LIVE',
      'error tracking-cookie-before-consent cookie YSC',
      'error tracking-storage-before-consent storage yt-remote-device-id',
    ]);
  });

  it("reports YouTube's YSC by the embed that set it, though its name alone says preferences", () => {
    const ysc = on('embed').find((f) => f.subject.name === 'YSC')!;
    expect(ysc).toMatchObject({ category: 'marketing', vendor: 'YouTube', party: 'third' });
    expect(ysc.evidence[0]).toBe('Set-Cookie header from https://www.youtube.com/embed/abc123XYZ (YouTube, marketing; by its name alone: preferences)');
  });

  it("reports LinkedIn Insight's first-party cookies by the tag that wrote them, not the site's own language cookies", () => {
    const insight = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';
    expect(summary(on('insight'))).toEqual([
      'error consent-banner-missing banner missing',
      'error tracker-request-before-consent request px.ads.linkedin.com',
      'error tracker-request-before-consent request snap.licdn.com',
      'error tracker-request-before-consent request www.linkedin.com',
      'error tracking-cookie-before-consent cookie li_fat_id',
      'error tracking-cookie-before-consent cookie li_giant',
      'error tracking-cookie-before-consent cookie li_sugr',
      'error tracking-cookie-before-consent cookie lidc',
    ]);
    const liFatId = on('insight').find((f) => f.subject.name === 'li_fat_id')!;
    expect(liFatId).toMatchObject({ category: 'marketing', vendor: 'LinkedIn Insight Tag', party: 'first' });
    expect(liFatId.evidence).toEqual([`document.cookie written by ${insight} (LinkedIn Insight Tag, marketing; by its name alone: preferences)`]);
    expect(liFatId.chain.map((link) => link.url)).toEqual([`${served.url}insight/`, insight]);
    // li_sugr is marketing by name: its evidence has nothing to explain.
    expect(on('insight').find((f) => f.subject.name === 'li_sugr')!.evidence).toEqual([`document.cookie written by ${insight}`]);
    const own = scanOf('insight').cookies.filter((c) => c.name === 'lang' || c.name === 'pll_language');
    expect(own.map((c) => `${c.name}:${c.class.category}:${c.sources.map((s) => s.url).join()}`).sort()).toEqual([
      `lang:preferences:${served.url}insight/lang.js`,
      `pll_language:preferences:${served.url}insight/lang.js`,
    ]);
  });

  it('stores third-party cookies, as a permissive visitor browser does', () => {
    const ysc = scanOf('embed').cookies.find((c) => c.name === 'YSC')!;
    expect(ysc).toMatchObject({ stored: true, domain: 'youtube.com', class: { party: 'third' } });
  });

  it('does not report a youtube-nocookie embed as a cookie tracker, but still judges its storage', () => {
    expect(summary(on('nocookie'))).toEqual(['error consent-banner-missing banner missing', 'error tracking-storage-before-consent storage yt-remote-device-id']);
    expect(scanOf('nocookie').cookies).toEqual([]);
  });

  it('catches tracking storage with the script that wrote it', () => {
    const storage = on('storage').filter((f) => f.rule === 'tracking-storage-before-consent');
    expect(storage.map((f) => `${f.subject.storage} ${f.subject.name}`).sort()).toEqual([
      'localStorage _hjSessionUser_1234567',
      'sessionStorage _hjSession_1234567',
    ]);
    expect(storage[0]!.evidence).toEqual(['written by https://static.hotjar.com/c/hotjar-1234567.js']);
    expect(storage[0]!.vendor).toBe('Hotjar');
  });

  it('still reports a tracker request that failed to connect', () => {
    expect(summary(on('failed'))).toEqual(['error consent-banner-missing banner missing', 'error tracker-request-before-consent request bat.bing.com']);
    const finding = on('failed').find((f) => f.rule === 'tracker-request-before-consent');
    expect(finding).toMatchObject({ rule: 'tracker-request-before-consent', severity: 'error', subject: { host: 'bat.bing.com' }, category: 'marketing' });
    expect(finding!.evidence[0]).toMatch(/failed: net::ERR_NAME_NOT_RESOLVED; attempted all the same/);
  });

  it('warns about a first-party cookie that asks to live two years', () => {
    expect(summary(on('lifetime'))).toEqual(['warn cookie-lifetime-too-long cookie site_prefs']);
  });

  it('catches a tracker injected three seconds after load, with the default settings', () => {
    expect(summary(on('delayed'))).toContain('error tracking-cookie-before-consent cookie _fbp');
  });

  it('warns about a third party that no data classifies', () => {
    expect(summary(on('unknown'))).toEqual(['warn unknown-third-party-before-consent request cdn.chatwidget.example']);
  });

  it('fails the gate with exit code 1', () => {
    expect(result.verdict).toMatchObject({ status: 'failed', exitCode: 1, scanErrors: 0 });
  });

  it('gives every finding a fingerprint and keeps query strings out of evidence', () => {
    for (const finding of result.findings) {
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      for (const line of finding.evidence) expect(line).not.toMatch(/\?/);
    }
  });
});
