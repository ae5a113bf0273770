import type { BrowserContext, Page } from 'playwright';
import type { RequestInitiator } from '../types.js';
import { isWebUrl, withoutFragment } from '../shared/url.js';

/**
 * Who made each request, from the DevTools protocol: Playwright's own API does not say. A tag
 * manager that injects a pixel shows up here as the script on the pixel request's stack.
 */

interface CdpStack {
  callFrames: { url: string; lineNumber: number }[];
  parent?: CdpStack;
}

/** The fields of Network.requestWillBeSent that we read. */
export interface WillBeSent {
  request: { url: string };
  initiator: { type: string; url?: string; lineNumber?: number; stack?: CdpStack };
  redirectResponse?: { url: string };
}

export function initiatorOf(event: WillBeSent): RequestInitiator {
  if (event.redirectResponse) return { type: 'redirect', url: event.redirectResponse.url, line: null };
  const { type, url, lineNumber, stack } = event.initiator;
  if (type === 'parser') return { type: 'html', url: isWebUrl(url) ? url : null, line: lineNumber === undefined ? null : lineNumber + 1 };
  if (type === 'script') {
    // The innermost web script, following async parents: `new Image().src = …` in a callback has an
    // empty synchronous stack and the script that scheduled it one level up.
    for (let level: CdpStack | undefined = stack; level; level = level.parent) {
      const frame = level.callFrames.find((f) => isWebUrl(f.url));
      if (frame) return { type: 'script', url: frame.url, line: frame.lineNumber + 1 };
    }
    return { type: 'script', url: null, line: null };
  }
  return { type: 'other', url: isWebUrl(url) ? url : null, line: null };
}

/**
 * Records the initiator of every request the page's renderer sends, same-process frames included.
 * Async stacks are switched on because without them a beacon sent from a timer or a pending script
 * is blamed on the document instead of the script that sent it.
 */
export async function watchInitiators(context: BrowserContext, page: Page, record: (url: string, initiator: RequestInitiator) => void): Promise<void> {
  const session = await context.newCDPSession(page);
  session.on('Network.requestWillBeSent', (event: WillBeSent) => record(withoutFragment(event.request.url), initiatorOf(event)));
  session.on('Network.webSocketCreated', (event: { url: string; initiator?: WillBeSent['initiator'] }) =>
    record(event.url, initiatorOf({ request: { url: event.url }, initiator: event.initiator ?? { type: 'other' } })),
  );
  await Promise.all([
    session.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 }),
    session.send('Runtime.enable'),
    session.send('Runtime.setAsyncCallStackDepth', { maxDepth: 8 }),
  ]);
}
