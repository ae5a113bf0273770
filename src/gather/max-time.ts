import { withTimeout } from '../shared/time.js';
import type { Phase } from '../types.js';
import { emptyScan, type SessionResult } from './visit/session.js';

/** One minute plus two per page (more with a longer page timeout): a backstop a healthy run never meets. */
export function defaultMaxTimeMs(pages: number, timeoutMs: number): number {
  return 60_000 + pages * Math.max(120_000, 4 * timeoutMs);
}

/**
 * The whole run's time budget (--max-time), counted from its start. Past it no visit starts, and a
 * visit under way ends at once as a scan error, so the run stops and reports itself incomplete
 * instead of running on until the CI job's own time-out kills it without a report.
 */
export class RunBudget {
  private readonly end: number;

  constructor(
    private readonly ms: number,
    started: number,
  ) {
    this.end = started + ms;
  }

  /**
   * One session's visits, or its first visit as a scan error once the budget is spent; the other
   * pages it was to load with its choice stored are then left to their own sessions, which meet the
   * same end.
   */
  async session(url: string, phase: Phase, work: () => Promise<SessionResult>): Promise<SessionResult> {
    const left = this.end - Date.now();
    const result = left > 0 ? await withTimeout(work(), left) : null;
    return result ?? { scans: [{ ...emptyScan(phase, url), error: `not scanned: the run reached its time limit of ${Math.round(this.ms / 1000)} s (--max-time)` }] };
  }
}
