import type { Page, Request } from 'playwright';
import { placeOf } from '../shared/url.js';

export interface Landing {
  /** Why the page the visitor was last sent to could not be scanned; null when it loaded. */
  failure(): string | null;
}

/**
 * Follows the visitor's top-level navigations. A page that sends the visitor on (by script or
 * <meta http-equiv=refresh>) is scanned where it lands; when that answers 4xx/5xx or cannot be loaded
 * at all, the page the visitor ends up on was never observed: as incomplete a scan as a first answer
 * of 404. Only the last navigation counts; an aborted one (superseded, a 204, a download) leads nowhere.
 */
export function watchLanding(page: Page): Landing {
  let last: string | null = null;
  const mainNavigation = (request: Request): boolean => {
    try {
      return request.isNavigationRequest() && request.frame() === page.mainFrame();
    } catch {
      return false; // A service worker's request has no frame.
    }
  };
  page.on('response', (response) => {
    if (!mainNavigation(response.request())) return;
    const status = response.status();
    // A redirect is followed by the request it points to, which decides.
    if (status >= 300 && status < 400) return;
    last = status >= 400 ? `the page sent the visitor on to ${placeOf(response.url())}, which answered HTTP ${status}: the page the visitor lands on could not be scanned` : null;
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    if (!mainNavigation(request) || error.includes('ERR_ABORTED')) return;
    last = `the page sent the visitor on to ${placeOf(request.url())}, which could not be loaded (${error}): the page the visitor lands on could not be scanned`;
  });
  return { failure: () => last };
}
