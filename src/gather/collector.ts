import { createHash } from 'node:crypto';
import type { BrowserContext, Cookie, Frame, Page, Request, Response, WebSocket } from 'playwright';
import type { CookieDeletion, CookieSource, GatheredCookie, GatheredFingerprinting, GatheredFrame, GatheredIdentifier, GatheredRequest, GatheredStorage, PhaseScan, RequestInitiator, StorageKind } from '../types.js';
import { defaultCookiePath, isDeletion, parseCookieString, splitSetCookie, type ParsedCookie } from './cookie-string.js';
import { BINDING, installHooks, listStorage, type HookEvent } from './hooks.js';
import { installFingerprintHooks } from './fingerprint-hooks.js';
import { identifiersIn, matchIdentifiers, type HeldValue, type SentRequest } from './identifiers.js';
import { sleep, withTimeout } from '../shared/time.js';
import { errorText } from '../shared/errors.js';
import { evaluateIsolated, FRAME_GONE, frameTargets, type FrameTarget } from './isolated.js';
import type { Settings } from '../config/settings.js';
import { SettleWatch, type SettleLimits } from './settle.js';
import { rendererIdle } from './renderer-idle.js';
import { urlRedactor } from './redact.js';
import type { RunSecrets } from '../shared/secrets.js';
import { watchInitiators } from './initiator.js';
import { hostOf, isWebUrl, withoutFragment } from '../shared/url.js';

interface SeenCookie {
  /** When it was seen, on the collector's event count: what a recording window compares. */
  at: number;
  parsed: ParsedCookie;
  /** Domain the cookie lands on: its Domain attribute, else the host that set it. */
  domain: string;
  /** Its Path attribute, else the default path of the URL of the document or response that wrote it. */
  path: string;
  source: CookieSource;
}

/** The host a cookie written from this URL lands on; IPv6 keeps its brackets, as the cookie jar names it. */
const cookieHostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/**
 * Bounds on what is kept of requests to find stored identifiers in them: the comparison costs values
 * × requests × text, and a page with thousands of requests or megabytes of uploads must not make a
 * visit slow or large. Requests past the cap, a body past its bound or past the visit's total, and
 * values past their cap are not compared (the first requests, where pixels fire on load, always are).
 */
const MAX_SENT_REQUESTS = 1000;
const MAX_BODY_BYTES = 64 * 1024;
const MAX_BODY_BYTES_TOTAL = 2 * 1024 * 1024;
const MAX_HELD_VALUES = 200;

export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/**
 * The start of a recording window: what was there, so a later snapshot can say what is new. Cookies
 * are compared by name, domain and value: a cookie written again with a new value is news too.
 */
export interface Mark {
  at: number;
  cookies: Set<string>;
  storage: Set<string>;
  /** Deletion attempts count from here instead: a stored-choice visit keeps those its choice made, on the page it was made on. */
  deletionsAt?: number;
}

/** A storage key as the hooks saw it written: `at` is the last write, `writes` each one with its time. */
type StorageEntry = GatheredStorage & { at: number; writes: { at: number; ms: number }[] };

/** What the collector is told: how long listings may take, the visit's wait budget and window cap, where secrets go. */
export type CollectorOptions = Pick<Settings, 'storageListMs' | 'visitWaitMs' | 'maxWindows'> & { runSecrets: RunSecrets };

const cookieKey = (c: { name: string; domain: string; valueHash: string }): string => `${c.name}\u0000${c.domain}\u0000${c.valueHash}`;
const storageKey = (s: { kind: string; origin: string; key: string }): string => `${s.kind}\u0000${s.origin}\u0000${s.key}`;

/**
 * Listens to one browser context from before the first navigation to the end of the phase and turns
 * what it saw into plain data. It decides nothing about what is allowed.
 */
