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
/** The protocol allows 50 MB per sitemap: reading one may take longer than fetching a page. */
const SITEMAP_TIMEOUT_MS = 60_000;
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

/** What one sitemap lists: pages on the origin (the smallest kept, all counted), other sitemaps, pages elsewhere. */
interface OneSitemap {
  pages: Smallest;
  sitemaps: string[];
  foreign: number;
}

/** Reads a sitemap to its end, or throws: a count from part of a sitemap would be a wrong count. */
async function readOne(body: ReadableStream<Uint8Array>, options: SitemapOptions, room: number): Promise<OneSitemap> {
  const read: OneSitemap = { pages: new Smallest(options.keep), sitemaps: [], foreign: 0 };
  for await (const { loc, index } of entries(body)) {
    const entry = options.find ? loc.split(options.find).join(options.replace ?? '') : loc;
    if (!URL.canParse(entry)) continue;
    // Only the sitemaps that will be read are kept: an index may list thousands.
    if (index) {
      if (read.sitemaps.length < room) read.sitemaps.push(entry);
    } else if (new URL(entry).origin === options.origin) read.pages.add(normalizeUrl(entry));
    else read.foreign++;
  }
  return read;
}

/** Page URLs from a sitemap or a sitemap index (followed to nested sitemaps). */
export async function readSitemap(url: string, options: SitemapOptions): Promise<SitemapPages> {
  const queue = [url];
  const seen = new Set<string>();
  const pages = new Smallest(options.keep);
  const notes: string[] = [];
  let foreign = 0;
  while (queue.length > 0 && seen.size < MAX_SITEMAPS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const fetched = await fetchFollowing(next, options.headers, SITEMAP_TIMEOUT_MS);
    if (fetched === null || fetched.response.body === null) {
      if (options.required && next === url) throw new GateError(`The sitemap ${url} could not be fetched (no 2xx answer). Check --sitemap, or leave it out.`);
      continue;
    }
    let read: OneSitemap;
    try {
      read = await readOne(fetched.response.body, options, MAX_SITEMAPS - seen.size - queue.length);
    } catch {
      const why = `could not be read to its end within ${SITEMAP_TIMEOUT_MS / 1000} s`;
      if (options.required && next === url) throw new GateError(`The sitemap ${url} ${why}. Check that it answers in full, or leave --sitemap out.`);
      notes.push(`the sitemap ${next} ${why}; its pages were left out.`);
      continue;
    }
    pages.absorb(read.pages);
    queue.push(...read.sitemaps);
    foreign += read.foreign;
  }
  if (foreign > 0) {
    notes.push(`${foreign} sitemap page(s) on another host were skipped${options.find ? '' : '; use --sitemap-find/--sitemap-replace to point a production sitemap at the preview'}.`);
  }
  return { urls: pages.values(), listed: pages.offered, notes };
}
