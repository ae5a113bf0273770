// The four visits per page against real consent managers and deliberately flawed home-made banners.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { runGate } from '../src/gate.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { PHASES, type GateResult } from '../src/types.js';
import { ROOT, kitSite, managerSite } from './support/fixtures.js';

/** Home-made banners: the kit's attributes per site. */
const KIT_SITES: Record<string, string> = {
  'kit-fair': '',
  'kit-reject-ignored': 'data-reject-ignored',
  'kit-reject-reported': 'data-reject-reported',
  'kit-scroll': 'data-scroll-consent',
  'kit-preticked': 'data-preticked',
  'kit-no-reject': 'data-reject="settings-only"',
  'kit-reject-link': 'data-reject="link"',
  'kit-vanish': 'data-vanish-after="5000"',
  'kit-no-policy': 'data-no-policy-link',
  // Refusing in a settings layer whose "Reject all" only switches the categories off: the save stores it.
  'kit-reject-then-save': 'data-reject="settings-only" data-reject-unticks',
  // The same, but its save button says a word no list knows: nothing stores the refusal.
  'kit-reject-unstored': 'data-reject="settings-only" data-reject-unticks data-save-label="Klaar"',
};

/** A cookie notice whose buttons use words no list knows: the gate must say it could not tell. */
function oddWordsSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-odd-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title></head><body><h1>Home</h1><footer><a href="/cookies.html">Cookie policy</a></footer>' +
      '<div style="position:fixed;bottom:0;left:0;right:0;background:#eee;padding:1em">This site would love some cookies. <button>Sure thing</button> <button>Nah</button></div></body></html>',
  );
  writeFileSync(join(dir, 'cookies.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cookies</title></head><body><h1>Cookie policy</h1></body></html>');
  return dir;
}

const servers: StaticServer[] = [];
const urls = new Map<string, string>();
let closeVendors: () => Promise<unknown>;
let result: GateResult;

beforeAll(async () => {
  const folders: [string, string][] = [
    ...['vanilla-ok', 'vanilla-leaky', 'vanilla-odd', 'klaro-ok', 'klaro-leaky'].map((name): [string, string] => [name, managerSite(name)]),
    ...Object.entries(KIT_SITES).map(([name, attrs]): [string, string] => [name, kitSite(attrs, name !== 'kit-no-policy')]),
    ['odd-words', oddWordsSite()],
  ];
  for (const [name, folder] of folders) {
    const server = await startStatic(folder);
    servers.push(server);
    urls.set(name, server.url);
  }
  const vendors = await startVendors();
  closeVendors = vendors.close;
  // Withdrawing consent has its own test (test/withdrawal.test.ts): these flows end at accepting.
  result = await runGate({ discover: { pages: [...urls.values()] }, browserArgs: vendors.browserArgs, phases: PHASES.filter((p) => p !== 'after-withdraw') });
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await closeVendors?.();
});

/** "severity rule (phase)" for every finding on a site, sorted and without repeats. */
const rulesOn = (site: string): string[] => {
  const page = urls.get(site)!;
  return [...new Set(result.findings.filter((f) => f.page === page).map((f) => `${f.severity} ${f.rule} (${f.phase})`))].sort();
};
const scanOf = (site: string, phase: string) => result.pages.find((p) => p.url === urls.get(site))!.phases.find((s) => s.phase === phase)!;
const hostsOf = (site: string, phase: string): string[] => scanOf(site, phase).requests.map((r) => new URL(r.url).host);

