/**
 * One settings object for a scan, with its defaults: every wait and cap the gather stage uses is
 * named here once, so a visit's hard limit can be derived from them instead of guessed.
 */
export interface Settings {
  /** Navigation timeout for the page's `load` event. */
  timeoutMs: number;
  /** How long no new request may start before the renderers are asked whether they are idle (see SettleWatch). */
  quietMs: number;
  /** Upper bound on real-time waiting for the network to settle, per wait. */
  settleCapMs: number;
  /**
   * All of one visit's waits together: its settles with their idle checks and the storage listings
   * of its windows and frames. Shared by them all, not given per window or frame, so a page that
   * opens 200 windows or 500 frames costs no more than one; once spent, the visit records the page
   * as it stands and says so.
   */
  visitWaitMs: number;
  /**
   * Pop-up windows one visit lets a page open (per document that opens them); each is followed like
   * the page. Past it window.open() answers as a visitor's pop-up blocker does, and the visit says so.
   */
  maxWindows: number;
  /** How long one request may hold a wait, from its start: a long poll or a stalled host holds no longer. */
  requestHoldMs: number;
  /** How long a response may still be streaming its body once it began: longer, it is a stream. */
  streamHoldMs: number;
  /**
   * The same for an answer to fetch or XHR, data the page's own code reads: a config or API answer
   * arrives whole right after its headers, so one still coming is a stream (an upload channel, a feed).
   */
  dataStreamHoldMs: number;
  /** How long a renderer may stay busy before its answer to the idle check comes anyway (see SettleWatch). */
  idleCheckMs: number;
  /**
   * Fake-clock time to fast-forward after load, so timer-delayed trackers fire without waiting in
   * real time; 0 turns the fake clock off (for sites it disturbs) and waits `settleCapMs` instead.
   */
  fastForwardMs: number;
  /** Page time given before looking for the banner: consent managers show it shortly after load. */
  bannerDelayMs: number;
  /**
   * One in-page look for the banner, its controls, an internal link or the consent signals. Generous:
   * on a starved CI machine a look is slow, and one that does not answer fails the visit rather than
   * reporting "no banner"; a page that stops answering altogether is the watchdog's.
   */
  pageScanMs: number;
  /** One click on a banner control; a click that fails leaves the visit without its choice. */
  clickMs: number;
  /** One cookie-policy link's status, fetched through the browser. */
  linkCheckMs: number;
  /** autoconsent's answer for one reject or accept. */
  autoconsentMs: number;
  /** One screenshot. */
  screenshotMs: number;
  /** Listing one frame's storage (generous, as pageScanMs). */
  storageListMs: number;
  /** Extra attempts for a visit that failed for network reasons (never for findings). */
  retries: number;
  /** Wait before the n-th retry: n times this. */
  retryBackoffMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  timeoutMs: 30_000,
  quietMs: 100,
  settleCapMs: 5_000,
  visitWaitMs: 20_000,
  maxWindows: 10,
  requestHoldMs: 3_000,
  streamHoldMs: 1_000,
  dataStreamHoldMs: 250,
  idleCheckMs: 1_000,
  fastForwardMs: 10_000,
  bannerDelayMs: 1_500,
  pageScanMs: 15_000,
  clickMs: 10_000,
  linkCheckMs: 5_000,
  autoconsentMs: 10_000,
  screenshotMs: 5_000,
  storageListMs: 15_000,
  retries: 0,
  retryBackoffMs: 500,
};

/**
 * The most one visit can take when every step runs to its bound: up to three page loads (the page,
 * a reload, the next page), the settles between them, the banner work and the snapshots. A renderer
 * that is still busy after this is hung, and the visit ends as a scan error.
 */
export function visitHardLimit(s: Settings): number {
  const loads = 3 * s.timeoutMs;
  // The settles and storage listings share the visit's wait budget.
  const settles = Math.min(6 * s.settleCapMs, s.visitWaitMs);
  const banner = 4 * s.pageScanMs + 4 * s.clickMs + s.linkCheckMs + s.autoconsentMs + 2 * s.screenshotMs;
  const snapshots = 2 * s.storageListMs;
  // Reading the consent signals: the dataLayer, then the TCF API's answer.
  const signals = 2 * s.pageScanMs;
  return loads + settles + banner + snapshots + signals;
}