export class Collector {
  private readonly requests = new Map<Request | WebSocket, GatheredRequest & { at: number }>();
  private readonly seenCookies: SeenCookie[] = [];
  private readonly storageWrites = new Map<string, StorageEntry>();
  private readonly frames = new Map<string, GatheredFrame & { at: number }>();
  /** Counts as the hooks report them, a burst at a time; summed per API and script by a snapshot. */
  private readonly fingerprintCounts: (GatheredFingerprinting & { at: number })[] = [];
  /** What requests carried (URL, body, headers), in memory only: compared with stored values, never reported. */
  private readonly sent = new Map<Request, SentRequest & { at: number }>();
  private sentBodyBytes = 0;
  /** Counts every event recorded: the clock recording windows are measured on. */
  private events = 0;
  /** The last point a window may open at (see cut): a storage key keeps the time of its first write after each. */
  private lastCut = 0;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly settle: SettleWatch;
  /** Pop-ups this visit: followed, and refused past the cap (by the init script, or closed here). */
  private windows = { opened: 0, refused: 0 };
  /** By request URL: the first request for a URL is the one that brought it in. */
  private readonly initiators = new Map<string, RequestInitiator>();
  private readonly watched = new WeakMap<Page, Promise<void>>();
  /** Whether each response's request is asked which cookies it carried: a round trip each, so only where a rule reads it. */
  private cookiesSent = false;
  /** Where the visits' clock starts (see VisitTimes): real time, since the page's own clock is fast-forwarded. */
  private origin = performance.now();

  private constructor(
    private readonly context: BrowserContext,
    /** storageListMs: how long one frame's storage listing may take (one in the visit's own tab that does not answer fails the visit). */
    private readonly options: CollectorOptions,
  ) {
    this.settle = new SettleWatch(options.visitWaitMs);
  }

  static async attach(context: BrowserContext, options: CollectorOptions): Promise<Collector> {
    const collector = new Collector(context, options);
    await context.exposeBinding(BINDING, (_source, event: HookEvent) => collector.onHook(event));
    // One serialised script: the fingerprinting hooks travel in it as installHooks' second argument.
    await context.addInitScript({ content: `(${installHooks})(${JSON.stringify(BINDING)}, ${installFingerprintHooks}, ${options.maxWindows});` });
    context.on('request', (request) => collector.onRequest(request));
    context.on('requestfinished', (request) => collector.onRequestEnd(request, null));
    context.on('requestfailed', (request) => collector.onRequestEnd(request, request.failure()?.errorText ?? 'failed'));
    context.on('response', (response) => collector.track(collector.onResponse(response)));
    // Pop-ups: best effort, their first requests may pass before the session is up. Past the cap (a
    // window that a pop-up opened, a link with target=_blank) a window is closed at once, not followed.
    context.on('page', (page) => {
      if (collector.windows.opened >= options.maxWindows) {
        collector.windows.refused++;
        page.close().catch(() => undefined);
        return;
      }
      collector.windows.opened++;
      collector.track(collector.watch(page));
    });
    return collector;
  }

  /** A visit starts: its own wait budget, window count and account of its waits (see WaitBudget). */
  startVisit(): void {
    this.settle.startVisit();
    this.windows = { opened: 0, refused: 0 };
  }

  /** Call before the page's first navigation, so every request's initiator is seen. */
  watch(page: Page): Promise<void> {
    let watching = this.watched.get(page);
    if (!watching) {
      page.on('framenavigated', (frame) => this.recordFrame(frame));
      page.on('websocket', (socket) => this.onWebSocket(socket));
      watching = watchInitiators(this.context, page, (url, initiator) => {
        if (!this.initiators.has(url)) this.initiators.set(url, initiator);
      });
      this.watched.set(page, watching);
    }
    return watching;
  }

  /**
   * Resolves once no new request has started for `quietMs`, none that may lead to more is pending,
   * and the page's renderers were then found idle (see SettleWatch).
   */
  networkQuiet(page: Page, limits: SettleLimits & Pick<Settings, 'idleCheckMs' | 'pageScanMs'>): Promise<void> {
    return this.settle.wait(limits, sleep, rendererIdle(page, limits));
  }