describe('real consent managers', () => {
  it.each(['vanilla-ok', 'klaro-ok'])('%s, configured correctly: nothing before consent or after reject; analytics only after accept', (site) => {
    expect(rulesOn(site)).toEqual(['warn cookie-lifetime-too-long (after-accept)']);
    expect(scanOf(site, 'initial').banner).toMatchObject({ source: 'heuristic', accept: { layer: 1 }, reject: { layer: 1 } });
    expect(scanOf(site, 'after-reject').action).toMatchObject({ kind: 'reject', done: true });
    expect(scanOf(site, 'after-accept').action).toMatchObject({ kind: 'accept', done: true });
    // The analytics did load once accepted, on this site: read from its own visit, as the inventory's
    // pages are paths and every fixture site here is served at "/".
    expect(scanOf(site, 'after-accept').cookies.map((c) => c.name)).toContain('_ga');
    expect(hostsOf(site, 'after-accept')).toContain('www.google-analytics.com');
  });

  it.each(['vanilla-leaky', 'klaro-leaky'])('%s, a pixel outside the manager: errors before consent and after reject', (site) => {
    expect(rulesOn(site)).toEqual([
      'error identifier-sent-to-third-party (after-reject)',
      'error identifier-sent-to-third-party (initial)',
      'error tracker-request-before-consent (initial)',
      'error tracking-after-reject (after-reject)',
      'error tracking-cookie-before-consent (initial)',
      'warn cookie-lifetime-too-long (after-accept)',
      // Nor does the cookie policy, written before the pixel was added, name its cookies.
      'warn cookie-not-declared (after-accept)',
    ]);
  });

  it('falls back to autoconsent when no control is recognised, and still says the banner was not understood', () => {
    expect(rulesOn('vanilla-odd')).toEqual(['warn consent-banner-undetected (initial)', 'warn cookie-lifetime-too-long (after-accept)']);
    expect(scanOf('vanilla-odd', 'after-reject').action).toMatchObject({ done: true, detail: expect.stringContaining("autoconsent's rules for cookieconsent3 refused") });
    expect(scanOf('vanilla-odd', 'after-accept').action).toMatchObject({ done: true, detail: expect.stringContaining("autoconsent's rules for cookieconsent3 accepted") });
  });

  it('sees the vanilla-cookieconsent banner although it hides from bots by default', () => {
    expect(scanOf('vanilla-ok', 'initial').banner?.text).toContain('we use cookies');
  });

  it('lists what is stored after accept, with vendor, category and lifetime', () => {
    const ga = result.inventory.find((e) => e.name === '_ga')!;
    expect(ga).toMatchObject({ kind: 'cookie', vendor: 'Google Analytics', category: 'analytics', party: 'first', lifetimeDays: 730 });
  });
});

