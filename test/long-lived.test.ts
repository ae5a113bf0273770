// Trackers that behave as the real ones do: hits sent with sendBeacon and keepalive fetch, cookies
// written from script, a WebSocket, an event stream and a response body that never ends (all served
// by examples/vendors/serve.mjs). Each is still found, timer-delayed and interaction-triggered ones
// too, and none of them holds a wait for the page to settle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type OpenBrowser } from '../src/browser/launch.js';
import { resolveBrowser } from '../src/browser/resolve.js';
import { runGate } from '../src/gate.js';
import { DEFAULT_SETTINGS } from '../src/config/settings.js';
import { visitOf } from '../src/config/visits.js';
import { gatherSession } from '../src/gather/visit/session.js';
import { RunSecrets } from '../src/shared/secrets.js';
import { withoutQuery } from '../src/rules/evidence.js';
import type { ClassifiedScan, GateResult, Phase } from '../src/types.js';
import { serve, type Served } from './support/fixtures.js';

const PAGES = ['ga4', 'pixel', 'storage', 'unknown', 'delayed', 'on-interaction', 'long-lived', 'hydration'];

let served: Served;
let result: GateResult;

beforeAll(async () => {
  served = await serve();
  result = await runGate({ discover: { pages: PAGES.map((p) => `${served.url}${p}/`) }, browserArgs: served.browserArgs, phases: ['initial', 'after-scroll'] });
}, 180_000);
afterAll(async () => served?.close());

const scanOf = (page: string, phase: Phase = 'initial'): ClassifiedScan =>
  result.pages.find((p) => p.url === `${served.url}${page}/`)!.phases.find((s) => s.phase === phase)!;
/** "type METHOD url-without-query" for each request of a visit. */
const requests = (page: string, phase: Phase = 'initial'): string[] => scanOf(page, phase).requests.map((r) => `${r.resourceType} ${r.method} ${withoutQuery(r.url)}`);
const count = (list: string[], item: string): number => list.filter((x) => x === item).length;
/** The first request of a visit to a URL (query left out), as recorded. */
const request = (page: string, url: string) => scanOf(page).requests.find((r) => withoutQuery(r.url) === url)!;
/** "rule phase subject" for each finding on a page. */
const findings = (page: string): string[] =>
  result.findings.filter((f) => f.page === `${served.url}${page}/`).map((f) => `${f.rule} ${f.phase} ${f.subject.name ?? f.subject.host}`);

const COLLECT = 'https://www.google-analytics.com/g/collect';
/** The GA4 events ("en") a visit sent to the collect endpoint, with how each went: "fetch user_engagement". */
const hits = (page: string, phase: Phase): string[] =>
  scanOf(page, phase).requests.filter((r) => withoutQuery(r.url) === COLLECT).map((r) => `${r.resourceType} ${new URL(r.url).searchParams.get('en')}`);
/**
 * GA4's user_engagement, sent by keepalive fetch ten seconds of page time after load: the fake clock
 * brings it forward, and its timer falls on the clock's ten-second horizon, so whether the first visit
 * or the scroll visit after it records it is the clock's call. Seen in one of them, and only once.
 */
const engagement = (page: string): string[] => [...hits(page, 'initial'), ...hits(page, 'after-scroll')].filter((h) => h.endsWith(' user_engagement'));

