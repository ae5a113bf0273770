import type { Settings } from '../config/settings.js';
import type { SettleRecord } from '../types.js';

/**
 * When a page has settled enough to record it. What the gate needs is that whatever the page's
 * timers and scripts were going to start has started: a tracker is found from its request, cookie or
 * storage write, not from the end of its answer. So a wait ends once no new request has started for
 * a quiet window, no request that may still lead to more (a script, a frame, an XHR) is pending, and
 * the page's renderers have since had nothing left to run (see `wait`).
 *
 * Zero requests in flight is the wrong test: beacons, EventSource, WebSockets, long polls and bodies
 * that never end are open for the life of the page, so every wait would run to its cap.
 */
export type SettleLimits = Pick<Settings, 'quietMs' | 'settleCapMs' | 'requestHoldMs' | 'streamHoldMs' | 'dataStreamHoldMs'>;

/**
 * What one visit may spend waiting, all its waits together (`visitWaitMs`): the settles with their
 * idle checks, the storage listings of every window and frame. Counted per visit, not per window or
 * frame, so a page that opens 200 windows or 500 frames costs no more than one that opens none;
 * once it is spent, waits end at once and the visit records the page as it stands.
 */
export class WaitBudget {
  private spent = 0;
  /** A wait ended because the budget was spent, with something still pending: it was not waited for. */
  cut = false;

  constructor(
    private readonly totalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  left(): number {
    return Math.max(0, this.totalMs - this.spent);
  }

  /** Runs a wait given what is left (never more than `capMs`), and counts the time it took. */
  async spend<T>(capMs: number, wait: (ms: number) => Promise<T>): Promise<T> {
    const ms = Math.min(capMs, this.left());
    const started = this.now();
    try {
      return await wait(ms);
    } finally {
      this.spent += this.now() - started;
    }
  }
}

/**
 * Fire-and-forget or open-for-the-page by nature: recorded, never waited for. A keepalive fetch is
 * reported as "fetch" and is recognised by the init script instead (see `keptAlive`).
 */
const LONG_LIVED_TYPES = new Set(['ping', 'eventsource', 'websocket', 'media']);

/** Answers the page's own code reads as data (see `dataStreamHoldMs`). */
const DATA_TYPES = new Set(['fetch', 'xhr']);

/** How often a wait looks again. */
const POLL_MS = 25;

interface Open {
  url: string;
  resourceType: string;
  startedAt: number;
  /** When the response's headers arrived; its body may still be coming. */
  respondedAt: number | null;
}

type Holder = Open & { heldMs: number };

/**
 * Resolves true once the page's renderers have run everything queued before the call (what a
 * response that just arrived set off, its callbacks), false when that could not be learnt (the page
 * navigated meanwhile); `budgetMs` bounds it.
 */
export type IdleProbe = (budgetMs: number) => Promise<boolean>;

/** Follows the requests of one visit and decides when a wait may end; keeps what held the waits. */
export class SettleWatch {
  private readonly open = new Map<object, Open>();
  private readonly keepalive = new Set<string>();
  private lastActivity: number;
  /** Counts what restarts the quiet window: a renderer found idle proves nothing if it moved meanwhile. */
  private activity = 0;
  private waitedMs = 0;
  private longest: Holder | null = null;
  private budget: WaitBudget;

  constructor(
    private readonly visitWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastActivity = now();
    this.budget = new WaitBudget(visitWaitMs, now);
  }

  /** A new visit: its own budget, and its own account of what it waited for. */
  startVisit(): void {
    this.budget = new WaitBudget(this.visitWaitMs, this.now);
    this.waitedMs = 0;
    this.longest = null;
  }

  /** The budget of the visit under way, for the other waits that share it (storage listings). */
  visitBudget(): WaitBudget {
    return this.budget;
  }

  started(key: object, url: string, resourceType: string): void {
    this.open.set(key, { url, resourceType, startedAt: this.now(), respondedAt: null });
    this.touch();
  }

