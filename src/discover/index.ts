import { glob } from 'tinyglobby';
import { GateError } from '../shared/errors.js';
import type { TargetHeaders } from '../shared/origin-headers.js';
import { normalizeUrl } from '../shared/url.js';
import { crawl } from './crawl.js';
import { readSitemap, type SitemapPages } from './sitemap.js';

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
  /** Sent with discovery requests to the target's origin, and to no other (preview protection, basic auth). */
  headers?: TargetHeaders;
}

/** Enough to catch a template that loads a tracker, few enough to keep a scan of every push short. */
export const DEFAULT_MAX_PAGES = 10;
export const DEFAULT_DEPTH = 1;

export interface Discovered {
  urls: string[];
  /** What was found but not scanned, said out loud: a cap must never hide pages silently. */
  notes: string[];
}

function resolvePage(page: string, base: string | null): string {
  if (/^https?:\/\//i.test(page) && URL.canParse(page)) return normalizeUrl(page);
  if (!page.startsWith('/')) {
    throw new GateError(`"${page}" is not a URL or a path. Give a full address such as http://localhost:4173/, or a path such as /contact.`);
  }
  if (base === null) throw new GateError(`The page "${page}" is a path, but there is no target to resolve it against. Give --url, --static or --start.`);
  return normalizeUrl(new URL(page, base).href);
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

export async function discoverPages(base: string | null, staticRoot: string | null, spec: DiscoverSpec): Promise<Discovered> {
  const start = base === null ? null : normalizeUrl(base);
  const notes: string[] = [];
  /** The sitemap's pages: the first --max-pages kept, the rest only counted, so any size fits in memory. */
  let sitemap: SitemapPages | null = null;
  const needStart = (): string => {
    if (start === null) throw new GateError('Finding pages by sitemap or crawl needs a start URL: give --url, --static or --start.');
    return start;
  };

  // 1. What was asked for, else every page of a static folder, else the start page.
  // concat, not push(...list): spreading a list of 100,000s of pages overflows the call stack.
  let found = spec.pages.map((page) => resolvePage(page, base));
  const explicit = found.length > 0;
  if (!explicit && staticRoot !== null) found = found.concat(await globPages(staticRoot, spec, base));
  if (!explicit && staticRoot === null) found.push(needStart());
  // Nothing said at all: the start page, plus what the sitemap (or, without one, a shallow crawl) finds.
  const automatic = !explicit && staticRoot === null && spec.sitemap === undefined && !spec.crawl;

  // 2. The sitemap, when asked for or automatic.
  if (spec.sitemap !== undefined || automatic) {
    const from = needStart();
    const sitemapUrl = new URL(spec.sitemap === undefined || spec.sitemap === 'auto' ? '/sitemap.xml' : spec.sitemap, from).href;
    sitemap = await readSitemap(sitemapUrl, {
      origin: new URL(from).origin,
      headers: spec.headers,
      ...(spec.sitemapFind !== undefined ? { find: spec.sitemapFind, replace: spec.sitemapReplace ?? '' } : {}),
      keep: spec.maxPages,
      required: spec.sitemap !== undefined,
    });
    found = found.concat(sitemap.urls);
    notes.push(...sitemap.notes);
    if (automatic && sitemap.urls.length === 0) {
      found = found.concat(await crawl(from, { depth: DEFAULT_DEPTH, maxPages: spec.maxPages, headers: spec.headers }));
    }
  }

  // 3. The crawl, when asked for.
  if (spec.crawl) found = found.concat(await crawl(needStart(), { depth: spec.depth, maxPages: spec.maxPages, headers: spec.headers }));

  const all = ordered(found, start);
  if (all.length === 0) throw new GateError('No pages to scan were found. Give pages with --page, or check --include/--exclude.');
  const unkept = sitemap ? sitemap.listed - sitemap.urls.length : 0;
  const total = all.length + unkept;
  // An explicit list is what the user asked for: scan all of it, and of a sitemap beside it what --max-pages allows.
  if (explicit) {
    if (sitemap && unkept > 0) {
      notes.push(`the sitemap lists ${sitemap.listed.toLocaleString('en')} pages; scanning the first ${sitemap.urls.length} of them (sorted) beside the pages given. Raise --max-pages to scan more.`);
    }
    return { urls: all, notes };
  }
  if (total <= spec.maxPages) return { urls: all, notes };
  notes.push(`found ${total.toLocaleString('en')} pages; scanning the first ${spec.maxPages} (start page, then sorted). Raise --max-pages to scan more.`);
  return { urls: all.slice(0, spec.maxPages), notes };
}

async function globPages(root: string, spec: DiscoverSpec, base: string | null): Promise<string[]> {
  const files = await glob(spec.include.length > 0 ? spec.include : ['**/*.{html,htm}'], {
    cwd: root,
    ignore: ['**/node_modules/**', ...spec.exclude],
  });
  // 404.html is the error page, not a page a visitor asks for.
  return files.filter((f) => !/(^|\/)404\.html?$/.test(f)).map((f) => resolvePage(routeOf(f), base));
}
