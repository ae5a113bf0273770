// Pages that fight back, pages that leave, pages that never let go: each ends as a precise finding or
// a scan error within bounded time, never as a pass.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { runGate } from '../src/gate.js';
import { checkScanResult } from '../src/gather/consent/page-scan.js';
import { startStatic } from '../src/target/static.js';
import type { GateResult } from '../src/types.js';
import { OVERRIDES, startFightsBack } from './fixtures/servers/fights-back.mjs';
import { runCli } from './support/cli.js';
import { ROOT } from './support/fixtures.js';

const HUNG = join(ROOT, 'test', 'fixtures', 'hung');

let site: Awaited<ReturnType<typeof startFightsBack>>;
let vendors: Awaited<ReturnType<typeof startVendors>>;
beforeAll(async () => {
  site = await startFightsBack();
  vendors = await startVendors();
});
afterAll(async () => {
  await site?.close();
  await vendors?.close();
});

const on = (result: GateResult, path: string) => result.findings.filter((f) => f.page === `${site.url}${path}`);
const errorOf = (result: GateResult, path: string) => on(result, path).find((f) => f.rule === 'scan-error')?.message ?? '';

describe('a start page that sends the visitor on to a page that is not there', () => {
  let result: GateResult;
  beforeAll(async () => {
    const pages = ['script-missing', 'meta-missing', 'script-nowhere', 'meta-nowhere'].map((p) => `${site.url}leaves/${p}`);
    result = await runGate({ discover: { pages }, browserArgs: vendors.browserArgs, phases: ['initial'] });
  }, 120_000);

  it('is an incomplete scan (exit 3), never a pass', () => {
    expect(result.verdict).toMatchObject({ status: 'incomplete', exitCode: 3 });
  });

  it('says where the visitor was sent and what it answered, by script or by <meta refresh>', () => {
    for (const how of ['script', 'meta']) {
      expect(errorOf(result, `leaves/${how}-missing`)).toContain(`the page sent the visitor on to ${site.url}missing-home, which answered HTTP 404`);
      expect(errorOf(result, `leaves/${how}-nowhere`)).toContain('the page sent the visitor on to https://bat.bing.com/welcome, which could not be loaded (net::ERR_NAME_NOT_RESOLVED)');
    }
  });
});

describe('a page that redefines Array.from/filter/map, getComputedStyle, getBoundingClientRect, querySelectorAll, JSON.stringify or document.cookie', () => {
  let result: GateResult;
  beforeAll(async () => {
    const pages = Object.keys(OVERRIDES).map((name) => `${site.url}banner/${name}`);
    result = await runGate({ discover: { pages }, browserArgs: vendors.browserArgs, phases: ['initial', 'after-reject'] });
  }, 300_000);

  it.each(Object.keys(OVERRIDES))('%s: the banner is still found, reject is clicked, and the tracking after it fails the gate', (name) => {
    const scan = result.pages.find((p) => p.url === `${site.url}banner/${name}`)!;
    expect(scan.phases[0]!.banner?.reject?.text).toBe('Reject all');
    expect(scan.phases[1]!.action).toMatchObject({ kind: 'reject', done: true });
    expect(on(result, `banner/${name}`).map((f) => f.rule)).toContain('tracking-after-reject');
  });

  it('the run fails (exit 1)', () => {
    expect(result.verdict.exitCode).toBe(1);
  });
});

describe('what an in-page scan returns', () => {
  const valid = { banner: { text: 'we use cookies', controls: [{ role: 'reject', kind: 'button', text: 'Reject all', id: 'x-reject-1-0' }] }, unrecognised: null, toggles: [], policyLinks: [], reopen: [] };

  it('is checked: anything but a scan result is an error, never "no banner"', () => {
    expect(checkScanResult(valid)).toEqual(valid);
    for (const nonsense of [null, undefined, 'no banner', [], { ...valid, policyLinks: 'none' }, { ...valid, reopen: [{ id: 'x', name: 'Cookie settings', kind: 'icon', floating: true, shadowRoot: false }] }, { ...valid, banner: { text: 'x', controls: [{ role: 'refuse', kind: 'button', text: 'No', id: 'x' }] } }]) {
      expect(() => checkScanResult(nonsense)).toThrow('the page returned something that is not a scan result');
    }
  });
});

describe('a page that never lets go of the browser', () => {
  let hung: Awaited<ReturnType<typeof startStatic>>;
  beforeAll(async () => {
    hung = await startStatic(HUNG);
  });
  afterAll(async () => hung?.close());

  it('an endless loop after load ends the visit once the page stops answering (for twice --timeout, at least 20 s), exit 3', async () => {
    const result = await runGate({ discover: { pages: [`${hung.url}spin.html`] }, phases: ['initial'], timeoutMs: 5_000 });
    expect(result.verdict.exitCode).toBe(3);
    expect(result.findings[0]!.message).toContain('the page stopped answering for 20 s: its scripts keep the browser busy');
  });

  it('100,000 history entries in a row (which wedge the browser itself) end the visit too, and the browser is stopped, exit 3', async () => {
    const result = await runGate({ discover: { pages: [`${hung.url}push.html`] }, phases: ['initial'], timeoutMs: 5_000 });
    expect(result.verdict.exitCode).toBe(3);
    expect(result.findings[0]!.message).toContain('the page stopped answering for 20 s');
  });

  it('--max-time stops the whole run: the pages not scanned by then are scan errors, exit 3', async () => {
    const run = await runCli(['scan', '--static', HUNG, '--page', '/', '--page', '/spin.html', '--concurrency', '1', '--phases', 'initial', '--max-time', '8000']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('not scanned: the run reached its time limit of 8 s (--max-time)');
  });
});
