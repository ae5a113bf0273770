import { createHash } from 'node:crypto';
import type { BrowserContext, Cookie, Frame, Page, Request, Response } from 'playwright';
import type { CookieSource, GatheredCookie, GatheredFrame, GatheredRequest, GatheredStorage, PhaseScan, RequestInitiator, StorageKind } from '../types.js';
import { parseCookieString, splitSetCookie, type ParsedCookie } from './cookie-string.js';
import { BINDING, installHooks, listStorage, type HookEvent } from './hooks.js';
import { sleep } from '../shared/time.js';
import { errorText } from '../shared/errors.js';
import { evaluateIsolated, FRAME_GONE, frameTargets } from './isolated.js';
import { redactUrl } from './redact.js';
import { watchInitiators } from './initiator.js';
import { isWebUrl, withoutFragment } from '../shared/url.js';

interface SeenCookie {
  parsed: ParsedCookie;
  /** Domain the cookie lands on: its Domain attribute, else the host that set it. */
  domain: string;
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

const LIST_TIMEOUT_MS = 5_000;

export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/**
 * Listens to one browser context from before the first navigation to the end of the phase and turns
 * what it saw into plain data. It decides nothing about what is allowed.
 */
export class Collector {
  private readonly requests = new Map<Request, GatheredRequest>();
  private readonly seenCookies: SeenCookie[] = [];
  private readonly storageWrites = new Map<string, GatheredStorage>();
  private readonly frames = new Map<string, GatheredFrame>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly inflight = new Set<Request>();
  /** By request URL: the first request for a URL is the one that brought it in. */
  private readonly initiators = new Map<string, RequestInitiator>();
  private readonly watched = new WeakMap<Page, Promise<void>>();
  private lastActivity = Date.now();

  private constructor(private readonly context: BrowserContext) {}

  static async attach(context: BrowserContext): Promise<Collector> {
    const collector = new Collector(context);
    await context.exposeBinding(BINDING, (_source, event: HookEvent) => collector.onHook(event));
    await context.addInitScript(installHooks, BINDING);
    context.on('request', (request) => collector.onRequest(request));
    context.on('requestfinished', (request) => collector.onRequestEnd(request, null));
    context.on('requestfailed', (request) => collector.onRequestEnd(request, request.failure()?.errorText ?? 'failed'));
    context.on('response', (response) => collector.track(collector.onResponse(response)));
    // Pop-ups: best effort, their first requests may pass before the session is up.
    context.on('page', (page) => collector.track(collector.watch(page)));
    return collector;
  }

  /** Call before the page's first navigation, so every request's initiator is seen. */
  watch(page: Page): Promise<void> {
    let watching = this.watched.get(page);
    if (!watching) {
      page.on('framenavigated', (frame) => this.recordFrame(frame));
      watching = watchInitiators(this.context, page, (url, initiator) => {
        if (!this.initiators.has(url)) this.initiators.set(url, initiator);
      });
      this.watched.set(page, watching);
    }
    return watching;
  }