  /** The session's first navigation starts now: every time recorded is counted from here. */
  navigationStarts(): void {
    this.origin = performance.now();
  }

  /** Real milliseconds since the session's first navigation started. */
  elapsed(): number {
    return Math.round(performance.now() - this.origin);
  }

  /** From now on, record the names of the cookies each request carried (see GatheredRequest.cookiesSent). */
  recordCookiesSent(): void {
    this.cookiesSent = true;
  }

  /** The point a recording window opens at: read it just before the visitor's click, which is itself inside the window. */
  cut(): number {
    this.lastCut = this.events;
    return this.events;
  }

  /**
   * Opens a recording window at `from`: a later `snapshot(…, mark)` holds only what happened after
   * it. The jar and storage listed now count as already there, unless written after `from`: what
   * the click itself set or sent (a pixel fired by the reject button) is the page's answer to it.
   */
  async mark(pages: Page[], from = this.cut()): Promise<Mark> {
    const seen = await this.snapshot(pages, '');
    return { at: from, cookies: new Set(seen.cookies.map(cookieKey)), storage: new Set(seen.storage.map(storageKey)) };
  }

  /**
   * Everything seen so far (or since `since`), with visitor identifiers taken out of every URL (the
   * final page's too). Since a mark: requests and frames that started after it, cookies written or
   * changed after it, storage keys written or first present after it.
   */
  async snapshot(pages: Page[], finalUrl: string, since?: Mark): Promise<Pick<PhaseScan, 'cookies' | 'cookieDeletions' | 'storage' | 'requests' | 'frames' | 'fingerprinting' | 'identifiers' | 'finalUrl' | 'settle'>> {
    for (const page of pages) for (const frame of page.frames()) this.recordFrame(frame);
    const { entries: listed, values: storageValues } = await this.enumerateStorage(pages);
    await Promise.allSettled([...this.pending]);
    const after = since?.at ?? -1;
    const storage = listed.filter((s) => !since || s.at > after || !since.storage.has(storageKey(s)));
    const stored = await this.context.cookies();
    const held = heldIdentifiers([
      ...stored.map((c): HeldValue => ({ source: 'cookie', name: c.name, holder: c.domain.replace(/^\./, ''), value: c.value })),
      ...this.seenCookies.map((s): HeldValue => ({ source: 'cookie', name: s.parsed.name, holder: s.domain.replace(/^\./, ''), value: s.parsed.value })),
      ...storageValues,
    ]);
    // Short values ("1", "en") are not identifiers and would redact half of every query string. The
    // identifiers inside values count too: a client id sent without its cookie's version prefix.
    const cookieValues = [...stored.map((c) => c.value), ...this.seenCookies.map((s) => s.parsed.value)];
    const secrets = [...cookieValues, ...held.flatMap((h) => identifiersIn(h.value))].filter((v) => v.length >= 6);
    // Whatever echoes an identifier the visitor holds (a banner's text, a field added later) is caught
    // where the run writes: the values stay in memory, in the run's secret check.
    this.options.runSecrets.add(...[...cookieValues, ...storageValues.map((v) => v.value)].flatMap(identifiersIn));
    const clean = urlRedactor(secrets);
    const settle = this.settle.record({ ...this.windows });
    const initiator = (url: string): RequestInitiator | null => {
      const found = this.initiators.get(withoutFragment(url));
      return found ? { ...found, url: found.url && clean(found.url) } : null;
    };
    const cookies = this.cookies(stored, after).filter((c) => !since || c.sources.length > 0 || !since.cookies.has(cookieKey(c)));
    return {
      cookies: cookies.map((c) => ({ ...c, sources: c.sources.map((s) => ({ ...s, url: clean(s.url) })) })),
      cookieDeletions: this.deletions(since?.deletionsAt ?? after).map((d) => ({ ...d, url: clean(d.url) })),
      storage: storage.map(({ at: _at, writes, ...s }) => {
        // A key written again after the window opened is news from its first write in the window.
        const first = writes.find((w) => w.at > after);
        return { ...s, writtenBy: s.writtenBy.map(clean), ...(first ? { writtenMs: first.ms } : {}) };
      }),
      requests: [...this.requests.values()]
        .filter((r) => r.at > after)
        .map(({ at: _at, ...r }) => ({ ...r, url: clean(r.url), frameUrl: r.frameUrl && clean(r.frameUrl), initiator: initiator(r.url) })),
      frames: [...this.frames.values()].filter((f) => f.at > after).map((f) => ({ url: clean(f.url), parentUrl: f.parentUrl && clean(f.parentUrl) })),
      fingerprinting: sumFingerprinting(this.fingerprintCounts.filter((f) => f.at > after)).map((f) => ({ ...f, script: clean(f.script) })),
      identifiers: this.identifiers(held, after, clean, initiator),
      finalUrl: clean(finalUrl),
      settle: { ...settle, heldBy: settle.heldBy && { ...settle.heldBy, url: clean(settle.heldBy.url) } },
    };
  }