describe('trackers with long-lived connections', () => {
  it('GA4: _ga written from script, page_view by sendBeacon, the timer-delayed hit by keepalive fetch', () => {
    expect(findings('ga4')).toEqual(expect.arrayContaining(['tracking-cookie-before-consent initial _ga', 'tracker-request-before-consent initial www.google-analytics.com']));
    expect(result.findings.find((f) => f.page.endsWith('/ga4/') && f.subject.name === '_ga')!.evidence).toEqual(['document.cookie written by https://www.googletagmanager.com/gtag/js']);
    expect(hits('ga4', 'initial')).toContain('ping page_view');
    expect(count(requests('ga4'), `ping POST ${COLLECT}`)).toBe(1);
    expect(engagement('ga4')).toEqual(['fetch user_engagement']);
  });

  it('the Meta pixel: the image and the keepalive POST to facebook.com/tr, _fbp and fr', () => {
    expect(requests('pixel')).toEqual(expect.arrayContaining(['image GET https://www.facebook.com/tr', 'fetch POST https://www.facebook.com/tr']));
    expect(findings('pixel')).toEqual(expect.arrayContaining(['tracking-cookie-before-consent initial _fbp', 'tracking-cookie-before-consent initial fr']));
  });

  it('Hotjar: its storage, the WebSocket it keeps open (traced to its script) and the ingestion body that never ends', () => {
    expect(requests('storage')).toEqual(
      expect.arrayContaining(['websocket GET wss://ws.hotjar.com/api/v2/client/ws', 'fetch GET https://in.hotjar.com/api/v2/client/sites/1234567/visit-data']),
    );
    expect(findings('storage')).toEqual(
      expect.arrayContaining([
        'tracking-storage-before-consent initial _hjSessionUser_1234567',
        'tracker-request-before-consent initial ws.hotjar.com',
        'tracker-request-before-consent initial in.hotjar.com',
      ]),
    );
    // Really open, both of them, when the visit was recorded: the socket's handshake went through and the
    // body was still coming.
    expect(request('storage', 'wss://ws.hotjar.com/api/v2/client/ws')).toMatchObject({ failure: null });
    expect(request('storage', 'https://in.hotjar.com/api/v2/client/sites/1234567/visit-data')).toMatchObject({ status: 200, failure: null });
    const socket = result.findings.find((f) => f.page.endsWith('/storage/') && f.subject.host === 'ws.hotjar.com')!;
    expect(socket.chain.map((l) => `${l.via} ${withoutQuery(l.url)}`).slice(1)).toEqual(['html https://static.hotjar.com/c/hotjar-1234567.js', 'script wss://ws.hotjar.com/api/v2/client/ws']);
  });

  it('a chat widget: the event stream it holds open is recorded, and the unknown third party warned about', () => {
    expect(requests('unknown')).toContain('eventsource GET https://cdn.chatwidget.example/events');
    expect(request('unknown', 'https://cdn.chatwidget.example/events')).toMatchObject({ status: 200, failure: null });
    expect(findings('unknown')).toEqual(['unknown-third-party-before-consent initial cdn.chatwidget.example']);
  });

  it('a tracker injected by a timer three seconds after load, and one injected on the first scroll', () => {
    expect(findings('delayed')).toContain('tracking-cookie-before-consent initial _fbp');
    expect(findings('on-interaction')).not.toContain('tracking-cookie-before-consent initial _fbp');
    expect(findings('on-interaction')).toEqual(expect.arrayContaining(['tracking-after-implicit-action after-scroll _fbp', 'tracking-after-implicit-action after-scroll www.facebook.com']));
  });

  it('a pixel an app loads once it has rendered in hundreds of small tasks, with no request meanwhile', () => {
    // The network is quiet long before the render ends: only asking the renderer whether it has
    // anything left to run (see SettleWatch) keeps the visit from being recorded without the pixel.
    expect(findings('hydration')).toEqual(expect.arrayContaining(['tracking-cookie-before-consent initial _fbp', 'tracker-request-before-consent initial connect.facebook.net']));
  });

  it('all of them on one page: everything above is found there too, and GA4 scroll hit after scrolling', () => {
    expect(engagement('long-lived')).toEqual(['fetch user_engagement']);
    // The scroll event, which only scrolling to the bottom of a long page sends, as a keepalive fetch.
    // The scroll visit runs on in the first visit's page and records only what happened since.
    expect(hits('long-lived', 'initial').filter((h) => h.endsWith(' scroll'))).toEqual([]);
    expect(hits('long-lived', 'after-scroll').filter((h) => !h.endsWith(' user_engagement'))).toEqual(['fetch scroll']);
    expect(findings('long-lived')).toEqual(
      expect.arrayContaining(
        ['_ga', '_fbp', 'fr'].map((c) => `tracking-cookie-before-consent initial ${c}`).concat(
          ['www.google-analytics.com', 'www.facebook.com', 'ws.hotjar.com', 'in.hotjar.com'].map((h) => `tracker-request-before-consent initial ${h}`),
          ['tracking-storage-before-consent initial _hjSession_1234567', 'unknown-third-party-before-consent initial cdn.chatwidget.example'],
        ),
      ),
    );
  });

  it('no wait is held by a beacon, a keepalive fetch, an event stream or a WebSocket; every visit says what it waited for', () => {
    const scans = result.pages.flatMap((p) => p.phases);
    expect(scans).toHaveLength(PAGES.length * 2);
    for (const scan of scans) {
      expect(scan.settle).not.toBeNull();
      const held = scan.settle!.heldBy;
      if (!held) continue;
      expect(['ping', 'eventsource', 'websocket']).not.toContain(held.resourceType);
      // The only fetches to these two are the keepalive hits.
      if (held.resourceType === 'fetch') expect([COLLECT, 'https://www.facebook.com/tr']).not.toContain(withoutQuery(held.url));
    }
  });
});

describe('settling without the cap', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launchBrowser({ browser: resolveBrowser(), extraArgs: served.browserArgs });
  });
  afterAll(async () => browser?.close());

  it('a page that keeps every kind of connection open settles although the cap on one wait is out of reach', async () => {
    // Ten minutes per wait and for the visit's waits together: only the settle criterion can end these waits within the test's time.
    const { scans: [scan] } = await gatherSession(browser, `${served.url}long-lived/`, [visitOf('initial')], { ...DEFAULT_SETTINGS, screenshots: false, consent: {}, secrets: [], runSecrets: new RunSecrets(), settleCapMs: 600_000, visitWaitMs: 600_000 });
    if (!scan) throw new Error('no scan');
    expect(scan.error).toBeNull();
    expect(scan.settle?.cutShort).toBe(false);
    expect(scan.requests.map((r) => r.resourceType)).toEqual(expect.arrayContaining(['ping', 'eventsource', 'websocket', 'fetch']));
    expect(scan.cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['_ga', '_fbp']));
  });
});
