// One real scan of the consent-signal fixtures, before any choice, after refusing and after accepting
// (where the signals are not read: it shows what the sites hold back until then): an IAB TCF
// consent manager that pre-grants everything and one that waits for the visitor (both encoding real TC
// strings with @iabtcf/core in the browser), and gtag.js under Consent Mode granted by default, denied
// with cookieless pings (advanced), and denied with nothing sent until the visitor accepts (basic).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import type { ClassifiedScan, Finding, GateResult, Phase } from '../src/types.js';
import { serve, type Served } from './support/fixtures.js';

const PAGES = ['tcf-pregranted', 'tcf-honest', 'consent-mode-granted', 'consent-mode-pings', 'consent-mode-basic'];
const RULES = ['consent-signal-before-choice', 'cookieless-ping-before-choice'];

let served: Served;
let result: GateResult;

beforeAll(async () => {
  served = await serve();
  result = await runGate({ discover: { pages: PAGES.map((p) => `${served.url}${p}/`) }, browserArgs: served.browserArgs, phases: ['initial', 'after-reject', 'after-accept'] });
}, 180_000);
afterAll(async () => served?.close());

const scanOf = (page: string, phase: Phase): ClassifiedScan => result.pages.find((p) => p.url === `${served.url}${page}/`)!.phases.find((s) => s.phase === phase)!;
/** What the two signal rules said about a page: visit, rule, severity, message id, subject and data. */
const said = (page: string) =>
  result.findings
    .filter((f: Finding) => f.page === `${served.url}${page}/` && RULES.includes(f.rule))
    .map((f) => ({ phase: f.phase, rule: f.rule, severity: f.severity, messageId: f.messageId, subject: f.subject.name ?? f.subject.host, data: f.data }));

describe('consent signals before any choice and after refusing', () => {
  it('scanned every page in both visits, refusing in each banner', () => {
    for (const page of PAGES) {
      expect(scanOf(page, 'initial').error, page).toBeNull();
      expect(scanOf(page, 'after-reject').action, page).toMatchObject({ kind: 'reject', done: true });
    }
  });

  it("reads the TCF API's answer and decodes its TC string: a CMP that pre-grants every purpose and vendor, and keeps them after a refusal", () => {
    const tcf = scanOf('tcf-pregranted', 'initial').consentSignals?.tcf;
    expect(tcf).toMatchObject({ answered: true, gdprApplies: true, cmpId: 300, eventStatus: 'cmpuishown', purposeConsents: [1, 2, 3, 4, 7, 9, 10], vendorConsents: [91, 755], decodeError: null });
    expect(tcf?.tcString).toMatch(/^C[\w-]+/);
    const purposes = { cmp: 300, purposes: '1, 2, 3, 4, 7, 9, 10' };
    const vendors = { cmp: 300, count: 2, vendors: '91, 755' };
    expect(said('tcf-pregranted')).toEqual([
      { phase: 'initial', rule: 'consent-signal-before-choice', severity: 'error', messageId: 'tcfPurposes', subject: 'TCF purpose consents', data: purposes },
      { phase: 'initial', rule: 'consent-signal-before-choice', severity: 'error', messageId: 'tcfVendors', subject: 'TCF vendor consents', data: vendors },
      { phase: 'after-reject', rule: 'consent-signal-before-choice', severity: 'error', messageId: 'tcfPurposesAfterReject', subject: 'TCF purpose consents', data: purposes },
      { phase: 'after-reject', rule: 'consent-signal-before-choice', severity: 'error', messageId: 'tcfVendorsAfterReject', subject: 'TCF vendor consents', data: vendors },
    ]);
  });

  it('leaves a CMP alone that consents to nothing until the visitor accepts, and after the refusal', () => {
    expect(scanOf('tcf-honest', 'initial').consentSignals?.tcf).toMatchObject({ answered: true, eventStatus: 'cmpuishown', purposeConsents: [], vendorConsents: [] });
    expect(scanOf('tcf-honest', 'after-reject').consentSignals?.tcf).toMatchObject({ answered: true, eventStatus: 'tcloaded', purposeConsents: [], vendorConsents: [] });
    expect(said('tcf-honest')).toEqual([]);
  });

  it("catches Consent Mode granted by default and gtag's hits saying so (gcs=G111)", () => {
    const signals = scanOf('consent-mode-granted', 'initial').consentSignals;
    expect(signals?.consentMode).toEqual([{ command: 'default', state: { ad_storage: 'granted', analytics_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' } }]);
    expect(said('consent-mode-granted')).toEqual([
      {
        phase: 'initial',
        rule: 'consent-signal-before-choice',
        severity: 'error',
        messageId: 'hitGranted',
        subject: 'www.google-analytics.com',
        data: { vendor: 'Google Analytics (analytics)', host: 'www.google-analytics.com', count: expect.any(Number), values: 'gcs=G111, gcd=13t3t3t3t5' },
      },
      {
        phase: 'initial',
        rule: 'consent-signal-before-choice',
        severity: 'error',
        messageId: 'modeGranted',
        subject: 'Google Consent Mode',
        data: { signals: 'ad_storage, analytics_storage, ad_user_data, ad_personalization', command: 'default' },
      },
    ]);
  });

  it('warns about cookieless pings before any choice (gcs=G100), apart from the granted signals', () => {
    // page_view at once; user_engagement ten seconds of page time later, which a busy machine may not reach.
    const hits = scanOf('consent-mode-pings', 'initial').consentSignals?.googleHits.map((h) => [h.gcs, h.gcd]) ?? [];
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.join(' ')))).toEqual(new Set(['G100 13p3p3p3p5']));
    expect(said('consent-mode-pings')).toEqual([
      {
        phase: 'initial',
        rule: 'cookieless-ping-before-choice',
        severity: 'warn',
        messageId: 'deniedPing',
        subject: 'www.google-analytics.com',
        data: { vendor: 'Google Analytics (analytics)', host: 'www.google-analytics.com', count: expect.any(Number), values: 'gcs=G100, gcd=13p3p3p3p5' },
      },
    ]);
  });

  it('passes a site done right (default denied, gtag.js only after accepting), with no finding of any rule until the visitor accepts', () => {
    expect(scanOf('consent-mode-basic', 'initial').consentSignals).toMatchObject({ tcf: null, googleHits: [] });
    expect(scanOf('consent-mode-basic', 'after-reject').consentSignals?.consentMode.map((c) => c.command)).toEqual(['default', 'update']);
    expect(result.findings.filter((f) => f.page === `${served.url}consent-mode-basic/` && f.phase !== 'after-accept').map((f) => `${f.phase} ${f.rule}: ${f.message}`)).toEqual([]);
    // Not for want of a tag: once accepted, gtag.js loads, stores its cookie and sends its hit.
    const accepted = scanOf('consent-mode-basic', 'after-accept');
    expect(accepted.requests.map((r) => new URL(r.url).host)).toEqual(expect.arrayContaining(['www.googletagmanager.com', 'www.google-analytics.com']));
    expect(accepted.cookies.map((c) => c.name)).toContain('_ga');
  });
});
