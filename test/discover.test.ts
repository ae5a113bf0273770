// Which pages: the same site gives the same list on every run.
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPages, type DiscoverSpec } from '../src/discover/index.js';
import { gateNetwork } from '../src/shared/network.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { runCli } from './support/cli.js';
import { ROOT } from './support/fixtures.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
let site: StaticServer;
let crawlSite: StaticServer;

beforeAll(async () => {
  site = await startStatic(join(FIXTURES, 'static-site'));
  crawlSite = await startStatic(join(FIXTURES, 'crawl-site'));
});
afterAll(async () => {
  await site?.close();
  await crawlSite?.close();
});

const spec = (extra: Partial<DiscoverSpec>): DiscoverSpec => ({ pages: [], include: [], exclude: [], crawl: false, depth: 1, maxPages: 10, ...extra });
/** No browser flags, no proxy in the environment: straight to loopback. */
const direct = gateNetwork([], {});
const paths = (urls: string[]): string[] => urls.map((u) => new URL(u).pathname);

describe('sitemaps', () => {
  it('follow a sitemap index and rewrite the production host to the preview', async () => {
    const found = await discoverPages(site.url, null, spec({ sitemap: 'auto', sitemapFind: 'https://www.gemeente-voorbeeld.nl/', sitemapReplace: site.url }), direct);
    expect(paths(found.urls)).toEqual(['/', '/about/', '/news/2026/item.html']);
    expect(found.leftOut).toEqual([]);
  });

  it('skip pages on another host, and say so with the way to fix it', async () => {
    // Without the rewrite the index's own nested sitemap is on the production host, so nothing is read.
    const found = await discoverPages(site.url, null, spec({ sitemap: `${site.url}sitemap-pages.xml` }), direct);
    expect(paths(found.urls)).toEqual(['/']);
    expect(found.leftOut).toEqual([
      {
        reason: 'other-host',
        count: 3,
        examples: ['https://www.gemeente-voorbeeld.nl/', 'https://www.gemeente-voorbeeld.nl/about/', 'https://www.gemeente-voorbeeld.nl/news/2026/item.html'],
        message: '3 sitemap page(s) on another host (www.gemeente-voorbeeld.nl) were skipped; use --sitemap-find/--sitemap-replace to point a production sitemap at the preview.',
      },
    ]);
  });

  it('reads a sitemap of 1,500,000 pages in bounded memory, scans what --max-pages allows and says how many it found', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cg-big-sitemap-'));
    const page = (body: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
    writeFileSync(join(folder, 'index.html'), page('<h1>Home</h1><a href="/cookies.html">Cookie policy</a>'));
    writeFileSync(join(folder, 'cookies.html'), page('<h1>Cookie policy</h1>'));
    const big = await startStatic(folder);
    try {
      // 81 MB of sitemap: read whole, as text and then as a list, it needs several times the 64 MB heap
      // the CLI gets here (the reader before this one died of it).
      const out = openSync(join(folder, 'sitemap.xml'), 'w');
      writeSync(out, '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n');
      for (let batch = 0; batch < 150; batch++) {
        writeSync(out, Array.from({ length: 10_000 }, (_, i) => `<url><loc>${big.url}p/${batch * 10_000 + i}/</loc></url>\n`).join(''));
      }
      writeSync(out, '</urlset>\n');
      closeSync(out);
      const run = await runCli(['scan', '--url', big.url, '--sitemap', 'auto', '--max-pages', '1', '--phases', 'initial'], {
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=64' },
        timeoutMs: 150_000,
      });
      // The start page plus the 1,500,000 of the sitemap; only the start page is scanned.
      expect(run.stderr).toContain('note: found 1,500,001 pages; scanning the first 1 (start page, then sorted). Raise --max-pages to scan more.');
      expect(run.stdout).toMatch(new RegExp(`✓ ${big.url.replace(/\./g, '\\.')}\\s`));
      expect(run.code).toBe(0);
    } finally {
      await big.close();
    }
  }, 180_000);

  it('is an error when asked for and missing', async () => {
    await expect(discoverPages(crawlSite.url, null, spec({ sitemap: 'auto' }), direct)).rejects.toThrow(`The sitemap ${crawlSite.url}sitemap.xml could not be fetched`);
  });
});

describe('crawling', () => {
  it('follows same-site links to depth 2, skipping logout, downloads, mail and other hosts, in a stable order', async () => {
    const first = await discoverPages(crawlSite.url, null, spec({ crawl: true, depth: 2 }), direct);
    expect(paths(first.urls)).toEqual(['/', '/a/', '/a/deep.html', '/b/', '/b/page.html']);
    const second = await discoverPages(crawlSite.url, null, spec({ crawl: true, depth: 2 }), direct);
    expect(second.urls).toEqual(first.urls);
  });

  it('stops at --max-pages and says how many it left out', async () => {
    const found = await discoverPages(crawlSite.url, null, spec({ crawl: true, depth: 3, maxPages: 3 }), direct);
    expect(paths(found.urls)).toEqual(['/', '/a/', '/b/']);
  });

  it('is the default without a sitemap: the start page plus one level of links', async () => {
    const found = await discoverPages(crawlSite.url, null, spec({}), direct);
    expect(paths(found.urls)).toEqual(['/', '/a/', '/b/']);
  });
});

describe('explicit pages and globs', () => {
  it('normalises, dedupes and keeps the start page first', async () => {
    const found = await discoverPages(site.url, null, spec({ pages: ['/news/2026/item.html#x', '/about/', '/news/2026/item.html', '/'] }), direct);
    expect(paths(found.urls)).toEqual(['/', '/about/', '/news/2026/item.html']);
  });

  it('maps a static folder to routes, and caps what a glob finds with a note', async () => {
    const all = await discoverPages(site.url, site.root, spec({}), direct);
    expect(paths(all.urls)).toEqual(['/', '/about/', '/draft.html', '/news/2026/item.html']);
    const capped = await discoverPages(site.url, site.root, spec({ maxPages: 2 }), direct);
    expect(paths(capped.urls)).toEqual(['/', '/about/']);
    expect(capped.leftOut.map((l) => [l.reason, l.count, l.message])).toEqual([['max-pages', 2, 'found 4 pages; scanning the first 2 (start page, then sorted). Raise --max-pages to scan more.']]);
  });

  it('rejects a page that is neither a URL nor a path', async () => {
    await expect(discoverPages(null, null, spec({ pages: ['example.com'] }), direct)).rejects.toThrow('"example.com" is not a URL or a path.');
  });
});
