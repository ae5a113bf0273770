// A banner's settings layer read by a real browser: which switches are on before any choice, and
// which of those are categories that may be (strictly necessary ones, in the visitor's language).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { kitSite } from './support/fixtures.js';

let site: StaticServer;
beforeAll(async () => {
  // Dutch banners call the necessary category "Functionele cookies" (inflected: not "functioneel").
  site = await startStatic(kitSite('data-necessary="Functionele cookies" data-preticked', true));
});
afterAll(async () => site?.close());

describe('pre-ticked categories in a settings layer', () => {
  it('reports "Analytics" switched on, but not a Dutch necessary category that is on and not locked', async () => {
    // The pixel of the kit loads only after a choice: the first visit needs no vendor stand-ins.
    const result = await runGate({ discover: { pages: [site.url] }, phases: ['initial'] });
    expect(result.pages[0]!.phases[0]!.banner?.toggles).toContainEqual({ label: 'Functionele cookies', checked: true, locked: false, layer: 2 });
    const preticked = result.findings.filter((f) => f.rule === 'preticked-consent').map((f) => f.message);
    expect(preticked).toEqual(['"Analytics" is switched on before the visitor chose it']);
  });
});