  /** Resolves once no request has been in flight for `quietMs`, or after `capMs` regardless. */
  async networkQuiet(quietMs: number, capMs: number): Promise<void> {
    const deadline = Date.now() + capMs;
    while (Date.now() < deadline) {
      if (this.inflight.size === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await sleep(25);
    }
  }

  /** Everything seen so far, with visitor identifiers taken out of every URL (the final page's too). */
  async snapshot(pages: Page[], finalUrl: string): Promise<Pick<PhaseScan, 'cookies' | 'storage' | 'requests' | 'frames' | 'finalUrl'>> {
    for (const page of pages) for (const frame of page.frames()) this.recordFrame(frame);
    const storage = await this.enumerateStorage(pages);
    await Promise.allSettled([...this.pending]);
    const stored = await this.context.cookies();
    // Short values ("1", "en") are not identifiers and would redact half of every query string.
    const secrets = [...stored.map((c) => c.value), ...this.seenCookies.map((s) => s.parsed.value)].filter((v) => v.length >= 6);
    const clean = (url: string): string => redactUrl(url, secrets);
    const initiator = (url: string): RequestInitiator | null => {
      const found = this.initiators.get(withoutFragment(url));
      return found ? { ...found, url: found.url && clean(found.url) } : null;
    };
    return {
      cookies: this.cookies(stored).map((c) => ({ ...c, sources: c.sources.map((s) => ({ ...s, url: clean(s.url) })) })),
      storage: storage.map((s) => ({ ...s, writtenBy: s.writtenBy.map(clean) })),
      requests: [...this.requests.values()].map((r) => ({ ...r, url: clean(r.url), frameUrl: r.frameUrl && clean(r.frameUrl), initiator: initiator(r.url) })),
      frames: [...this.frames.values()].map((f) => ({ url: clean(f.url), parentUrl: f.parentUrl && clean(f.parentUrl) })),
      finalUrl: clean(finalUrl),
    };
  }

  private track(promise: Promise<unknown>): void {
    const settled = promise.catch(() => undefined).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  }

  private onHook(event: HookEvent): void {
    if (event.type === 'cookie') {
      const parsed = parseCookieString(event.text);
      if (!parsed || !event.script) return;
      this.seenCookies.push({
        parsed,
        domain: parsed.domain ?? cookieHostOf(event.frame),
        source: { via: 'document.cookie', url: event.script, declaredLifetime: parsed.lifetime },
      });
      return;
    }
    const key = `${event.kind}\u0000${event.origin}\u0000${event.key}`;
    const entry = this.storageWrites.get(key) ?? { kind: event.kind, origin: event.origin, key: event.key, writtenBy: [] };
    if (event.script && !entry.writtenBy.includes(event.script)) entry.writtenBy.push(event.script);
    this.storageWrites.set(key, entry);
  }

  private onRequest(request: Request): void {
    const url = request.url();
    if (!isWebUrl(url)) return;
    this.inflight.add(request);
    this.lastActivity = Date.now();
    let frameUrl: string | null = null;
    try {
      const frame = request.frame();
      if (frame.parentFrame() !== null) frameUrl = frame.url();
    } catch {
      // Service-worker requests have no frame.
    }
    this.requests.set(request, {
      url,
      method: request.method(),
      resourceType: request.resourceType(),
      frameUrl,
      status: null,
      failure: null,
      initiator: null,
    });
  }

  private onRequestEnd(request: Request, failure: string | null): void {
    this.inflight.delete(request);
    this.lastActivity = Date.now();
    const entry = this.requests.get(request);
    if (entry && failure) entry.failure = failure;
  }

  private async onResponse(response: Response): Promise<void> {
    const entry = this.requests.get(response.request());
    if (entry) entry.status = response.status();
    const url = response.url();
    if (!isWebUrl(url)) return;
    const lines = (await response.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie');
    for (const line of lines.flatMap((h) => splitSetCookie(h.value))) {
      const parsed = parseCookieString(line);
      if (!parsed) continue;
      this.seenCookies.push({
        parsed,
        domain: parsed.domain ?? cookieHostOf(url),
        source: { via: 'set-cookie', url, declaredLifetime: parsed.lifetime },
      });
    }
  }

  private recordFrame(frame: Frame): void {
    const url = frame.url();
    // The top document is the page itself, not an embed.
    if (!isWebUrl(url) || frame.parentFrame() === null) return;
    if (!this.frames.has(url)) this.frames.set(url, { url, parentUrl: frame.parentFrame()?.url() ?? null });
  }

  private async enumerateStorage(pages: Page[]): Promise<GatheredStorage[]> {
    const found = new Map(this.storageWrites);
    const add = (kind: StorageKind, origin: string, key: string): void => {
      const id = `${kind}\u0000${origin}\u0000${key}`;
      if (!found.has(id)) found.set(id, { kind, origin, key, writtenBy: [] });
    };
    const targets = (await Promise.all(pages.map((page) => frameTargets(page).catch(() => [])))).flat();
    const listings = await Promise.all(
      targets.map((target) =>
        evaluateIsolated(target, listStorage, undefined, LIST_TIMEOUT_MS).catch((error: unknown) => {
          // A frame that went away has nothing left to list; a listing that fails otherwise could hide
          // tracking storage: the visit fails closed.
          if (FRAME_GONE.test(errorText(error))) return null;
          throw new Error(`the storage listing failed in ${target.main ? 'the page' : 'one of its frames'}: ${errorText(error)}`, { cause: error });
        }),
      ),
    );
    for (const listing of listings) {
      if (!listing) continue;
      const { origin, local, session, indexedDB } = listing;
      for (const key of local) add('localStorage', origin, key);
      for (const key of session) add('sessionStorage', origin, key);
      for (const key of indexedDB) add('indexedDB', origin, key);
    }
    // Writes whose frame has gone (a removed iframe) still count: the write happened.
    return [...found.values()];
  }

  private cookies(stored: Cookie[]): GatheredCookie[] {
    const result: GatheredCookie[] = stored.map((cookie) => {
      const domain = cookie.domain.replace(/^\./, '');
      const sources = this.seenCookies
        .filter((seen) => seen.parsed.name === cookie.name && domainMatches(seen.domain, domain))
        .map((seen) => seen.source);
      return {
        name: cookie.name,
        domain,
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
    for (const seen of this.seenCookies) {
      if (seen.source.via !== 'set-cookie' || isDeletion(seen.parsed)) continue;
      if (result.some((c) => c.name === seen.parsed.name && domainMatches(seen.domain, c.domain))) continue;
      result.push({
        name: seen.parsed.name,
        domain: seen.domain,
        path: '/',
        expires: null,
        httpOnly: false,
        secure: false,
        sameSite: '',
        stored: false,
        valueLength: seen.parsed.value.length,
        valueHash: shortHash(seen.parsed.value),
        sources: dedupeSources(this.seenCookies.filter((s) => s.parsed.name === seen.parsed.name && s.domain === seen.domain).map((s) => s.source)),
      });
    }
    return result;
  }
}

function isDeletion(parsed: ParsedCookie): boolean {
  return parsed.lifetime !== null && parsed.lifetime <= 0;
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
    // Keep the longest lifetime asked for: that is the one the lifetime check must judge.
    if (!previous || (source.declaredLifetime ?? 0) > (previous.declaredLifetime ?? 0)) seen.set(key, source);
  }
  return [...seen.values()];
}
