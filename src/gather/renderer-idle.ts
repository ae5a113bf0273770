import type { Page } from 'playwright';
import type { Settings } from '../config/settings.js';
import { withTimeout } from '../shared/time.js';
import { evaluateIsolated, frameTargets } from './isolated.js';
import type { IdleProbe } from './settle.js';

/**
 * Asks each renderer process the page's frames live in for an idle callback. The renderer calls it
 * once it has nothing else to run, so the tasks queued before the question (the script a response
 * just delivered, the callbacks it set off, the requests they start) have run when it answers. It
 * runs in our isolated world, where requestIdleCallback is the browser's own and not the fake clock's.
 * The callback's own timeout ends the wait on a renderer that is never idle (an animation run in
 * real time); that answer still counts, the quiet window before it being all the proof there is.
 */
export function rendererIdle(page: Page, limits: Pick<Settings, 'idleCheckMs' | 'pageScanMs'>): IdleProbe {
  return async (budgetMs) => {
    const budget = Math.min(budgetMs, limits.pageScanMs);
    const ask = async (): Promise<boolean> => {
      // Frames of one origin share a renderer: 500 frames from one site are one question, not 500 sessions.
      const targets = await frameTargets(page, { onePerOrigin: true });
      // One frame per DevTools session: frames that share a session share a renderer.
      const perRenderer = targets.filter((target, index) => targets.findIndex((t) => t.session === target.session) === index);
      await Promise.all(
        perRenderer.map((target) =>
          evaluateIsolated(target, (timeout: number) => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout })), Math.min(budget, limits.idleCheckMs), budget),
        ),
      );
      return true;
    };
    // Bounded as a whole, finding the frames too: a browser busy with a flood of windows may take long
    // to list them. False (the page navigated, a frame went away, no answer in time) proves nothing:
    // the caller asks again within what its wait has left.
    return (await withTimeout(ask().catch(() => false), budget)) ?? false;
  };
}
