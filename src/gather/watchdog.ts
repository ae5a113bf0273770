import type { Page } from 'playwright';
import { sleep, withTimeout } from '../shared/time.js';
import { pageSession } from './devtools.js';

const PROBE_EVERY_MS = 1_000;

/**
 * How long a page may leave the probe unanswered: twice --timeout, and never under 20 s, so a CI
 * machine starved of CPU for a while is not taken for a page that hangs.
 */
export const unresponsiveAfterMs = (timeoutMs: number): number => Math.max(2 * timeoutMs, 20_000);

export interface Watchdog {
  /** Rejects when the page stops answering; never settles otherwise. */
  unresponsive: Promise<never>;
  stop(): void;
}

/**
 * A renderer stuck in a script (an endless loop) or a browser flooded with work (100,000 history
 * entries in a row) answers nothing: evaluate() and the fake clock would wait until the visit's hard
 * limit. A trivial probe through DevTools, unanswered for `limitMs`, ends the visit then. The probe
 * runs no code of the page's, so the page cannot see or slow it; a navigation under way answers it
 * with an error, which is an answer too.
 */
export function watchResponsiveness(page: Page, limitMs: number): Watchdog {
  let stopped = false;
  const unresponsive = (async (): Promise<never> => {
    const session = await pageSession(page).catch(() => null);
    // Without a session there is no probe; the visit's hard limit still holds.
    while (session && !stopped) {
      const answered = await withTimeout(session.send('Runtime.evaluate', { expression: '0' }).then(() => true, () => true), limitMs);
      if (stopped) break;
      if (answered === null) {
        throw new Error(`the page stopped answering for ${limitMs / 1000} s: its scripts keep the browser busy (an endless loop, or a flood of history entries?)`);
      }
      await sleep(PROBE_EVERY_MS);
    }
    return new Promise<never>(() => undefined);
  })();
  // The visit races this promise; when the visit ends first, nobody is left to hear it.
  unresponsive.catch(() => undefined);
  return {
    unresponsive,
    stop: () => {
      stopped = true;
    },
  };
}
