// Where each finding's fix goes (Finding.cause) and when the visit first saw its subject
// (Finding.firstSeenMs), as the rules engine sets them from a visit's plain data: browser-free.
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/rules/run.js';
import type { Classified, Finding, GatheredRequest, RequestInitiator } from '../src/types.js';
import { SITE, cookie, page, request, scan, storage } from './support/scans.js';

/** A request started at `startedMs` by `initiator` (what a real visit records). */
function sent(url: string, initiator: RequestInitiator | null, startedMs: number, vendor: string | null = null): Classified<GatheredRequest> {
  const own = new URL(url).hostname === 'example.org';
  return { ...request(url, own ? 'necessary' : 'marketing', { vendor, party: own ? 'first' : 'third' }), initiator, startedMs };
}
const byHtml = (line: number): RequestInitiator => ({ type: 'html', url: SITE, line });
const byScript = (url: string, line: number): RequestInitiator => ({ type: 'script', url, line });

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST1';
const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD';
const PIXEL = 'https://connect.facebook.net/en_US/fbevents.js';
const TR = 'https://www.facebook.com/tr?id=1';
const APP = 'https://example.org/app.js';

const findingsOf = (...args: Parameters<typeof scan>): Finding[] => runRules(page(scan(...args)));
const about = (findings: Finding[], rule: string, name: string): Finding => {
  const found = findings.find((f) => f.rule === rule && (f.subject.name === name || f.subject.host === name));
  if (!found) throw new Error(`no ${rule} finding about ${name}: ${findings.map((f) => `${f.rule} ${f.subject.name ?? f.subject.host}`).join(', ')}`);
  return found;
};

describe('the cause of a finding', () => {
  it('a tag in the page: the tag that loaded it, with its line and vendor, for the script, its beacon and its cookie', () => {
    const findings = findingsOf({
      requests: [sent(GTAG, byHtml(8), 40, 'Google Analytics'), sent('https://www.google-analytics.com/g/collect?v=2', byScript(GTAG, 71), 310, 'Google Analytics')],
      cookies: [cookie('_ga', 'analytics', { vendor: 'Google Analytics', setBy: GTAG })],
    });
    const tag = { kind: 'tag', url: GTAG, line: 8, id: null, vendor: 'Google Analytics' };
    expect(about(findings, 'tracker-request-before-consent', 'www.googletagmanager.com').cause).toEqual(tag);
    expect(about(findings, 'tracker-request-before-consent', 'www.google-analytics.com').cause).toEqual(tag);
    expect(about(findings, 'tracking-cookie-before-consent', '_ga').cause).toEqual(tag);
  });

  it('a tag-manager container: the container by its id, whatever it loaded and however deep', () => {
    const findings = findingsOf({
      requests: [sent(GTM, byScript(SITE, 5), 30, 'Google Tag Manager'), sent(PIXEL, byScript(GTM, 9), 200, 'Meta Pixel'), sent(TR, byScript(PIXEL, 5), 400, 'Meta Pixel')],
    });
    const container = { kind: 'container', url: GTM, line: null, id: 'GTM-AB12CD', vendor: 'Google Tag Manager' };
    expect(about(findings, 'tracker-request-before-consent', 'connect.facebook.net').cause).toEqual(container);
    expect(about(findings, 'tracker-request-before-consent', 'www.facebook.com').cause).toEqual(container);
  });

  it("the site's own script: the line in it that loaded the tracker, not the tag that loaded the script", () => {
    const findings = findingsOf({ requests: [sent(APP, byHtml(3), 20), sent(PIXEL, byScript(APP, 40), 90, 'Meta Pixel')] });
    expect(about(findings, 'tracker-request-before-consent', 'connect.facebook.net').cause).toEqual({ kind: 'script', url: APP, line: 40, id: null, vendor: null });
  });

  it("the site's own server: a tracking cookie set by the page's own Set-Cookie", () => {
    const findings = findingsOf({ cookies: [cookie('_fbp', 'marketing', { vendor: 'Facebook', via: 'set-cookie', setBy: SITE })] });
    expect(about(findings, 'tracking-cookie-before-consent', '_fbp').cause).toEqual({ kind: 'server', url: SITE, line: null, id: null, vendor: null });
  });

  it('a lost trail points at nothing, rather than at a guess; a finding about the banner has no cause', () => {
    const findings = findingsOf({ requests: [sent(TR, null, 100, 'Meta Pixel')] });
    expect(about(findings, 'tracker-request-before-consent', 'www.facebook.com').cause).toBeNull();
    expect(findings.find((f) => f.rule === 'consent-banner-missing')?.cause).toBeNull();
  });
});

describe('when a finding was first seen', () => {
  it('the first request to its host, the first write of its cookie or key; nothing for the banner', () => {
    const findings = findingsOf({
      requests: [sent(PIXEL, byHtml(4), 120, 'Meta Pixel'), sent(TR, byScript(PIXEL, 5), 480, 'Meta Pixel'), sent('https://www.facebook.com/tr?id=2', byScript(PIXEL, 5), 260, 'Meta Pixel')],
      cookies: [
        {
          ...cookie('_fbp', 'marketing', { vendor: 'Facebook', setBy: PIXEL }),
          sources: [
            { via: 'document.cookie', url: PIXEL, declaredLifetime: 7_776_000, writtenMs: 350 },
            { via: 'set-cookie', url: TR, declaredLifetime: 7_776_000, writtenMs: 150 },
          ],
        },
      ],
      storage: [{ ...storage('_hjSession', 'analytics', { vendor: 'Hotjar' }), writtenMs: 640 }],
    });
    expect(about(findings, 'tracker-request-before-consent', 'connect.facebook.net').firstSeenMs).toBe(120);
    expect(about(findings, 'tracker-request-before-consent', 'www.facebook.com').firstSeenMs).toBe(260);
    expect(about(findings, 'tracking-cookie-before-consent', '_fbp').firstSeenMs).toBe(150);
    expect(about(findings, 'tracking-storage-before-consent', '_hjSession').firstSeenMs).toBe(640);
    expect(findings.find((f) => f.rule === 'consent-banner-missing')?.firstSeenMs).toBeNull();
  });

  it('null where the visit did not see it happen: a report written before times were kept', () => {
    const findings = findingsOf({ requests: [request(PIXEL, 'marketing', { vendor: 'Meta Pixel' })] });
    expect(about(findings, 'tracker-request-before-consent', 'connect.facebook.net').firstSeenMs).toBeNull();
  });
});
