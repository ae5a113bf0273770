import type { ReadableStream } from 'node:stream/web';
import { GateError } from '../shared/errors.js';
import type { Network } from '../shared/network.js';
import type { TargetHeaders } from '../shared/origin-headers.js';
import { normalizeUrl } from '../shared/url.js';
import { fetchFollowing } from './fetch.js';
import { Smallest } from './smallest.js';

export interface SitemapOptions {
  /** Only pages on this origin are kept: the preview's. */
  origin: string;
  headers: TargetHeaders | undefined;
  network: Network;
  /** How many pages to keep: the smallest, as the sorted page list would take them. */
  keep: number;
  /** Pages the user left out (--exclude): counted apart, never kept. */
  excluded: (url: string) => boolean;
  /** pa11y-ci's rewrite: a production sitemap pointed at the preview. */
  find?: string;
  replace?: string;
  /** When the user asked for the sitemap, its absence is an error, not a shrug. */
  required: boolean;
}

export interface SitemapPages {
  /** Pages on the origin, at most `keep` of them (the first in sorted order), each counted in `pages.offered`. */
  pages: Smallest;
  /** Pages listed on another host: a few by name, all counted. */
  foreign: Smallest;
  /** Pages that matched --exclude: a few by name, all counted. */
  excluded: Smallest;
  /** Nested sitemaps that could not be read to their end: their pages are unknown. */
  unreadable: string[];
}

const MAX_SITEMAPS = 50;
/** The protocol allows 50 MB per sitemap: reading one may take longer than fetching a page. */
const SITEMAP_TIMEOUT_MS = 60_000;
const LOC = /<loc>\s*([^<\s]+)\s*<\/loc>/gi;
/** A sitemap URL is at most 2,048 characters; text this long without a whole <loc> holds none worth reading. */
const MAX_PENDING = 16_384;
/** How many left-out pages a report names. */
const EXAMPLES = 5;

/** Characters a URL parser leaves as they are in a path or query. */
const PLAIN = /^[A-Za-z0-9\-._~/?=&:+,;!*'()$]*$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?]|$)/;

/**
 * Whether a URL on the origin is already written as the URL parser would write it: most of a large
 * sitemap is, and skipping the parser for those makes reading a million entries several times faster.
 */
function plainOnOrigin(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) && PLAIN.test(url) && !DOT_SEGMENT.test(url);
}

/**
 * The <loc> entries of a sitemap as they arrive, so a sitemap of any size is read in bounded memory.
 * `index` says whether they name sitemaps (a sitemap index) or pages.
 */
async function* entries(body: ReadableStream<Uint8Array>): AsyncGenerator<{ loc: string; index: boolean }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let index: boolean | null = null;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      pending += decoder.decode(value, { stream: true });
      let end = 0;
      for (const match of pending.matchAll(LOC)) {
        index ??= /<sitemapindex[\s>]/i.test(pending.slice(0, match.index));
        yield { loc: match[1]!.replace(/&amp;/g, '&'), index };
        end = match.index + match[0].length;
      }
      pending = pending.slice(end);
      if (pending.length > MAX_PENDING) pending = pending.slice(-MAX_PENDING);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Page URLs from a sitemap or a sitemap index (followed to nested sitemaps), read as they arrive. */
export async function readSitemap(url: string, options: SitemapOptions): Promise<SitemapPages> {
  const found: SitemapPages = { pages: new Smallest(options.keep), foreign: new Smallest(EXAMPLES), excluded: new Smallest(EXAMPLES), unreadable: [] };
  const rewrite = (loc: string): string => (options.find ? loc.split(options.find).join(options.replace ?? '') : loc);
  const queue = [url];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < MAX_SITEMAPS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const fetched = await fetchFollowing(next, options.headers, options.network, SITEMAP_TIMEOUT_MS);
    if ('failure' in fetched || fetched.response.body === null) {
      if (next !== url) found.unreadable.push(next);
      else if (options.required) throw new GateError(`The sitemap ${url} could not be fetched (${'failure' in fetched ? fetched.failure : 'an empty answer'}). Check --sitemap, or leave it out.`);
      continue;
    }
    // Into a sitemap of its own first: a count from part of a sitemap would be a wrong count.
    const one: SitemapPages = { pages: new Smallest(options.keep), foreign: new Smallest(EXAMPLES), excluded: new Smallest(EXAMPLES), unreadable: [] };
    const nested: string[] = [];
    let previous = '';
    try {
      for await (const { loc, index } of entries(fetched.response.body)) {
        const written = rewrite(loc);
        // Only the sitemaps that will be read are kept: an index may list thousands.
        if (index) {
          if (seen.size + queue.length + nested.length < MAX_SITEMAPS) nested.push(written);
          continue;
        }
        // A page listed again right after itself (with a #fragment, say) is one page. Repeats far apart
        // are counted twice: counting them exactly would take memory in proportion to the sitemap.
        const entry = plainOnOrigin(written, options.origin) ? written : URL.canParse(written) ? normalizeUrl(written) : null;
        if (entry === null || entry === previous) continue;
        previous = entry;
        if (!entry.startsWith(`${options.origin}/`)) one.foreign.add(entry);
        else if (options.excluded(entry)) one.excluded.add(entry);
        else one.pages.add(entry);
      }
    } catch {
      const why = `could not be read to its end within ${SITEMAP_TIMEOUT_MS / 1000} s`;
      if (options.required && next === url) throw new GateError(`The sitemap ${url} ${why}. Check that it answers in full, or leave --sitemap out.`);
      found.unreadable.push(next);
      continue;
    }
    found.pages.absorb(one.pages);
    found.foreign.absorb(one.foreign);
    found.excluded.absorb(one.excluded);
    for (const sitemap of nested) queue.push(sitemap);
  }
  return found;
}
