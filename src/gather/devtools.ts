import type { CDPSession, Page } from 'playwright';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Our own DevTools session with a page, beside Playwright's: for what Playwright does not offer (an
 * isolated world to run our scans in, a probe that does not depend on the page's scripts). One per page.
 */
export function pageSession(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}
