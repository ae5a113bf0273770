import type { BrowserContext, CDPSession, Page } from 'playwright';
import { headersFor, type TargetHeaders } from '../shared/origin-headers.js';

/** The fields of Fetch.requestPaused that we read. */
interface Paused {
  requestId: string;
  request: { url: string; headers: Record<string, string> };
}

/** `*` and `?` are wildcards in DevTools URL patterns, `\` escapes them. */
const patternFor = (origin: string): string => `${origin.replace(/[*?\\]/g, '\\$&')}/*`;

async function pauseEachHop(context: BrowserContext, page: Page, target: TargetHeaders): Promise<void> {
  const session: CDPSession = await context.newCDPSession(page);
  session.on('Fetch.requestPaused', (event: Paused) => {
    const extra = headersFor(event.request.url, target);
    const names = new Set(Object.keys(extra).map((name) => name.toLowerCase()));
    // Cookies are the browser's to add; an override that carried them could only make them stale.
    const kept = Object.entries(event.request.headers).filter(([name]) => !names.has(name.toLowerCase()) && name.toLowerCase() !== 'cookie');
    const headers = [...kept, ...Object.entries(extra)].map(([name, value]) => ({ name, value }));
    const plain = (): Promise<unknown> => session.send('Fetch.continueRequest', { requestId: event.requestId });
    // A paused request left paused hangs the page: when the browser refuses the headers, it goes without.
    const sent = names.size > 0 ? session.send('Fetch.continueRequest', { requestId: event.requestId, headers }).catch(plain) : plain();
    sent.catch(() => undefined); // The page closed meanwhile.
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: patternFor(target.origin), requestStage: 'Request' }] });
}

/**
 * Adds the user's headers to each request on the target's origin, and to no other. Playwright's
 * route.continue() would copy them to every hop of a redirect chain, to whatever host it leads; the
 * DevTools Fetch domain pauses every hop as a request of its own and its overrides end at the hop, so
 * a redirect to another origin goes out without them. Pop-ups get the same; a pop-up's first request
 * may leave before it is watched, and then goes without the headers, never with them elsewhere.
 */
export async function sendTargetHeaders(context: BrowserContext, page: Page, target: TargetHeaders | undefined): Promise<void> {
  if (!target) return;
  context.on('page', (popup) => {
    if (popup !== page) pauseEachHop(context, popup, target).catch(() => undefined);
  });
  await pauseEachHop(context, page, target);
}
