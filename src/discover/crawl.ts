import type { Network } from '../shared/network.js';
import type { TargetHeaders } from '../shared/origin-headers.js';
import { fetchText } from './fetch.js';

export interface CrawlOptions {
  depth: number;
  maxPages: number;
  headers: TargetHeaders | undefined;
  network: Network;
}

export interface Crawled {
  /** The start page first, then the pages found, level by level. */
  pages: string[];
  /** Pages the crawl could not read (no 2xx answer, a network error), so their links were not followed. */
  unreadable: { url: string; failure: string }[];
}

// Visiting these would end a session or download a file, not show a page.
const LOGOUT = /(log-?out|sign-?out|uitloggen|afmelden|abmelden|deconnexion|d%C3%A9connexion)/i;
const DOWNLOAD = /\.(pdf|zip|gz|tgz|rar|7z|docx?|xlsx?|pptx?|odt|ods|csv|jpe?g|png|gif|svg|webp|mp[34]|mov|avi|exe|dmg|iso|ics|xml|json|txt)$/i;

function links(html: string, page: string): string[] {
  const hrefs = [...html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim());
  const out: string[] = [];
  for (const href of hrefs) {
    if (!href || /^(mailto|tel|javascript|data):/i.test(href)) continue;
    try {
      const url = new URL(href, page);
      url.hash = '';
      out.push(url.href);
    } catch {
      // Not a URL: skip.
    }
  }
  return out;
}

/**
 * Breadth-first over same-origin links, level by level with each level sorted, so the same site
 * gives the same pages on every run. Reads server HTML: links that only scripts add are not followed.
 */
export async function crawl(start: string, options: CrawlOptions): Promise<Crawled> {
  const origin = new URL(start).origin;
  const visited = new Set<string>([start]);
  const unreadable: Crawled['unreadable'] = [];
  let level = [start];
  for (let depth = 0; depth < options.depth && visited.size < options.maxPages; depth++) {
    const next = new Set<string>();
    for (const page of level) {
      const fetched = await fetchText(page, options.headers, options.network);
      if ('failure' in fetched) {
        unreadable.push({ url: page, failure: fetched.failure });
        continue;
      }
      if (!fetched.type.includes('html')) continue;
      for (const link of links(fetched.text, fetched.url)) {
        const url = new URL(link);
        if (url.origin !== origin || visited.has(link) || LOGOUT.test(url.pathname + url.search) || DOWNLOAD.test(url.pathname)) continue;
        next.add(link);
      }
    }
    level = [...next].sort().slice(0, options.maxPages - visited.size);
    for (const url of level) visited.add(url);
  }
  return { pages: [...visited], unreadable };
}