  private track(promise: Promise<unknown>): void {
    const settled = promise.catch(() => undefined).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  }

  private onHook(event: HookEvent): void {
    if (event.type === 'keepalive') {
      this.settle.keptAlive(event.url);
      return;
    }
    if (event.type === 'window-refused') {
      this.windows.refused++;
      return;
    }
    if (event.type === 'fingerprint') {
      const { technique, api, script, calls, families } = event;
      this.fingerprintCounts.push({ at: ++this.events, technique, api, script, calls, families });
      return;
    }
    if (event.type === 'cookie') {
      const parsed = parseCookieString(event.text);
      if (!parsed || !event.script) return;
      this.seenCookies.push({
        at: ++this.events,
        parsed,
        domain: parsed.domain ?? cookieHostOf(event.frame),
        path: parsed.path ?? defaultCookiePath(event.frame),
        source: { via: 'document.cookie', url: event.script, declaredLifetime: parsed.lifetime, writtenMs: this.elapsed() },
      });
      return;
    }
    const key = `${event.kind}\u0000${event.origin}\u0000${event.key}`;
    const entry = this.storageWrites.get(key) ?? { kind: event.kind, origin: event.origin, key: event.key, writtenBy: [], at: 0, writes: [] };
    entry.at = ++this.events;
    // Only the first write after each cut can start a window's news: a key written in a loop keeps a few times, not thousands.
    if ((entry.writes.at(-1)?.at ?? -1) <= this.lastCut) entry.writes.push({ at: entry.at, ms: this.elapsed() });
    if (event.script && !entry.writtenBy.includes(event.script)) entry.writtenBy.push(event.script);
    this.storageWrites.set(key, entry);
  }

  private onRequest(request: Request): void {
    const url = request.url();
    if (!isWebUrl(url)) return;
    this.settle.started(request, url, request.resourceType());
    let frameUrl: string | null = null;
    try {
      const frame = request.frame();
      if (frame.parentFrame() !== null) frameUrl = frame.url();
    } catch {
      // Service-worker requests have no frame.
    }
    this.requests.set(request, {
      at: ++this.events,
      url,
      method: request.method(),
      resourceType: request.resourceType(),
      frameUrl,
      status: null,
      failure: null,
      initiator: null,
      startedMs: this.elapsed(),
    });
    this.keepSent(request, url);
  }