  responded(key: object): void {
    const request = this.open.get(key);
    if (request && request.respondedAt === null) request.respondedAt = this.now();
  }

  /** The end of a request starts the quiet window again (its script may run now), unless nobody waits for it. */
  ended(key: object): void {
    const request = this.open.get(key);
    if (!request) return;
    if (!this.longLived(request)) this.touch();
    this.open.delete(key);
  }

  /** A fetch the page sent with `keepalive: true`: a beacon by another name. */
  keptAlive(url: string): void {
    this.keepalive.add(url);
  }

  /** The open requests that may still start something the gate must see. */
  holders(limits: SettleLimits): Open[] {
    return [...this.open.values()].filter((request) => this.holds(request, limits));
  }

  quiet(limits: SettleLimits): boolean {
    return this.now() - this.lastActivity >= limits.quietMs && this.holders(limits).length === 0;
  }

  /**
   * Resolves once the page is quiet and, given `idle`, its renderers were found idle with nothing new
   * started meanwhile; or after `settleCapMs` whatever is still pending, or sooner when the visit's
   * wait budget runs out. The probe is what lets the quiet window be short: a script that arrived just
   * before it ran before the renderer went idle, so whatever it started is seen, however slow a
   * starved CI machine runs it.
   */
  wait(limits: SettleLimits, pause: (ms: number) => Promise<void>, idle?: IdleProbe): Promise<void> {
    return this.budget.spend(limits.settleCapMs, (capMs) => this.waitWithin(capMs, limits, pause, idle));
  }

  private async waitWithin(capMs: number, limits: SettleLimits, pause: (ms: number) => Promise<void>, idle?: IdleProbe): Promise<void> {
    const started = this.now();
    const left = (): number => capMs - (this.now() - started);
    const held = new Map<Open, number>();
    for (;;) {
      while (!this.quiet(limits) && left() > 0) {
        const holders = this.holders(limits);
        const before = this.now();
        await pause(POLL_MS);
        for (const request of holders) held.set(request, (held.get(request) ?? 0) + (this.now() - before));
      }
      if (!idle || left() <= 0) break;
      const seen = this.activity;
      const proven = await idle(left());
      if (proven && this.activity === seen) break;
      // Not proven (the page navigated meanwhile): look again shortly, within the cap.
      if (!proven && this.activity === seen) await pause(POLL_MS);
    }
    // A wait that ended with requests still holding it, because the budget was spent, was cut short.
    if (left() <= 0 && capMs < limits.settleCapMs && !this.quiet(limits)) this.budget.cut = true;
    this.waitedMs += this.now() - started;
    for (const [request, heldMs] of held) {
      if (!this.longest || heldMs > this.longest.heldMs) this.longest = { ...request, heldMs };
    }
  }

  /**
   * How long this visit waited in all, which request held one wait longest (URLs as seen: redact
   * them), and whether its budget cut a wait short; `windows` the collector counted.
   */
  record(windows: SettleRecord['windows']): SettleRecord {
    const by = this.longest;
    return { waitedMs: this.waitedMs, heldBy: by && { url: by.url, resourceType: by.resourceType, heldMs: by.heldMs }, cutShort: this.budget.cut, windows };
  }

  private touch(): void {
    this.lastActivity = this.now();
    this.activity++;
  }

  private longLived(request: Open): boolean {
    return LONG_LIVED_TYPES.has(request.resourceType) || this.keepalive.has(request.url);
  }

  private holds(request: Open, limits: SettleLimits): boolean {
    if (this.longLived(request)) return false;
    const now = this.now();
    if (now - request.startedAt >= limits.requestHoldMs) return false;
    const streamHold = DATA_TYPES.has(request.resourceType) ? limits.dataStreamHoldMs : limits.streamHoldMs;
    return request.respondedAt === null || now - request.respondedAt < streamHold;
  }
}
