import type { CDPSession, Frame, Page } from 'playwright';
import { isWebUrl } from '../shared/url.js';
import { withTimeout } from '../shared/time.js';
import { pageSession } from './devtools.js';

/**
 * Our in-page functions (the banner scan, the storage listing, the link to follow) run in an isolated
 * world: the same DOM, none of the page's JavaScript. A page that redefines Array.from,
 * getComputedStyle, querySelectorAll or JSON.stringify (a polyfill, or on purpose) changes its own world
 * only; a scan run in the page's world would believe it and, say, find no banner. Playwright's
 * evaluate() runs in the page's world, so this goes through our own DevTools sessions.
 */
export interface FrameTarget {
  session: CDPSession;
  frameId: string;
  url: string;
  main: boolean;
}

interface FrameTree {
  frame: { id: string; url: string; urlFragment?: string };
  childFrames?: FrameTree[];
}

function flatten(tree: FrameTree, session: CDPSession, main: boolean): FrameTarget[] {
  return [{ session, frameId: tree.frame.id, url: tree.frame.url + (tree.frame.urlFragment ?? ''), main }, ...(tree.childFrames ?? []).flatMap((child) => flatten(child, session, false))];
}

/** Frames in a process of their own (another site's iframe) have a DevTools session of their own. */
const ownSessions = new WeakMap<Frame, { url: string; session: CDPSession | null }>();

async function ownSession(frame: Frame): Promise<CDPSession | null> {
  const known = ownSessions.get(frame);
  // A frame that navigated may have moved to another process: ask again.
  if (known && known.url === frame.url()) return known.session;
  const session = await frame.page().context().newCDPSession(frame).catch(() => null);
  ownSessions.set(frame, { url: frame.url(), session });
  return session;
}

const originOf = (url: string): string => (URL.canParse(url) ? new URL(url).origin : url);

/**
 * Every frame of a page that shows a web document, the main frame first, each with the session that
 * reaches it. `onePerOrigin`: per session, only the first frame of each origin, and a session of its
 * own only for the first frame of each origin: for what frames of one origin share (their storage),
 * 500 frames from one site are one question, not 500 sessions.
 */
export async function frameTargets(page: Page, { onePerOrigin = false } = {}): Promise<FrameTarget[]> {
  const firstOfOrigin = (targets: FrameTarget[]): FrameTarget[] => {
    const web = targets.filter((target) => isWebUrl(target.url));
    if (!onePerOrigin) return web;
    // One pass: this runs on every idle probe of every settle, and a page may hold 500 frames.
    const seen = new Set<string>();
    return web.filter((target) => !seen.has(originOf(target.url)) && Boolean(seen.add(originOf(target.url))));
  };
  const main = await pageSession(page);
  const trees: FrameTarget[][] = [firstOfOrigin(flatten((await main.send('Page.getFrameTree')).frameTree, main, true))];
  const ownOrigins = new Set<string>();
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || !isWebUrl(frame.url())) continue;
    if (onePerOrigin && ownOrigins.has(originOf(frame.url()))) continue;
    ownOrigins.add(originOf(frame.url()));
    const session = await ownSession(frame);
    if (!session) continue;
    trees.push(firstOfOrigin(flatten((await session.send('Page.getFrameTree')).frameTree, session, false)));
  }
  return trees.flat();
}


/** The frame went away or navigated while we asked: nothing was there to see, which is no failure of ours. */
export const FRAME_GONE = /No frame|not found|Cannot find context|context was destroyed|Target closed|Session closed|detached/i;

/**
 * Runs `fn(arg)` in a new isolated world of the frame and returns its value (plain data). Throws when
 * the function throws, the frame is gone (FRAME_GONE) or no answer comes within `timeoutMs`.
 */
export async function evaluateIsolated<A, R>(target: FrameTarget, fn: (arg: A) => R | Promise<R>, arg: A, timeoutMs: number): Promise<R> {
  const run = async (): Promise<R> => {
    const { executionContextId } = await target.session.send('Page.createIsolatedWorld', { frameId: target.frameId, worldName: 'consent-gate' });
    const { result, exceptionDetails } = await target.session.send('Runtime.callFunctionOn', {
      functionDeclaration: fn.toString(),
      executionContextId,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description?.split('\n')[0] ?? exceptionDetails.text);
    return result.value as R;
  };
  const answer = await withTimeout(run().then((value) => ({ value })), timeoutMs);
  if (!answer) throw new Error(`no answer from the page within ${timeoutMs / 1000} s`);
  return answer.value;
}

/** The page's main frame, as a target for evaluateIsolated(). */
export async function mainFrameTarget(page: Page): Promise<FrameTarget> {
  const session = await pageSession(page);
  const { frameTree } = await session.send('Page.getFrameTree');
  return { session, frameId: frameTree.frame.id, url: frameTree.frame.url, main: true };
}

/** evaluateIsolated() in the page's main frame. */
export async function evaluateInPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A, timeoutMs: number): Promise<R> {
  return evaluateIsolated(await mainFrameTarget(page), fn, arg, timeoutMs);
}