  /** Keeps what a request carried for the identifier comparison, within the bounds above. */
  private keepSent(request: Request, url: string): void {
    if (this.sent.size >= MAX_SENT_REQUESTS) return;
    const buffer = request.postDataBuffer();
    const size = buffer?.length ?? 0;
    const keepBody = size > 0 && size <= MAX_BODY_BYTES && this.sentBodyBytes + size <= MAX_BODY_BYTES_TOTAL;
    if (keepBody) this.sentBodyBytes += size;
    // The headers the page gave the request; the Cookie header is added when the request has ended.
    this.sent.set(request, { at: this.events, url, body: keepBody ? buffer!.toString('utf8') : null, headers: Object.entries(request.headers()) });
  }

  /** Stored values that look like identifiers, found in requests sent after `after` to a host other than their holder. */
  private identifiers(held: HeldValue[], after: number, clean: (url: string) => string, initiator: (url: string) => RequestInitiator | null): GatheredIdentifier[] {
    const requests = [...this.sent.values()].filter((r) => r.at > after);
    const found = new Map<string, GatheredIdentifier>();
    for (const { held: value, request, where } of matchIdentifiers(held, requests)) {
      const { url } = requests[request]!;
      const requestUrl = clean(url);
      const key = [value.source, value.name, value.holder, requestUrl, where].join('\u0000');
      if (!found.has(key)) found.set(key, { source: value.source, name: value.name, holder: value.holder, host: hostOf(url), where, requestUrl, initiator: initiator(url) });
    }
    return [...found.values()];
  }

  /** A WebSocket is a request the page makes like any other (Playwright reports it apart). */
  private onWebSocket(socket: WebSocket): void {
    const url = socket.url();
    this.settle.started(socket, url, 'websocket');
    socket.on('close', () => this.settle.ended(socket));
    this.requests.set(socket, { at: ++this.events, url, method: 'GET', resourceType: 'websocket', frameUrl: null, status: null, failure: null, initiator: null, startedMs: this.elapsed() });
    socket.on('socketerror', (error) => {
      const entry = this.requests.get(socket);
      if (entry) entry.failure = error;
    });
  }

  private onRequestEnd(request: Request, failure: string | null): void {
    this.settle.ended(request);
    const entry = this.requests.get(request);
    if (entry && failure) entry.failure = failure;
    const sent = this.sent.get(request);
    // Only the headers as sent hold the Cookie header; Playwright has them once the request has ended.
    if (sent) this.track(request.allHeaders().then((headers) => (sent.headers = Object.entries(headers))));
  }

