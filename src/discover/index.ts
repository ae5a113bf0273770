import { glob } from 'tinyglobby';
import { GateError } from '../shared/errors.js';
import { globMatch } from '../shared/glob.js';
import { plural } from '../shared/text.js';
import type { Coverage, LeftOut, ShardCoverage } from '../types.js';
import type { TargetHeaders } from '../shared/origin-headers.js';
import type { Network } from '../shared/network.js';
import { checkPageForm, normalizeUrl } from '../shared/url.js';
import { crawl, type Crawled } from './crawl.js';
import { readSitemap } from './sitemap.js';

export interface DiscoverSpec {
  /** Paths on the target ("/contact") or full URLs: an explicit list. */
  pages: string[];
  /** Glob patterns over a static folder's HTML files. */
  include: string[];
  exclude: string[];
  /** Sitemap URL or path ("auto" tries /sitemap.xml), with pa11y-ci's host rewrite. */
  sitemap?: string;
  sitemapFind?: string;
  sitemapReplace?: string;
  crawl: boolean;
  depth: number;
  maxPages: number;
  /** Sent with discovery requests too (preview protection, basic auth). */
  headers?: TargetHeaders;
}

/** Enough to catch a template that loads a tracker, few enough to keep a scan of every push short. */
export const DEFAULT_MAX_PAGES = 10;
export const DEFAULT_DEPTH = 1;

export interface Discovered {
  urls: string[];
  /** What was found but not scanned, and why: a cap or a filter must never hide pages silently. */
  leftOut: LeftOut[];
  /** Other things the user should know about how the list was made. */
  notes: string[];
}

/**
 * Pages found are the ones listed to scan plus the pages left out (an unreadable sitemap's pages are
 * unknown). A shard scans only its part of that list.
 */
export function coverageOf(listed: number, leftOut: LeftOut[], shard?: ShardCoverage): Coverage {
  const pages = leftOut.filter((l) => l.reason !== 'sitemap-unreadable' && l.reason !== 'crawl-unreadable').reduce((sum, l) => sum + l.count, 0);
  return { found: listed + pages, scanned: shard ? shard.pages.length : listed, leftOut, ...(shard ? { shard } : {}) };
}

/** How many of what was left out a report lists by name. */
const EXAMPLES = 5;

/** A path is resolved under the site's base path (a site built for /my-repo/), unless it already starts with it. */
function resolvePage(page: string, base: string | null, basePath = '/'): string {
  checkPageForm(page);
  if (!page.startsWith('/')) return normalizeUrl(page);
  if (base === null) throw new GateError(`The page "${page}" is a path, but there is no target to resolve it against. Give --url, --static or --start.`);
  const path = page.startsWith(basePath) || `${page}/` === basePath ? page : basePath + page.slice(1);
  return normalizeUrl(new URL(path, base).href);
}

/** index.html → its folder's route; other .html files keep their name, as static hosts serve them. */
function routeOf(file: string): string {
  const path = `/${file.split('\\').join('/')}`;
  return path.replace(/(^|\/)index\.html?$/, '$1');
}

/** Start page first, then the rest sorted: the same site gives the same list on every run. */
function ordered(urls: Iterable<string>, start: string | null): string[] {
  const unique = [...new Set([...urls].map(normalizeUrl))].sort();
  return start && unique.includes(start) ? [start, ...unique.filter((u) => u !== start)] : unique;
}

/** Outside a static folder --exclude matches page paths: "news/*" and "/news/*" both leave out /news/…. */
function excludedPath(url: string, patterns: string[]): boolean {
  const path = new URL(url).pathname;
  return patterns.some((p) => globMatch(p, p.startsWith('/') ? path : path.slice(1)));
}

/** What was left out and why: `count` of them, at most the first few by name. */
function leftOut(reason: LeftOut['reason'], count: number, examples: string[], message: string): LeftOut {
  return { reason, count, examples: examples.slice(0, EXAMPLES), message };
}

