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

/** Page URLs from a sitemap or a sitemap index (followed to nested sitemaps). */
export async function readSitemap(url: string, options: SitemapOptions): Promise<{ urls: string[]; notes: string[] }> {
  const rewrite = (u: string): string => (options.find ? u.split(options.find).join(options.replace ?? '') : u);
  const queue = [url];
  const seen = new Set<string>();
  const pages: string[] = [];
  while (queue.length > 0 && seen.size < MAX_SITEMAPS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const fetched = await fetchText(next, options.headers);
    if (fetched === null) {
      if (options.required && next === url) throw new GateError(`The sitemap ${url} could not be fetched (no 2xx answer). Check --sitemap, or leave it out.`);
      continue;
    }
    const entries = locs(fetched.text).map(rewrite);
    if (/<sitemapindex[\s>]/i.test(fetched.text)) queue.push(...entries);
    else pages.push(...entries);
  }
  const valid = pages.filter((p) => URL.canParse(p));
  const own = valid.filter((p) => new URL(p).origin === options.origin);
  const notes: string[] = [];
  const foreign = valid.length - own.length;
  if (foreign > 0) {
    notes.push(`${foreign} sitemap page(s) on another host were skipped${options.find ? '' : '; use --sitemap-find/--sitemap-replace to point a production sitemap at the preview'}.`);
  }
  return { urls: own, notes };
}
