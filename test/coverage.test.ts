// Partial coverage is never silent: every report says how many pages were found, scanned and left out.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { discoverPages, type DiscoverSpec } from '../src/discover/index.js';
import { gateNetwork } from '../src/shared/network.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { browserFlags, runCli } from './support/cli.js';
import { ROOT } from './support/fixtures.js';
import { validateReport } from './support/schema.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const spec = (extra: Partial<DiscoverSpec>): DiscoverSpec => ({ pages: [], include: [], exclude: [], crawl: false, depth: 1, maxPages: 10, ...extra });
/** No browser flags, no proxy in the environment: straight to loopback. */
const direct = gateNetwork([], {});
const paths = (urls: string[]): string[] => urls.map((u) => new URL(u).pathname);

describe('every report says what was left out', () => {
  let vendorFlags: string[];
  let closeVendors: () => Promise<unknown>;
  beforeAll(async () => {
    const vendors = await startVendors();
    vendorFlags = browserFlags(vendors.browserArgs);
    closeVendors = vendors.close;
  });
  afterAll(async () => closeVendors?.());

  it('in the console summary even with --quiet, in JSON, markdown (the job summary) and HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-coverage-'));
    // The pixel is on the page the cap leaves out: a pass that must say it saw half the site.
    const run = await runCli(['scan', '--static', join(FIXTURES, 'static-site'), '--max-pages', '2', '--quiet', '--phases', 'initial', '--format', 'console,json,markdown,html', '--report-dir', dir, ...vendorFlags]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pages: 4 pages found, 2 scanned, 2 left out\n  ! found 4 pages; scanning the first 2 (start page, then sorted). Raise --max-pages to scan more.');
    const report = JSON.parse(readFileSync(join(dir, 'consent-gate-report.json'), 'utf8'));
    expect(validateReport(report)).toBe(true);
    expect(report.coverage).toMatchObject({ found: 4, scanned: 2, leftOut: [{ reason: 'max-pages', count: 2 }] });
    expect(paths(report.coverage.leftOut[0].examples)).toEqual(['/draft.html', '/news/2026/item.html']);
    expect(readFileSync(join(dir, 'consent-gate.md'), 'utf8')).toContain('**Pages:** 4 pages found, 2 scanned, 2 left out.\n- found 4 pages; scanning the first 2');
    expect(readFileSync(join(dir, 'consent-gate.html'), 'utf8')).toContain('<p class="coverage">Pages: 4 pages found, 2 scanned, 2 left out. found 4 pages; scanning the first 2');
  });
});

describe('discovery counts what it leaves out', () => {
  let crawlSite: StaticServer;
  let sitemapSite: StaticServer;
  beforeAll(async () => {
    crawlSite = await startStatic(join(FIXTURES, 'crawl-site'));
    const dir = mkdtempSync(join(tmpdir(), 'cg-sitemaps-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Home</title>');
    writeFileSync(join(dir, 'a.html'), '<!doctype html><title>A</title>');
    writeFileSync(join(dir, 'sitemap.xml'), '<sitemapindex><sitemap><loc>https://prod.example/sitemap-a.xml</loc></sitemap><sitemap><loc>https://prod.example/sitemap-gone.xml</loc></sitemap></sitemapindex>');
    writeFileSync(join(dir, 'sitemap-a.xml'), '<urlset><url><loc>https://prod.example/a.html</loc></url></urlset>');
    sitemapSite = await startStatic(dir);
  });
  afterAll(async () => {
    await crawlSite?.close();
    await sitemapSite?.close();
  });

  it('a nested sitemap that cannot be read is named, not skipped in silence', async () => {
    const found = await discoverPages(sitemapSite.url, null, spec({ sitemap: 'auto', sitemapFind: 'https://prod.example/', sitemapReplace: sitemapSite.url }), direct);
    expect(paths(found.urls)).toEqual(['/', '/a.html']);
    expect(found.leftOut).toEqual([
      {
        reason: 'sitemap-unreadable',
        count: 1,
        examples: [`${sitemapSite.url}sitemap-gone.xml`],
        message: `1 nested sitemap could not be read (no 2xx answer, or not to its end), so the pages listed there were not scanned: ${sitemapSite.url}sitemap-gone.xml.`,
      },
    ]);
  });

  it('--exclude works on crawled and sitemap pages too, and says how many it took out', async () => {
    const found = await discoverPages(crawlSite.url, null, spec({ crawl: true, depth: 2, exclude: ['a/*'] }), direct);
    expect(paths(found.urls)).toEqual(['/', '/b/', '/b/page.html']);
    expect(found.leftOut.map((l) => [l.reason, l.count, paths(l.examples)])).toEqual([['excluded', 2, ['/a/', '/a/deep.html']]]);
  });

  it('--exclude in a static folder counts the files it took out; --include without one says it does nothing', async () => {
    const site = await startStatic(join(FIXTURES, 'static-site'));
    try {
      const found = await discoverPages(site.url, site.root, spec({ exclude: ['news/**'] }), direct);
      expect(found.leftOut.map((l) => [l.reason, l.examples])).toEqual([['excluded', ['news/2026/item.html']]]);
      const url = await discoverPages(site.url, null, spec({ pages: ['/'], include: ['**/*.html'] }), direct);
      expect(url.notes).toEqual(['--include picks HTML files of a --static folder; without --static it has no effect (--exclude matches page paths).']);
    } finally {
      await site.close();
    }
  });
});
