import { pageLabel } from '../shared/url.js';
import type { GatheredRequest } from '../types.js';

/** The browser cancelling a request (a navigation, a replaced image) says nothing about the server. */
const CANCELLED = /ERR_ABORTED/;

function failedHow(request: GatheredRequest): string | null {
  if (request.status !== null && request.status >= 400) return `answered HTTP ${request.status}`;
  if (request.failure !== null && !CANCELLED.test(request.failure)) return `failed (${request.failure})`;
  return null;
}

/**
 * Why the page did not run as built, or null: one of its own scripts or stylesheets did not load. Then
 * the trackers that code would add are unseen, so a clean-looking scan proves nothing; a site built for
 * a base path and served from the root looks exactly like this.
 */
export function brokenOwnAssets(requests: readonly GatheredRequest[], pageUrl: string): string | null {
  const host = new URL(pageUrl).host;
  const broken = requests.flatMap((request) => {
    if (request.frameUrl !== null || (request.resourceType !== 'script' && request.resourceType !== 'stylesheet')) return [];
    if (new URL(request.url).host !== host) return [];
    const how = failedHow(request);
    return how ? [`${request.resourceType} ${pageLabel(request.url)} ${how}`] : [];
  });
  if (broken.length === 0) return null;
  const more = broken.length > 1 ? ` (and ${broken.length - 1} more of its own scripts or stylesheets)` : '';
  return `the page's own ${broken[0]}${more}, so it did not run as built and what it loads before consent is unknown. Check the build, and with --static its base path (--base-path).`;
}
