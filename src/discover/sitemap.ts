import { GateError } from '../shared/errors.js';
import type { TargetHeaders } from '../shared/origin-headers.js';
import { normalizeUrl } from '../shared/url.js';
import { fetchFollowing } from './fetch.js';
import { Smallest } from './smallest.js';

export interface SitemapOptions {
  /** Only pages on this origin are kept: the preview's. */
  origin: string;
  headers: TargetHeaders | undefined;
  /** How many pages to keep: the smallest, as the sorted page list would take them. */
  keep: number;
  /** pa11y-ci's rewrite: a production sitemap pointed at the preview. */
  find?: string;
  replace?: string;
  /** When the user asked for the sitemap, its absence is an error, not a shrug. */
  required: boolean;
}

export interface SitemapPages {
  /** At most `keep` pages on the origin, sorted. */
  urls: string[];
  /** How many pages on the origin the sitemaps list, beyond `keep` too. */
  listed: number;
  notes: string[];
}

const MAX_SITEMAPS = 50;
const LOC = /<loc>\s*([^<\s]+)\s*<\/loc>/gi;
/** A sitemap URL is at most 2,048 characters; text this long without a whole <loc> holds none worth reading. */
const MAX_PENDING = 16_384;

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

/** Page URLs from a sitemap or a sitemap index (followed to nested sitemaps). */
export async function readSitemap(url: string, options: SitemapOptions): Promise<SitemapPages> {
  const rewrite = (u: string): string => (options.find ? u.split(options.find).join(options.replace ?? '') : u);
  const queue = [url];
  const seen = new Set<string>();
  const pages = new Smallest(options.keep);
  let foreign = 0;
  while (queue.length > 0 && seen.size < MAX_SITEMAPS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const fetched = await fetchFollowing(next, options.headers);
    if (fetched === null || fetched.response.body === null) {
      if (options.required && next === url) throw new GateError(`The sitemap ${url} could not be fetched (no 2xx answer). Check --sitemap, or leave it out.`);
      continue;
    }
    try {
      for await (const { loc, index } of entries(fetched.response.body)) {
        const entry = rewrite(loc);
        if (!URL.canParse(entry)) continue;
        // Only the sitemaps that will be read are queued: an index may list thousands.
        if (index) {
          if (seen.size + queue.length < MAX_SITEMAPS) queue.push(entry);
        } else if (new URL(entry).origin === options.origin) pages.add(normalizeUrl(entry));
        else foreign++;
      }
    } catch {
      // Cut off (the time limit, a dropped connection): the pages read so far still count.
    }
  }
  const notes: string[] = [];
  if (foreign > 0) {
    notes.push(`${foreign} sitemap page(s) on another host were skipped${options.find ? '' : '; use --sitemap-find/--sitemap-replace to point a production sitemap at the preview'}.`);
  }
  return { urls: pages.values(), listed: pages.offered, notes };
}
