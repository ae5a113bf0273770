import type { SettleRecord } from '../types.js';

/**
 * When a page has settled enough to record it. What the gate needs is that whatever the page's
 * timers and scripts were going to start has started: a tracker is found from its request, cookie or
 * storage write, not from the end of its answer. So a wait ends once no new request has started for
 * a quiet window and no request that may still lead to more (a script, a frame, an XHR) is pending.
 *
 * Zero requests in flight is the wrong test: beacons, EventSource, WebSockets, long polls and bodies
 * that never end are open for the life of the page, so every wait would run to its cap.
 */
export interface SettleLimits {
  /** How long no new request may start before the page counts as settled. */
  quietMs: number;
  /** Upper bound on one wait, in real time, whatever is still pending. */
  settleCapMs: number;
  /** How long one request may hold a wait, from its start: a long poll or a stalled host holds no longer. */
  requestHoldMs: number;
  /** How long a response may still be streaming its body once it began: longer, it is a stream. */
  streamHoldMs: number;
}

/**
 * Fire-and-forget or open-for-the-page by nature: recorded, never waited for. A keepalive fetch is
 * reported as "fetch" and is recognised by the init script instead (see `keptAlive`).
 */
const LONG_LIVED_TYPES = new Set(['ping', 'eventsource', 'websocket', 'media']);

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

/** Follows the requests of one visit and decides when a wait may end; keeps what held the waits. */
export class SettleWatch {
  private readonly open = new Map<object, Open>();
  private readonly keepalive = new Set<string>();
  private lastActivity: number;
  private waitedMs = 0;
  private longest: Holder | null = null;

  constructor(private readonly now: () => number = Date.now) {
    this.lastActivity = now();
  }

  started(key: object, url: string, resourceType: string): void {
    this.open.set(key, { url, resourceType, startedAt: this.now(), respondedAt: null });
    this.lastActivity = this.now();
  }

  responded(key: object): void {
    const request = this.open.get(key);
    if (request && request.respondedAt === null) request.respondedAt = this.now();
  }

  /** The end of a request starts the quiet window again (its script may run now), unless nobody waits for it. */
  ended(key: object): void {
    const request = this.open.get(key);
    if (!request) return;
    if (!this.longLived(request)) this.lastActivity = this.now();
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

  /** Resolves once the page is quiet, or after `settleCapMs` whatever is still pending. */
  async wait(limits: SettleLimits, pause: (ms: number) => Promise<void>): Promise<void> {
    const started = this.now();
    const held = new Map<Open, number>();
    while (!this.quiet(limits) && this.now() - started < limits.settleCapMs) {
      const holders = this.holders(limits);
      const before = this.now();
      await pause(POLL_MS);
      for (const request of holders) held.set(request, (held.get(request) ?? 0) + (this.now() - before));
    }
    this.waitedMs += this.now() - started;
    for (const [request, heldMs] of held) {
      if (!this.longest || heldMs > this.longest.heldMs) this.longest = { ...request, heldMs };
    }
  }

  /** How long this visit waited in all, and which request held one wait longest (URLs as seen: redact them). */
  record(): SettleRecord {
    const by = this.longest;
    return { waitedMs: this.waitedMs, heldBy: by && { url: by.url, resourceType: by.resourceType, heldMs: by.heldMs } };
  }

  private longLived(request: Open): boolean {
    return LONG_LIVED_TYPES.has(request.resourceType) || this.keepalive.has(request.url);
  }

  private holds(request: Open, limits: SettleLimits): boolean {
    if (this.longLived(request)) return false;
    const now = this.now();
    if (now - request.startedAt >= limits.requestHoldMs) return false;
    return request.respondedAt === null || now - request.respondedAt < limits.streamHoldMs;
  }
}
