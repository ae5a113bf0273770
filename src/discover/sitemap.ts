import { GateError } from '../shared/errors.js';
import type { TargetHeaders } from '../shared/origin-headers.js';
import { fetchText } from './fetch.js';

export interface SitemapOptions {
  /** Only pages on this origin are kept: the preview's. */
  origin: string;
  headers: TargetHeaders | undefined;
  /** pa11y-ci's rewrite: a production sitemap pointed at the preview. */
  find?: string;
  replace?: string;
  /** When the user asked for the sitemap, its absence is an error, not a shrug. */
  required: boolean;
}

const MAX_SITEMAPS = 50;

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

export interface SitemapPages {
  /** Pages on the target's origin. */
  urls: string[];
  /** Pages listed on another host, left out. */
  foreign: string[];
  /** Nested sitemaps that gave no 2xx answer: their pages are unknown. */
  unreadable: string[];
}

/** Page URLs from a sitemap or a sitemap index (followed to nested sitemaps). */
export async function readSitemap(url: string, options: SitemapOptions): Promise<SitemapPages> {
  const rewrite = (u: string): string => (options.find ? u.split(options.find).join(options.replace ?? '') : u);
  const queue = [url];
  const seen = new Set<string>();
  const pages: string[] = [];
  const unreadable: string[] = [];
  while (queue.length > 0 && seen.size < MAX_SITEMAPS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const fetched = await fetchText(next, options.headers);
    if (fetched === null) {
      if (next !== url) unreadable.push(next);
      else if (options.required) throw new GateError(`The sitemap ${url} could not be fetched (no 2xx answer). Check --sitemap, or leave it out.`);
      continue;
    }
    const entries = locs(fetched.text).map(rewrite);
    // One at a time, not push(...entries): spreading a sitemap of 100,000s of pages overflows the call stack.
    const into = /<sitemapindex[\s>]/i.test(fetched.text) ? queue : pages;
    for (const entry of entries) into.push(entry);
  }
  const valid = pages.filter((p) => URL.canParse(p));
  const own = (p: string): boolean => new URL(p).origin === options.origin;
  return { urls: valid.filter(own), foreign: valid.filter((p) => !own(p)), unreadable };
}
