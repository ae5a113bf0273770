/** Small URL facts every stage needs, spelled once. */
import { GateError } from './errors.js';

/** http(s) only: about:blank, data:, blob: and chrome: URLs are not the web we judge. */
export const isWebUrl = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//.test(url);

/** The document a URL names: DevTools reports request URLs without the fragment, Playwright with it. */
export const withoutFragment = (url: string): string => url.split('#')[0] ?? url;

/** The path of a page URL: how policies, baselines and globs name pages, whatever the preview host. */
export function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Path and query: how a page is named to a person, shorter than its full preview URL. */
export function pageLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** Origin and path: where a URL leads, without a query string's identifiers or a URL's credentials. */
export function placeOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin + parsed.pathname;
  } catch {
    return url;
  }
}

/** The host of a URL without IPv6 brackets, or '' when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/**
 * The same URL however it was written: no fragment, no default port, and no user:password@ (those
 * credentials must never be printed or stored; the target's are sent as a header instead).
 */
export function normalizeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** A page to scan is a full http(s) address or a path on the target: "example.com" is neither, and said so early. */
export function checkPageForm(page: string): void {
  if (/^https?:\/\//i.test(page) && URL.canParse(page)) return;
  if (page.startsWith('/')) return;
  throw new GateError(`"${page}" is not a URL or a path. Give a full address such as http://localhost:4173/, or a path such as /contact.`);
}
