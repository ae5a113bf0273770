// Banners the heuristic used to miss (issue #15): Klaro's notice in Dutch that never says "cookie",
// a web component's banner in an open shadow root with Flemish buttons, and a first layer whose
// categories are already ticked next to "Save preferences".
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { runGate } from '../src/gate.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import type { GateResult } from '../src/types.js';
import { ROOT, managerSite } from './support/fixtures.js';

const CONSENT = join(ROOT, 'test', 'fixtures', 'consent');
const servers: Record<string, StaticServer> = {};
let closeVendors: () => Promise<unknown>;
let result: GateResult;

beforeAll(async () => {
  servers['klaro'] = await startStatic(managerSite('klaro-nl'));
  servers['shadow'] = await startStatic(join(CONSENT, 'shadow-be'));
  servers['preticked'] = await startStatic(join(CONSENT, 'preticked-first-layer'));
  servers['fade'] = await startStatic(join(CONSENT, 'fade-in'));
  const vendors = await startVendors();
  closeVendors = vendors.close;
  const pages = [`${servers['klaro'].url}`, `${servers['klaro'].url}contact.html`, servers['shadow'].url, servers['preticked'].url, servers['fade'].url];
  result = await runGate({ discover: { pages }, browserArgs: vendors.browserArgs, phases: ['initial', 'after-reject', 'after-save', 'after-accept', 'after-withdraw'] });
}, 240_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
  await closeVendors?.();
});

const pageOf = (url: string) => result.pages.find((p) => p.url === url)!;
const scanOf = (url: string, phase: string) => pageOf(url).phases.find((s) => s.phase === phase)!;
const findingsOn = (url: string) => result.findings.filter((f) => f.page === url);

describe('Klaro with a Dutch notice that never says "cookie"', () => {
  it('is found on every page, and reject and accept are both clicked there', () => {
    for (const url of [servers['klaro']!.url, `${servers['klaro']!.url}contact.html`]) {
      const banner = scanOf(url, 'initial').banner;
      expect(banner?.text).toContain('statistieken verzamelen');
      expect(banner?.reject?.text).toBe('Ik weiger');
      expect(scanOf(url, 'after-reject').action).toMatchObject({ kind: 'reject', done: true });
      expect(scanOf(url, 'after-accept').action).toMatchObject({ kind: 'accept', done: true });
    }
  });

  it('passes: Klaro holds Google Analytics back until the visitor accepts', () => {
    const errors = [servers['klaro']!.url, `${servers['klaro']!.url}contact.html`].flatMap((url) => findingsOn(url).filter((f) => f.severity === 'error'));
    expect(errors.map((f) => `${f.rule} ${f.phase}`)).toEqual([]);
    // Not for want of a tracker: on every page, accepting loads Google Analytics.
    for (const url of [servers['klaro']!.url, `${servers['klaro']!.url}contact.html`]) {
      expect(scanOf(url, 'after-accept').requests.map((r) => new URL(r.url).host), url).toContain('www.google-analytics.com');
    }
  });
});

describe('a web component whose banner lives in a shadow root, in Flemish', () => {
  it('is found, with "Aanvaarden" and "Weigeren" as its accept and reject', () => {
    const banner = scanOf(servers['shadow']!.url, 'initial').banner;
    expect(banner).toMatchObject({ source: 'heuristic', accept: { text: 'Aanvaarden' }, reject: { text: 'Weigeren' } });
    expect(scanOf(servers['shadow']!.url, 'after-reject').action).toMatchObject({ kind: 'reject', done: true });
    expect(scanOf(servers['shadow']!.url, 'after-accept').action).toMatchObject({ kind: 'accept', done: true });
  });

  it('its way back, a floating icon in the same shadow root named only by its SVG title, is found and used', () => {
    const action = scanOf(servers['shadow']!.url, 'after-withdraw').action;
    expect(action).toMatchObject({ kind: 'withdraw', done: true, reopened: { via: 'page', control: 'Cookie-instellingen', place: { kind: 'button', floating: true, shadowRoot: true, frameUrl: null } } });
    expect(action?.detail).toMatch(/^reopened the consent choice \(clicked the floating button "Cookie-instellingen" in the consent manager's shadow root\), then clicked "Weigeren", reloaded/);
    expect(findingsOn(servers['shadow']!.url).filter((f) => f.rule === 'withdrawal-unavailable')).toEqual([]);
  });

  it('the pixel the tag manager fires after any answer is reported after reject', () => {
    const afterReject = findingsOn(servers['shadow']!.url).filter((f) => f.rule === 'tracking-after-reject').map((f) => f.subject.host ?? f.subject.name);
    expect(afterReject).toEqual(expect.arrayContaining(['connect.facebook.net', 'www.facebook.com']));
  });
});

describe('a first layer with pre-ticked categories next to "Save preferences"', () => {
  it('reads "Save preferences" as a save control, not a way into settings', () => {
    const banner = scanOf(servers['preticked']!.url, 'initial').banner;
    expect(banner).toMatchObject({ save: { text: 'Save preferences', layer: 1 }, accept: { text: 'Accept all' }, settings: null });
  });

  it('flags the ticked Analytics and Marketing boxes on the first layer, and not the locked necessary one', () => {
    const preticked = findingsOn(servers['preticked']!.url).filter((f) => f.rule === 'preticked-consent');
    expect(preticked.map((f) => f.subject.name)).toEqual(['toggle Analytics', 'toggle Marketing']);
    expect(preticked[0]!.evidence).toEqual(['first layer of the banner: "Analytics" checked, not locked']);
  });

  it('saving the switches as shown lets Google Analytics in: the site took its own defaults as consent', () => {
    expect(scanOf(servers['preticked']!.url, 'after-save').action).toMatchObject({ kind: 'save', done: true, detail: 'clicked "Save preferences" without changing a switch, reloaded' });
    const saved = findingsOn(servers['preticked']!.url).filter((f) => f.rule === 'tracking-after-saving-defaults');
    expect(saved.map((f) => f.subject.name ?? f.subject.host)).toEqual(expect.arrayContaining(['_ga', 'www.google-analytics.com']));
  });

  it('is visited only where the first layer has switches and a save control', () => {
    for (const url of [servers['klaro']!.url, servers['shadow']!.url]) {
      expect(pageOf(url).skipped).toContainEqual({ phase: 'after-save', reason: "no switches with a save control on the banner's first layer" });
    }
  });
});

describe('a banner that fades in, as Osano\'s cookieconsent does, over real time the fake clock does not shorten', () => {
  it('is found while still nearly transparent, and reject and accept are clicked', () => {
    expect(scanOf(servers['fade']!.url, 'initial').banner).toMatchObject({ accept: { text: 'Accept all' }, reject: { text: 'Reject all' } });
    expect(scanOf(servers['fade']!.url, 'after-reject').action).toMatchObject({ kind: 'reject', done: true });
    expect(scanOf(servers['fade']!.url, 'after-accept').action).toMatchObject({ kind: 'accept', done: true });
  });
});
