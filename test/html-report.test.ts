// The HTML report, opened offline in a real browser the way a privacy officer would open it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type OpenBrowser } from '../src/browser/launch.js';
import { resolveBrowser } from '../src/browser/resolve.js';
import { runGate } from '../src/gate.js';
import { formatHtml } from '../src/report/html.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import type { GateResult } from '../src/types.js';
import { browserFlags, runCli } from './support/cli.js';
import { managerSite, serve, type Served } from './support/fixtures.js';
import { validateReport } from './support/schema.js';

let served: Served;
let consent: StaticServer;
let result: GateResult;
let viewer: OpenBrowser;
let page: Page;
const problems: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  served = await serve();
  consent = await startStatic(managerSite('vanilla-ok'));
  // A site with a fair banner (all four visits, an inventory) and one whose tag manager tracks at once.
  result = await runGate({ discover: { pages: [consent.url, `${served.url}tag-manager/`] }, browserArgs: served.browserArgs, screenshots: true });
  const file = join(mkdtempSync(join(tmpdir(), 'cg-html-')), 'consent-gate.html');
  writeFileSync(file, formatHtml(result));

  viewer = await launchBrowser({ browser: resolveBrowser(), extraArgs: [] });
  const tab = await viewer.newTab();
  // Offline, as from a mail attachment: anything the report fetched would fail and be seen here.
  await tab.context.setOffline(true);
  page = tab.page;
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${file}`);
});
afterAll(async () => {
  await viewer?.close();
  await consent?.close();
  await served?.close();
});

const section = (path: string) => page.locator('section.page').filter({ has: page.locator('h3', { hasText: new RegExp(`^${path} `) }) });

describe('the HTML report', () => {
  it('opens offline with no console errors and fetches nothing but itself', () => {
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('leads with the verdict and the counts', async () => {
    expect(await page.locator('header.verdict').getAttribute('class')).toBe('verdict failed');
    expect(await page.locator('header h1').innerText()).toMatch(/^Consent check failed: /);
    expect(await page.locator('header .counts').innerText()).toContain(`${result.verdict.errors} new errors`);
  });

  it('shows a pages × phases matrix with what each visit did', async () => {
    const headers = await page.locator('main table').first().locator('thead th').allInnerTexts();
    expect(headers).toEqual(['Page', 'Before any choice', 'After scrolling', 'After refusing', 'After saving as shown', 'After accepting', 'After withdrawing']);
    const rows = page.locator('main table').first().locator('tbody tr');
    const cells = async (path: string) => rows.filter({ has: page.locator('th', { hasText: new RegExp(`^${path}$`) }) }).locator('td').allInnerTexts();
    const fair = await cells('/');
    expect(fair[0]).toBe('clean');
    expect(fair[2]).toMatch(/^no findings\nclicked "Reject all"/);
    expect(fair[3]).toBe("no switches with a save control on the banner's first layer");
    expect(fair[4]).toMatch(/clicked "Accept all"/);
    expect(fair[5]).toMatch(/reopened the consent choice/);
    const tracked = await cells('/tag-manager/');
    expect(tracked[0]).toMatch(/^\d+ errors/);
    expect(tracked.slice(2)).toEqual(Array(4).fill('no consent banner or notice to answer'));
  });

  it('explains a finding: vendor, purpose, the law in plain words and the chain through the tag manager', async () => {
    const finding = page.locator('.finding').filter({ has: page.locator('h4', { hasText: 'Tracking cookie before consent: cookie _fbp' }) });
    expect(await finding.count()).toBe(1);
    expect(await finding.locator('.pages').innerText()).toBe('On /tag-manager/');
    // The page's section lists it, linked to the one entry.
    const link = section('/tag-manager/').locator('.page-findings a', { hasText: 'Tracking cookie before consent: cookie _fbp' });
    expect(await link.getAttribute('href')).toBe(`#${await finding.getAttribute('id')}`);
    const facts = await finding.locator('dl.facts').innerText();
    expect(facts).toContain('Facebook · Marketing, first party');
    expect(await finding.locator('.law').innerText()).toMatch(/^What the law asks: A site may only place cookies that are not strictly necessary after the visitor agrees/);
    const chain = await finding.locator('ol.chain li code').allInnerTexts();
    expect(chain).toEqual([`${served.url}tag-manager/`, 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST1', 'https://connect.facebook.net/en_US/fbevents.js', 'cookie _fbp']);
  });

  it('shows what the visitor saw before consent, and the banner up close', async () => {
    const fair = section('/');
    const shots = fair.locator('figure img');
    expect(await shots.count()).toBe(2);
    expect(await shots.evaluateAll((imgs) => imgs.map((img) => [(img as HTMLImageElement).alt, (img as HTMLImageElement).naturalWidth > 100]))).toEqual([
      ['The page as a first-time visitor saw it', true],
      ['The consent banner', true],
    ]);
    // No banner on the tag-manager page: its first screen only.
    expect(await section('/tag-manager/').locator('figure img').count()).toBe(1);
  });

  it('lists what was stored after accepting, ready for a cookie policy', async () => {
    const table = page.locator('table').filter({ has: page.locator('caption', { hasText: 'after accepting' }) });
    const ga = await table.locator('tbody tr').filter({ has: page.locator('td code', { hasText: /^_ga$/ }) }).locator('td').allInnerTexts();
    expect(ga).toEqual(['_ga', 'cookie', 'Google Analytics', 'Statistics (analytics)', '2 years (730 days)', 'first party', 'yes', '/']);
  });

  it('escapes whatever the scanned site controls: names, texts and URLs', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const tampered: GateResult = {
      ...result,
      findings: result.findings.map((f) => ({ ...f, message: hostile, subject: { ...f.subject, name: hostile }, chain: f.chain.map((l) => ({ ...l, url: `${l.url}#${hostile}` })) })),
    };
    const text = formatHtml(tampered);
    expect(text).not.toContain(hostile);
    expect(text).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('is written by the CLI with screenshots only when html is asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-html-cli-'));
    const common = ['scan', '--url', served.url, '--page', '/tag-manager/', '--phases', 'initial', ...browserFlags(served.browserArgs)];
    const [withHtml, jsonOnly] = await Promise.all([
      runCli([...common, '--format', 'html,json', '--report-dir', dir]),
      runCli([...common, '--format', 'json']),
    ]);
    expect([withHtml.code, jsonOnly.code]).toEqual([1, 1]);
    expect(readFileSync(join(dir, 'consent-gate.html'), 'utf8')).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/]{1000,}/);
    const report = JSON.parse(readFileSync(join(dir, 'consent-gate-report.json'), 'utf8'));
    expect(validateReport(report)).toBe(true);
    expect(report.pages[0].phases[0].screenshots.page).toMatch(/^data:image\/jpeg;base64,/);
    expect(JSON.parse(jsonOnly.stdout).pages[0].phases[0].screenshots).toBeNull();
  });
});
