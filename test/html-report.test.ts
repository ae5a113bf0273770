// The HTML report, opened offline in a real browser the way a privacy officer would open it: the
// bundled example's report (the demo's) and that of a consent manager with a pixel outside it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type OpenBrowser } from '../src/browser/launch.js';
import { resolveBrowser } from '../src/browser/resolve.js';
import { runGate } from '../src/gate.js';
import { formatHtml } from '../src/report/html.js';
import { formatJson } from '../src/report/json.js';
import { groupByCause } from '../src/report/text/group.js';
import { subjectLabel } from '../src/report/text/subject.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import type { GateResult, Phase } from '../src/types.js';
import { browserFlags, runCli } from './support/cli.js';
import { ROOT, managerSite, serve, type Served } from './support/fixtures.js';
import { validateReport } from './support/schema.js';

let served: Served;
let consent: StaticServer;
/** vanilla-cookieconsent with the Meta pixel outside it: it fires before the banner and again after refusing. */
let leaky: GateResult;
/** examples/site, scanned as `npm run demo` scans it. */
let example: GateResult;
let viewer: OpenBrowser;
const opened: Record<'leaky' | 'example', { page: Page; html: string; problems: string[]; requests: string[] }> = {} as never;

/** Opens a report offline, as from a mail attachment: anything it fetched would fail and be seen. */
async function open(result: GateResult): Promise<(typeof opened)['leaky']> {
  const html = formatHtml(result);
  const file = join(mkdtempSync(join(tmpdir(), 'cg-html-')), 'consent-gate.html');
  writeFileSync(file, html);
  const tab = await viewer.newTab();
  await tab.context.setOffline(true);
  await tab.page.setViewportSize({ width: 1280, height: 900 });
  const seen = { page: tab.page, html, problems: [] as string[], requests: [] as string[] };
  tab.page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.problems.push(message.text());
  });
  tab.page.on('pageerror', (error) => seen.problems.push(error.message));
  tab.page.on('request', (request) => seen.requests.push(request.url()));
  await tab.page.goto(`file://${file}`);
  return seen;
}

beforeAll(async () => {
  served = await serve();
  consent = await startStatic(managerSite('vanilla-leaky'));
  leaky = await runGate({ discover: { pages: [consent.url] }, browserArgs: served.browserArgs, screenshots: true });
  example = await runGate({ target: { static: join(ROOT, 'examples', 'site') }, browserArgs: served.browserArgs, screenshots: true });
  viewer = await launchBrowser({ browser: resolveBrowser(), extraArgs: [] });
  opened.leaky = await open(leaky);
  opened.example = await open(example);
});
afterAll(async () => {
  await viewer?.close();
  await consent?.close();
  await served?.close();
});

const pageOf = (name: keyof typeof opened): Page => opened[name].page;
const section = (page: Page, path: string) => page.locator('section.page').filter({ has: page.locator('h3', { hasText: new RegExp(`^${path}( |$)`) }) });