/** What the crawl could not read, said: a crawl that read nothing must not look like a site of one page. */
function crawlNote(crawled: Crawled): LeftOut[] {
  const { unreadable } = crawled;
  if (unreadable.length === 0) return [];
  const first = unreadable[0]!;
  const message = `${plural(unreadable.length, 'page')} could not be fetched to follow ${unreadable.length === 1 ? 'its' : 'their'} links (${first.url}: ${first.failure}${unreadable.length > 1 ? ', …' : ''}), so pages linked only from there were not found.`;
  return [leftOut('crawl-unreadable', unreadable.length, unreadable.map((u) => u.url), message)];
}

/**
 * The pages to scan, with what was found but left out. `basePath` is the path the site was built for
 * (`/my-repo/` on GitHub Pages): page paths and the sitemap are looked for under it. Sitemaps and
 * crawled pages are fetched through `network`, where the browser's requests go.
 */
export async function discoverPages(base: string | null, staticRoot: string | null, spec: DiscoverSpec, network: Network, basePath = '/'): Promise<Discovered> {
  const start = base === null ? null : normalizeUrl(base);
  const notes: string[] = [];
  const skipped: LeftOut[] = [];
  const needStart = (): string => {
    if (start === null) throw new GateError('Finding pages by sitemap or crawl needs a start URL: give --url, --static or --start.');
    return start;
  };
  if (staticRoot === null && spec.include.length > 0) notes.push('--include picks HTML files of a --static folder; without --static it has no effect (--exclude matches page paths).');

  // 1. What was asked for, else every page of a static folder, else the start page.
  // concat, not push(...list): spreading a list of 100,000s of pages overflows the call stack.
  let found = spec.pages.map((page) => resolvePage(page, base, basePath));
  const explicit = found.length > 0;
  if (!explicit && staticRoot !== null) {
    const files = await globPages(staticRoot, spec);
    found = found.concat(files.kept.map((f) => resolvePage(routeOf(f), base, basePath)));
    if (files.excluded.length > 0) skipped.push(leftOut('excluded', files.excluded.length, files.excluded, `${plural(files.excluded.length, 'HTML file')} matched --exclude and were left out.`));
  }
  if (!explicit && staticRoot === null) found.push(needStart());
  // Nothing said at all: the start page, plus what the sitemap (or, without one, a shallow crawl) finds.
  const automatic = !explicit && staticRoot === null && spec.sitemap === undefined && !spec.crawl;
  let more: string[] = [];

  // 2. The sitemap, when asked for or automatic: read as it arrives, keeping only what could be scanned.
  const isExcluded = (url: string): boolean => spec.exclude.length > 0 && normalizeUrl(url) !== start && excludedPath(url, spec.exclude);
  let excluded: string[] = [];
  let excludedCount = 0;
  /** Sitemap pages counted but not kept: all beyond what --max-pages could scan. */
  let unkept = 0;
  if (spec.sitemap !== undefined || automatic) {
    const from = needStart();
    const sitemapUrl = new URL(spec.sitemap === undefined || spec.sitemap === 'auto' ? `${basePath}sitemap.xml` : spec.sitemap, from).href;
    const sitemap = await readSitemap(sitemapUrl, {
      origin: new URL(from).origin,
      headers: spec.headers,
      network,
      // The cap's worth, the start page, and the examples a report names of what is left out.
      keep: spec.maxPages + 1 + EXAMPLES,
      excluded: isExcluded,
      ...(spec.sitemapFind !== undefined ? { find: spec.sitemapFind, replace: spec.sitemapReplace ?? '' } : {}),
      required: spec.sitemap !== undefined,
    });
    const kept = sitemap.pages.values();
    more = more.concat(kept);
    unkept = sitemap.pages.offered - kept.length;
    excluded = sitemap.excluded.values();
    excludedCount = sitemap.excluded.offered;
    const { foreign } = sitemap;
    if (foreign.offered > 0) {
      const hosts = [...new Set(foreign.values().map((u) => new URL(u).host))].join(', ');
      const fix = spec.sitemapFind === undefined ? '; use --sitemap-find/--sitemap-replace to point a production sitemap at the preview' : '';
      skipped.push(leftOut('other-host', foreign.offered, foreign.values(), `${foreign.offered.toLocaleString('en')} sitemap page(s) on another host (${hosts}) were skipped${fix}.`));
    }
    if (sitemap.unreadable.length > 0) {
      skipped.push(leftOut('sitemap-unreadable', sitemap.unreadable.length, sitemap.unreadable, `${plural(sitemap.unreadable.length, 'nested sitemap')} could not be read (no 2xx answer, or not to its end), so the pages listed there were not scanned: ${sitemap.unreadable.slice(0, EXAMPLES).join(', ')}.`));
    }
    if (automatic && kept.length === 0) {
      const crawled = await crawl(from, { depth: DEFAULT_DEPTH, maxPages: spec.maxPages, headers: spec.headers, network });
      more = more.concat(crawled.pages);
      skipped.push(...crawlNote(crawled));
    }
  }

  // 3. The crawl, when asked for. One that could not read its start page found nothing: never a pass on one page.
  if (spec.crawl) {
    const from = needStart();
    const crawled = await crawl(from, { depth: spec.depth, maxPages: spec.maxPages, headers: spec.headers, network });
    const lost = crawled.unreadable.find((u) => u.url === from);
    if (lost) {
      throw new GateError(
        `The crawl could not fetch its start page ${from} (${lost.failure}), so it found no pages and nothing was checked (never a pass). Check that the site answers from here: the gate fetches it the way the browser does (its --host-resolver-rules and proxy). Or give the pages with --page.`,
        3,
      );
    }
    more = more.concat(crawled.pages);
    skipped.push(...crawlNote(crawled));
  }

  // --exclude takes out what sitemap and crawl found too, not only a static folder's files.
  const crawledOut = more.filter(isExcluded);
  excluded = ordered(excluded.concat(crawledOut), null);
  excludedCount += new Set(crawledOut.map(normalizeUrl)).size;
  if (excludedCount > 0) skipped.push(leftOut('excluded', excludedCount, excluded, `${plural(excludedCount, 'page')} matched --exclude and were left out.`));
  more = more.filter((url) => !isExcluded(url));

  // An explicit list is what the user asked for: all of it is scanned. --max-pages caps what was found.
  const asked = new Set(explicit ? found.map(normalizeUrl) : []);
  const candidates = ordered(explicit ? more : found.concat(more), start).filter((url) => !asked.has(url));
  const urls = ordered([...asked, ...candidates.slice(0, spec.maxPages)], start);
  if (urls.length === 0) throw new GateError('No pages to scan were found, so nothing was checked (never a pass). Give pages with --page, or check --include/--exclude.', 3);
  const beyond = candidates.slice(spec.maxPages);
  const beyondCount = beyond.length + unkept;
  if (beyondCount > 0) {
    const what = explicit
      ? `found ${plural(candidates.length + unkept, 'more page')} besides those listed; scanning the first ${spec.maxPages} of them (sorted).`
      : `found ${(candidates.length + unkept).toLocaleString('en')} pages; scanning the first ${spec.maxPages} (start page, then sorted).`;
    skipped.push(leftOut('max-pages', beyondCount, beyond, `${what} Raise --max-pages to scan more.`));
  }
  return { urls, leftOut: skipped, notes };
}

/** The HTML files --include picks, and those --exclude then takes out (404.html is no page a visitor asks for). */
async function globPages(root: string, spec: DiscoverSpec): Promise<{ kept: string[]; excluded: string[] }> {
  const patterns = spec.include.length > 0 ? spec.include : ['**/*.{html,htm}'];
  const page = (f: string): boolean => !/(^|\/)404\.html?$/.test(f);
  const all = (await glob(patterns, { cwd: root, ignore: ['**/node_modules/**'] })).filter(page);
  if (spec.exclude.length === 0) return { kept: all, excluded: [] };
  const kept = new Set(await glob(patterns, { cwd: root, ignore: ['**/node_modules/**', ...spec.exclude] }));
  return { kept: all.filter((f) => kept.has(f)), excluded: all.filter((f) => !kept.has(f)).sort() };
}