  private async onResponse(response: Response): Promise<void> {
    this.settle.responded(response.request());
    const entry = this.requests.get(response.request());
    if (entry) entry.status = response.status();
    if (entry && this.cookiesSent) {
      // The Cookie header as sent: Chromium adds it below the page, so only the raw headers hold it.
      const header = await response.request().headerValue('cookie');
      if (header) entry.cookiesSent = parseCookieNames(header);
    }
    const url = response.url();
    if (!isWebUrl(url)) return;
    const lines = (await response.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie');
    for (const line of lines.flatMap((h) => splitSetCookie(h.value))) {
      const parsed = parseCookieString(line);
      if (!parsed) continue;
      this.seenCookies.push({
        at: ++this.events,
        parsed,
        domain: parsed.domain ?? cookieHostOf(url),
        path: parsed.path ?? defaultCookiePath(url),
        source: { via: 'set-cookie', url, declaredLifetime: parsed.lifetime, writtenMs: this.elapsed() },
      });
    }
  }

  private recordFrame(frame: Frame): void {
    const url = frame.url();
    // The top document is the page itself, not an embed.
    if (!isWebUrl(url) || frame.parentFrame() === null) return;
    if (!this.frames.has(url)) this.frames.set(url, { url, parentUrl: frame.parentFrame()?.url() ?? null, at: ++this.events });
  }

  /**
   * The storage entries, and the web storage values as the identifier comparison needs them. One frame
   * per origin is listed in each window (frames of one origin share their storage). The visit's own
   * tab (`pages[0]`) is listed in full; pop-ups with what the visit's wait budget has left, since the
   * hooks saw what they wrote already.
   */
  private async enumerateStorage(pages: Page[]): Promise<{ entries: StorageEntry[]; values: HeldValue[] }> {
    const found = new Map(this.storageWrites);
    const values: HeldValue[] = [];
    const add = (kind: StorageKind, origin: string, key: string): void => {
      const id = storageKey({ kind, origin, key });
      // Found in storage but never seen written: as old as the window can tell (0).
      if (!found.has(id)) found.set(id, { kind, origin, key, writtenBy: [], at: 0, writes: [] });
    };
    const [own, ...popups] = pages;
    const ownTargets = own ? await frameTargets(own, { onePerOrigin: true }).catch(() => []) : [];
    const ownListings = Promise.all(
      ownTargets.map((target) =>
        evaluateIsolated(target, listStorage, undefined, this.options.storageListMs).catch((error: unknown) => {
          // A frame that went away has nothing left to list; a listing that fails otherwise could hide
          // tracking storage: the visit fails closed.
          if (FRAME_GONE.test(errorText(error))) return null;
          throw new Error(`the storage listing failed in ${target.main ? 'the page' : 'one of its frames'}: ${errorText(error)}`, { cause: error });
        }),
      ),
    );
    const [mine, theirs] = await Promise.all([ownListings, this.listPopups(popups)]);
    for (const listing of [...mine, ...theirs]) {
      if (!listing) continue;
      const { origin, local, session, indexedDB } = listing;
      const holder = cookieHostOf(origin);
      for (const [source, entries] of [['localStorage', local], ['sessionStorage', session]] as const) {
        for (const [key, value] of entries) {
          add(source, origin, key);
          if (holder && value) values.push({ source, name: key, holder, value });
        }
      }
      for (const key of indexedDB) add('indexedDB', origin, key);
    }
    // Writes whose frame has gone (a removed iframe) still count: the write happened.
    return { entries: [...found.values()], values };
  }

  /** The pop-ups' storage, as far as the visit's wait budget goes: what does not answer in it is left out, and the visit says it was cut short. */
  private async listPopups(popups: Page[]): Promise<Awaited<ReturnType<typeof listStorage>>[]> {
    if (popups.length === 0) return [];
    const budget = this.settle.visitBudget();
    const listed: Awaited<ReturnType<typeof listStorage>>[] = [];
    let complete = true;
    const listOne = async (target: FrameTarget, ms: number): Promise<void> => {
      const listing = await evaluateIsolated(target, listStorage, undefined, ms).catch((error: unknown) => {
        // A window that closed itself has nothing left to list.
        if (!FRAME_GONE.test(errorText(error))) complete = false;
        return null;
      });
      if (listing) listed.push(listing);
    };
    const listPage = async (page: Page, ms: number): Promise<void> => {
      const targets = await frameTargets(page, { onePerOrigin: true }).catch(() => []);
      await Promise.all(targets.map((target) => listOne(target, ms)));
    };
    const answered = await budget.spend(this.options.storageListMs, (ms) => (ms <= 0 ? Promise.resolve(null) : withTimeout(Promise.all(popups.map((page) => listPage(page, ms))), ms)));
    if (answered === null || !complete) budget.cut = true;
    return listed;
  }

  /** The cookies, each with the writes seen after `after` (all writes for a full snapshot); deletion attempts are not writes. */
  private cookies(stored: Cookie[], after: number): GatheredCookie[] {
    const writes = this.seenCookies.filter((seen) => seen.at > after && !isDeletion(seen.parsed));
    const result: GatheredCookie[] = stored.map((cookie) => {
      const domain = cookie.domain.replace(/^\./, '');
      const sources = writes.filter((seen) => seen.parsed.name === cookie.name && domainMatches(seen.domain, domain)).map((seen) => seen.source);
      return {
        name: cookie.name,
        domain,
        // The jar names a cookie set with a Domain attribute with a leading dot.
        hostOnly: !cookie.domain.startsWith('.'),
        path: cookie.path,
        expires: cookie.expires > 0 ? Math.round(cookie.expires) : null,
        httpOnly: cookie.httpOnly,
        secure: cookie.secure,
        sameSite: cookie.sameSite,
        stored: true,
        valueLength: cookie.value.length,
        valueHash: shortHash(cookie.value),
        sources: dedupeSources(sources),
      };
    });
    // A Set-Cookie the browser refused (third-party blocking, bad domain) is still the site's attempt
    // to store something on the visitor's device.
    for (const seen of writes) {
      if (seen.source.via !== 'set-cookie') continue;
      if (result.some((c) => c.name === seen.parsed.name && domainMatches(seen.domain, c.domain))) continue;
      result.push({
        name: seen.parsed.name,
        domain: seen.domain,
        hostOnly: seen.parsed.domain === null,
        path: seen.path,
        expires: null,
        httpOnly: false,
        secure: false,
        sameSite: '',
        stored: false,
        valueLength: seen.parsed.value.length,
        valueHash: shortHash(seen.parsed.value),
        sources: dedupeSources(writes.filter((s) => s.parsed.name === seen.parsed.name && s.domain === seen.domain).map((s) => s.source)),
      });
    }
    return result;
  }

  /** The deletion attempts seen after `after`, each once: a consent manager may repeat one on every page. */
  private deletions(after: number): CookieDeletion[] {
    const found = new Map<string, CookieDeletion>();
    for (const seen of this.seenCookies) {
      if (seen.at <= after || !isDeletion(seen.parsed)) continue;
      const attempt: CookieDeletion = { name: seen.parsed.name, domain: seen.domain, hostOnly: seen.parsed.domain === null, path: seen.path, via: seen.source.via, url: seen.source.url };
      found.set(Object.values(attempt).join('\u0000'), attempt);
    }
    return [...found.values()];
  }
}

/** Each value once (a cookie is in the jar and seen written), and only those holding an identifier, up to the cap. */
function heldIdentifiers(values: HeldValue[]): HeldValue[] {
  const distinct = new Map(values.map((v) => [[v.source, v.name, v.holder, v.value].join('\u0000'), v]));
  return [...distinct.values()].filter((v) => identifiersIn(v.value).length > 0).slice(0, MAX_HELD_VALUES);
}

/** Per API and script: the calls added up, the families at the most one document measured. */
function sumFingerprinting(counts: GatheredFingerprinting[]): GatheredFingerprinting[] {
  const sums = new Map<string, GatheredFingerprinting>();
  for (const count of counts) {
    const key = `${count.api}\u0000${count.script}`;
    const sum = sums.get(key);
    if (!sum) sums.set(key, { ...count });
    else {
      sum.calls += count.calls;
      if (count.families !== null) sum.families = Math.max(sum.families ?? 0, count.families);
    }
  }
  return [...sums.values()];
}

/** "a=1; b=2" → ["a", "b"]: names only, values never leave the gatherer. */
export function parseCookieNames(header: string): string[] {
  return header.split(';').map((pair) => pair.split('=')[0]!.trim()).filter((name) => name.length > 0);
}

/** A write to "example.com" lands on "example.com"; a host-only write from "www.example.com" too. */
function domainMatches(written: string, stored: string): boolean {
  return written === stored || written.endsWith(`.${stored}`);
}

function dedupeSources(sources: CookieSource[]): CookieSource[] {
  const seen = new Map<string, CookieSource>();
  for (const source of sources) {
    const key = `${source.via} ${source.url}`;
    const previous = seen.get(key);
    // Keep the longest lifetime asked for: that is the one the lifetime check must judge. The time is
    // the first write's, whichever lifetime it asked for.
    if (!previous) seen.set(key, source);
    else if ((source.declaredLifetime ?? 0) > (previous.declaredLifetime ?? 0)) seen.set(key, { ...source, writtenMs: previous.writtenMs });
  }
  return [...seen.values()];
}
