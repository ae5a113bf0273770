// groupByCause and groupAcrossPages: the pure helpers behind the reports' one card (or row) per cause,
// fed with findings the real engine judges from made-up visits (judgeSaved, as `consent-gate judge`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeSaved } from '../src/entry/judge.js';
import { defaultPolicy } from '../src/policy/load.js';
import { groupAcrossPages, groupByCause } from '../src/report/text/group.js';
import type { Classified, ClassifiedScan, Finding, GateResult, GatheredRequest, RequestInitiator } from '../src/types.js';
import { banner, control, page, request, scan } from './support/scans.js';

const SITE = 'https://example.org';
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST1';
const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD';
const PIXEL = 'https://connect.facebook.net/en_US/fbevents.js';

function sent(url: string, initiator: RequestInitiator | null, vendor: string): Classified<GatheredRequest> {
  return { ...request(url, 'marketing', { vendor }), initiator };
}
const visitOf = (path: string, facts: Partial<ClassifiedScan>): ClassifiedScan => scan({ url: `${SITE}${path}`, ...facts });
const tagAt = (path: string, line: number): RequestInitiator => ({ type: 'html', url: `${SITE}${path}`, line });

/** A run over made-up visits of several pages, judged as a saved report is. */
function judged(...visits: ClassifiedScan[]): GateResult {
  const pages = visits.map((v) => page(v));
  const run = {
    tool: { name: 'consent-gate', version: '0.0.0' },
    data: { thirdPartyWeb: 'test', openCookieDatabase: 'test' },
    browser: { executable: 'chromium', version: '1' },
    startedAt: new Date(0).toISOString(),
    durationMs: 0,
    coverage: { found: pages.length, scanned: pages.length, leftOut: [] },
    target: { urls: pages.map((p) => p.url), name: 'example.org', ephemeral: false, files: {} },
    pages,
  };
  return judgeSaved(run, defaultPolicy(mkdtempSync(join(tmpdir(), 'cg-group-'))));
}

describe('groupByCause', () => {
  const result = judged(
    // The same layout tag on two pages (at another line on one), a container on a third.
    visitOf('/', { requests: [sent(GTAG, tagAt('/', 4), 'Google Analytics')] }),
    visitOf('/news/', { requests: [sent(GTAG, tagAt('/news/', 6), 'Google Analytics')] }),
    visitOf('/contact/', { requests: [sent(GTM, tagAt('/contact/', 9), 'Google Tag Manager'), sent(PIXEL, { type: 'script', url: GTM, line: 3 }, 'Meta Pixel')] }),
    // A pixel whose trail the browser lost, and a page that could not be scanned.
    visitOf('/shop/', { requests: [sent('https://www.facebook.com/tr', null, 'Meta Pixel')] }),
    visitOf('/down/', { error: 'the page answered HTTP 500' }),
  );
  const groups = groupByCause(result);
  const kinds = groups.map((g) => [g.kind, g.label, g.pages.map((url) => new URL(url).pathname)]);

  it('one group per cause the site controls, per vendor where nothing is, per banner, per page not scanned', () => {
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['tag', null, ['/', '/news/']],
        ['container', null, ['/contact/']],
        ['vendor', 'Meta Pixel', ['/shop/']],
        ['banner', null, ['/', '/news/', '/contact/', '/shop/']],
        ['page', `${SITE}/down/`, ['/down/']],
      ]),
    );
    expect(groups).toHaveLength(5);
    // Every finding is in exactly one group.
    expect(groups.flatMap((g) => g.findings).sort((a, b) => a.fingerprint.localeCompare(b.fingerprint) || a.page.localeCompare(b.page))).toEqual(
      [...result.findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint) || a.page.localeCompare(b.page)),
    );
  });

  it('a tag on several pages is one cause, each of its findings one entry listing the pages', () => {
    const tag = groups.find((g) => g.kind === 'tag')!;
    expect(tag.cause).toMatchObject({ kind: 'tag', url: GTAG, line: 4, vendor: 'Google Analytics' });
    expect(tag.findings.map((f) => f.cause?.line)).toEqual([4, 6]);
    expect(tag.entries).toHaveLength(1);
    expect(tag.entries[0]!.pages).toEqual([`${SITE}/`, `${SITE}/news/`]);
  });

  it('the container holds what it loaded; the pixel with a lost trail stands under its vendor', () => {
    const container = groups.find((g) => g.kind === 'container')!;
    expect(container.cause).toMatchObject({ id: 'GTM-AB12CD' });
    expect(container.findings.map((f) => f.subject.host).sort()).toEqual(['connect.facebook.net', 'www.googletagmanager.com']);
    expect(groups.find((g) => g.kind === 'vendor')!.findings.map((f) => f.subject.host)).toEqual(['www.facebook.com']);
  });

  it('keeps two banners apart, by their text', () => {
    const twoBanners = judged(
      visitOf('/', { banner: banner({ text: 'We use cookies.', reject: control('Reject all', 'button', 2) }) }),
      visitOf('/en/', { banner: banner({ text: 'Cookies, please.', reject: null }) }),
    );
    const banners = groupByCause(twoBanners).filter((g) => g.kind === 'banner');
    expect(banners.map((g) => g.label).sort()).toEqual(['Cookies, please.', 'We use cookies.']);
  });

  it('worst first: a cause with new errors before one with warnings only', () => {
    const worst = groups.map((g) => Math.min(...g.findings.map((f) => (f.severity === 'error' ? 0 : 1))));
    expect(worst).toEqual([...worst].sort());
  });
});

describe('groupAcrossPages', () => {
  const finding = (page: string, over: Partial<Finding> = {}): Finding => ({
    rule: 'tracking-cookie-before-consent',
    severity: 'error',
    page: `https://site.example${page}`,
    phase: 'initial',
    seenIn: ['initial'],
    subject: { kind: 'cookie', name: '_ga', host: 'site.example' },
    category: 'analytics',
    vendor: 'Google Analytics',
    party: 'first',
    message: 'cookie "_ga" was set before consent',
    messageId: 'cookieSet',
    data: {},
    evidence: [],
    chain: [],
    cause: null,
    firstSeenMs: null,
    fingerprint: 'aaaaaaaaaaaaaaaa',
    status: 'new',
    because: null,
    notes: [],
    ...over,
  });

  it('folds one subject seen on many pages into one entry listing them, in the order seen', () => {
    const groups = groupAcrossPages([finding('/b'), finding('/a'), finding('/b'), finding('/c', { fingerprint: 'bbbbbbbbbbbbbbbb' })]);
    expect(groups.map((g) => [g.finding.fingerprint, g.pages])).toEqual([
      ['aaaaaaaaaaaaaaaa', ['https://site.example/b', 'https://site.example/a']],
      ['bbbbbbbbbbbbbbbb', ['https://site.example/c']],
    ]);
  });

  it('keeps apart what a policy treats differently on some pages', () => {
    const groups = groupAcrossPages([finding('/a'), finding('/b', { severity: 'warn' }), finding('/c', { status: 'allowed' })]);
    expect(groups.map((g) => g.pages.length)).toEqual([1, 1, 1]);
  });

  it('keeps each page that could not be scanned as its own entry: each failed for its own reason', () => {
    const failed = (page: string, message: string) =>
      finding(page, { rule: 'scan-error', subject: { kind: 'page', url: `https://site.example${page}` }, fingerprint: 'cccccccccccccccc', message });
    const groups = groupAcrossPages([failed('/a', 'timed out'), failed('/b', 'HTTP 404')]);
    expect(groups.map((g) => g.finding.message)).toEqual(['timed out', 'HTTP 404']);
  });
});