describe('home-made banners with deliberate flaws', () => {
  it('a fair banner: no findings in any phase', () => {
    expect(rulesOn('kit-fair')).toEqual([]);
    // Not for want of a tracker: accepting loads the Meta pixel, and it sets its cookie.
    expect(hostsOf('kit-fair', 'after-accept')).toContain('connect.facebook.net');
    expect(scanOf('kit-fair', 'after-accept').cookies.map((c) => c.name)).toContain('_fbp');
    expect(result.pages.find((p) => p.url === urls.get('kit-fair'))!.phases.map((s) => s.phase)).toEqual(['initial', 'after-scroll', 'after-reject', 'after-accept']);
    // Browsing on is not consent: the banner is looked for again on the page a link leads to.
    expect(scanOf('kit-fair', 'after-scroll').action).toMatchObject({ bannerAfter: 'visible', detail: expect.stringMatching(/then followed a link to \//) });
  });

  it('a page with no banner and no notice is not visited to reject or accept: there is nothing to click', async () => {
    const site = await startStatic(join(ROOT, 'examples', 'site-clean'));
    try {
      const plain = await runGate({ discover: { pages: [site.url] } });
      expect(plain.pages[0]!.phases.map((s) => s.phase)).toEqual(['initial', 'after-scroll']);
      // Nor is the next page loaded after scrolling: a banner that stays is all it would be looked at for.
      expect(plain.pages[0]!.phases[1]!.action).toEqual({ kind: 'scroll', done: true, steps: [{ do: 'browse' }], failure: null, detail: 'scrolled to the bottom, moved the mouse, pressed Escape', bannerAfter: null });
      expect(plain.verdict.exitCode).toBe(0);
    } finally {
      await site.close();
    }
  });

  it('reject ignored: the tracker loads after the visitor refused', () => {
    expect(rulesOn('kit-reject-ignored')).toEqual(['error identifier-sent-to-third-party (after-reject)', 'error tracking-after-reject (after-reject)']);
  });

  it('reject reported: the refusal click itself sends an analytics hit, the only one after refusing', () => {
    expect(rulesOn('kit-reject-reported')).toEqual(['error tracking-after-reject (after-reject)']);
    expect(scanOf('kit-reject-reported', 'after-reject').requests.filter((r) => r.url.includes('en=consent_rejected')).length).toBe(1);
  });

  it('scrolling taken as consent, and the banner gone with it', () => {
    expect(rulesOn('kit-scroll')).toEqual([
      'error identifier-sent-to-third-party (after-scroll)',
      'error tracking-after-implicit-action (after-scroll)',
      'warn banner-dismissed-without-choice (after-scroll)',
    ]);
  });

  it('a non-necessary category switched on in the settings', () => {
    expect(rulesOn('kit-preticked')).toEqual(['error preticked-consent (initial)']);
    expect(result.findings.find((f) => f.rule === 'preticked-consent')!.message).toBe('"Analytics" is switched on before the visitor chose it');
  });

  it('reject only in the settings layer', () => {
    expect(rulesOn('kit-no-reject')).toEqual(['error reject-not-on-first-layer (initial)']);
    expect(scanOf('kit-no-reject', 'after-reject').action?.detail).toContain('in the settings layer');
  });

  it('a refusal in a settings layer counts once its save stored it', () => {
    expect(scanOf('kit-reject-then-save', 'after-reject').action).toMatchObject({ done: true, failure: null, steps: [
        { do: 'click', control: 'Reject all', layer: 2 },
        { do: 'click', control: 'Save choices', layer: 2 },
        { do: 'reload' },
        { do: 'follow', path: '/contact.html' },
      ],
    });
    expect(scanOf('kit-reject-then-save', 'after-reject').action?.detail).toMatch(/^clicked "Reject all" in the settings layer, then "Save choices", reloaded/);
    expect(rulesOn('kit-reject-then-save')).toEqual(['error reject-not-on-first-layer (initial)']);
  });

  it('a refusal clicked but never stored: the visit is not done, says why, and claims nothing about tracking after it', () => {
    const action = scanOf('kit-reject-unstored', 'after-reject').action;
    expect(action).toMatchObject({ kind: 'reject', done: false, failure: 'the choice was not stored: the consent window stayed open and no cookie or storage changed' });
    expect(action?.detail).toBe('clicked "Reject all" in the settings layer, but the choice was not stored: the consent window stayed open and no cookie or storage changed');
    expect(rulesOn('kit-reject-unstored')).toEqual(['error reject-not-on-first-layer (initial)']);
  });

  it('reject as a text link beside an accept button', () => {
    expect(rulesOn('kit-reject-link')).toEqual(['warn reject-harder-than-accept (initial)']);
  });

  it('a banner that hides itself after 5 s', () => {
    expect(rulesOn('kit-vanish')).toEqual(['warn banner-dismissed-without-choice (after-scroll)', 'warn banner-dismissed-without-choice (initial)']);
  });

  it('a notice whose controls are not recognised: a warning with the way to fix it, not a silent pass', () => {
    expect(rulesOn('odd-words')).toEqual(['warn consent-banner-undetected (initial)']);
    expect(result.findings.find((f) => f.rule === 'consent-banner-undetected' && f.page === urls.get('odd-words'))!.evidence[0]).toContain('this site would love some cookies');
  });

  it('no cookie policy link on the home page', () => {
    expect(rulesOn('kit-no-policy')).toEqual(['warn cookie-policy-link-missing (initial)']);
  });
});