describe('the HTML report', () => {
  it('opens offline with no console errors and fetches nothing but itself', () => {
    for (const { problems, requests } of Object.values(opened)) {
      expect(problems).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    }
  });

  it('passes html-validate (its recommended rules: structure, table headers, ids, accessible names)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const { html } of Object.values(opened)) {
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`))).toEqual([]);
    }
  });

  it('leads with the verdict and the counts', async () => {
    const page = pageOf('example');
    expect(await page.locator('header.verdict').getAttribute('class')).toBe('verdict failed');
    expect(await page.locator('header h1').innerText()).toBe('Consent check failed: examples/site');
    expect(await page.locator('header .counts').innerText()).toContain(`${example.verdict.errors} new errors`);
  });

  it("the bundled example fits on 4,000 px at 1280 wide: one card per cause, every finding in the cards' details", async () => {
    const page = pageOf('example');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(4000);
    const groups = groupByCause(example);
    expect(await page.locator('section.cause h3').allInnerTexts()).toEqual([
      'The Google Tag Manager container GTM-DEMO123',
      'The Google Analytics tag in examples/site/index.html, line 8',
      'No consent banner',
    ]);
    expect(groups).toHaveLength(3);
    // Each entry in the details names its fingerprint and links each page it was seen on: one per finding of the JSON.
    const inDetails = await page.locator('section.cause details .finding').evaluateAll((entries) =>
      entries.flatMap((entry) => {
        const fingerprint = /fingerprint ([0-9a-f]{16})/.exec(entry.textContent ?? '')?.[1];
        return [...entry.querySelectorAll('p.pages a')].map((a) => `${fingerprint} ${a.textContent}`);
      }),
    );
    const inJson = example.findings.map((f) => `${f.fingerprint} ${new URL(f.page).pathname}`);
    expect(inDetails.sort()).toEqual(inJson.sort());
    expect(inJson).toHaveLength(24);
  });

  it('a card says where the fix goes, what it causes with whose and when, the chain once and, collapsed, every fact', async () => {
    const page = pageOf('example');
    const card = page.locator('section.cause').filter({ has: page.locator('h3', { hasText: 'GTM-DEMO123' }) });
    const summary = await card.locator('.summary').innerText();
    expect(summary).toMatch(/^\d+ errors \d+ warning · On \/contact\.html · before any choice · /);
    for (const company of ['Meta Pixel (Marketing)', 'Hotjar (Statistics (analytics))', 'YouTube (Marketing)']) expect(summary).toContain(company);
    // The chain up to the container, once for the whole card.
    expect(await card.locator('.trail ol.chain li code').allInnerTexts()).toEqual(['/contact.html', 'https://www.googletagmanager.com/gtm.js?id=GTM-DEMO123']);
    const fbp = await card.locator('table.caused tbody tr').filter({ has: page.locator('th', { hasText: 'cookie _fbp' }) }).locator('th, td').allInnerTexts();
    const seen = example.findings.find((f) => f.subject.name === '_fbp')!.firstSeenMs!;
    expect(fbp).toEqual(['error cookie _fbp', 'Tracking cookie before consent', 'Facebook · Marketing', seen < 1000 ? `${seen} ms` : `${(seen / 1000).toFixed(1)} s`]);
    // The rule links to the legend, where its law is said once.
    const rule = await card.locator('table.caused a', { hasText: 'Tracking cookie before consent' }).first().getAttribute('href');
    expect(rule).toBe('#rule-tracking-cookie-before-consent');
    expect(await page.locator(`dt${rule}`).innerText()).toContain('Tracking cookie before consent');
    expect(await page.locator(`dt${rule} + dd`).innerText()).toMatch(/^A site may only place cookies that are not strictly necessary after the visitor agrees/);
    expect((await page.content()).match(/A site may only place cookies that are not strictly necessary/g)).toHaveLength(1);
    // The details: the whole chain of each finding, its message and evidence, without height until opened.
    expect(await card.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const detail = card.locator('details .finding').filter({ has: page.locator('h4', { hasText: 'Tracking cookie before consent: cookie _fbp' }) });
    expect(await detail.locator('ol.chain li code').allTextContents()).toEqual(['/contact.html', 'https://www.googletagmanager.com/gtm.js?id=GTM-DEMO123', 'https://connect.facebook.net/en_US/fbevents.js', 'cookie _fbp']);
    expect(await detail.locator('ul.evidence li').allTextContents()).toEqual(['document.cookie written by https://connect.facebook.net/en_US/fbevents.js']);
  });

  it('shows what the visitor saw before consent, and the banner up close', async () => {
    const shots = section(pageOf('leaky'), '/').locator('figure img');
    expect(await shots.evaluateAll((imgs) => imgs.map((img) => [(img as HTMLImageElement).alt, (img as HTMLImageElement).naturalWidth > 100]))).toEqual([
      ['The page as a first-time visitor saw it', true],
      ['The consent banner', true],
    ]);
    // No banner on the example's pages: their first screen only.
    expect(await section(pageOf('example'), '/contact.html').locator('figure img').count()).toBe(1);
  });

  it('shows a pages × visits table with what each visit did', async () => {
    const page = pageOf('leaky');
    const table = page.locator('table').filter({ has: page.locator('caption', { hasText: 'Pages and visits' }) });
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Page', 'Before any choice', 'After scrolling', 'After refusing', 'After saving as shown', 'After accepting', 'After withdrawing']);
    const cells = await table.locator('tbody tr td').allInnerTexts();
    expect(cells[0]).toMatch(/^\d+ errors/);
    expect(cells[2]).toMatch(/^\d+ errors\nclicked "Reject all"/);
    expect(cells[3]).toBe("no switches with a save control on the banner's first layer");
    expect(cells[4]).toMatch(/clicked "Accept all"/);
  });

  it('lists what was stored after accepting, ready for a cookie policy', async () => {
    const page = pageOf('leaky');
    const table = page.locator('table').filter({ has: page.locator('caption', { hasText: 'after accepting' }) });
    // Collapsed below the causes: a reader opens it by its summary.
    await page.locator('details', { has: table }).locator('summary').first().click();
    const ga = await table.locator('tbody tr').filter({ has: page.locator('td code', { hasText: /^_ga$/ }) }).locator('td').allInnerTexts();
    expect(ga).toEqual(['_ga', 'cookie', 'Google Analytics', 'Statistics (analytics)', '2 years (730 days)', 'first party', 'yes', '/']);
  });

  it('escapes whatever the scanned site controls: names, texts and URLs', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const tampered: GateResult = {
      ...leaky,
      findings: leaky.findings.map((f) => ({ ...f, message: hostile, subject: { ...f.subject, name: hostile }, chain: f.chain.map((l) => ({ ...l, url: `${l.url}#${hostile}` })) })),
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

/** What a visit's SVG timeline draws: the x of its banner and click lines, and of each tracker mark by its label. */
async function drawn(page: Page, phase: Phase) {
  const svg = page.locator(`section.page svg[aria-labelledby^="page-1-${phase}-title"]`);
  expect(await svg.count()).toBe(1);
  return svg.evaluate((el) => {
    const x = (selector: string): number | null => {
      const line = el.querySelector(selector);
      return line ? Number(line.getAttribute('x1')) : null;
    };
    const marks = [...el.querySelectorAll('circle.mark')].map((c) => ({ x: Number(c.getAttribute('cx')), title: c.querySelector('title')?.textContent ?? '', flagged: c.classList.contains('flagged') }));
    return { banner: x('line.moment.banner'), action: x('line.moment.action'), marks, described: el.querySelector('desc')?.textContent ?? '' };
  });
}

describe('the timeline of each visit', () => {
  const visit = (phase: Phase) => leaky.pages[0]!.phases.find((s) => s.phase === phase)!;
  /** When the JSON says the visit first saw what a mark's label names (vendor: subject at time). */
  const jsonMs = (phase: Phase, title: string): number => {
    const times = leaky.findings.filter((f) => f.phase === phase && f.firstSeenMs !== null && title.includes(`: ${subjectLabel(f)} at `)).map((f) => f.firstSeenMs!);
    expect(times.length, title).toBeGreaterThan(0);
    return Math.min(...times);
  };
  const side = (a: number, b: number): number => Math.sign(a - b);

  it('is drawn for each visit that has findings, and only those', async () => {
    const withFindings = leaky.pages[0]!.phases.filter((s) => leaky.findings.some((f) => f.phase === s.phase)).map((s) => s.phase);
    expect(withFindings).toEqual(expect.arrayContaining(['initial', 'after-reject']));
    const drawnFor = await pageOf('leaky').locator('section.page svg').evaluateAll((svgs) => svgs.map((s) => /^page-1-(.+)-title /.exec(s.getAttribute('aria-labelledby') ?? '')![1]));
    expect(drawnFor).toEqual(withFindings);
  });

  it('before any choice: the pixel fired before the banner was seen, on the red band, as the JSON times say', async () => {
    const { times } = visit('initial');
    const svg = await drawn(pageOf('leaky'), 'initial');
    expect(times!.bannerShownMs).not.toBeNull();
    expect(svg.banner).not.toBeNull();
    const pixel = svg.marks.filter((m) => m.title.startsWith('Meta Pixel: '));
    expect(pixel.length).toBeGreaterThan(0);
    for (const mark of svg.marks) expect(side(mark.x, svg.banner!), mark.title).toBe(side(jsonMs('initial', mark.title), times!.bannerShownMs!));
    for (const mark of pixel) {
      expect(mark.x).toBeLessThan(svg.banner!);
      expect(mark.flagged).toBe(true);
      expect(mark.title).toMatch(/, before the banner$/);
    }
    expect(svg.described).toMatch(/^banner seen at [\d.]+ (ms|s); /);
  });

  it('after refusing: banner, then the click, then the pixel again, flagged, as the JSON times say', async () => {
    const { times } = visit('after-reject');
    const svg = await drawn(pageOf('leaky'), 'after-reject');
    // The visitor clicks as soon as the banner is seen: the same millisecond, often.
    expect(times!.bannerShownMs!).toBeLessThanOrEqual(times!.actionMs!);
    expect(svg.banner!).toBeLessThanOrEqual(svg.action!);
    expect(svg.marks.length).toBeGreaterThan(0);
    for (const mark of svg.marks) {
      expect(jsonMs('after-reject', mark.title)).toBeGreaterThanOrEqual(times!.actionMs!);
      expect(mark.x).toBeGreaterThanOrEqual(svg.action!);
      expect(mark.flagged).toBe(true);
      expect(mark.title).toMatch(/, after refusing$/);
    }
    expect(svg.described).toMatch(/^banner seen at [^;]+; refused at [^;]+; Meta Pixel: /);
  });

  it('the JSON carries the same times: per visit, per request, per finding', () => {
    expect(validateReport(JSON.parse(formatJson(leaky)))).toBe(true);
    const initial = visit('initial');
    expect(initial.times).toEqual({ from: 'initial', bannerShownMs: expect.any(Number), actionMs: null });
    expect(visit('after-scroll').times).toMatchObject({ from: 'initial', bannerShownMs: null, actionMs: expect.any(Number) });
    expect(initial.requests.every((r) => typeof r.startedMs === 'number')).toBe(true);
    const pixel = leaky.findings.find((f) => f.phase === 'initial' && f.subject.host === 'connect.facebook.net')!;
    expect(pixel.firstSeenMs).toBe(Math.min(...initial.requests.filter((r) => new URL(r.url).hostname === 'connect.facebook.net').map((r) => r.startedMs!)));
    expect(pixel.cause).toMatchObject({ kind: 'tag', url: 'https://connect.facebook.net/en_US/fbevents.js', line: expect.any(Number), vendor: 'Meta Pixel' });
  });
});
