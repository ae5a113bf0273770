/**
 * An init script that runs in every frame before the page's own scripts and reports each
 * document.cookie write and storage write together with the script that made it. The cookie jar and
 * the storage enumeration tell us what exists; only these hooks tell us who wrote it. It also reports
 * each fetch sent with keepalive, which DevTools cannot tell from an ordinary fetch. Hooks with their
 * own file (fingerprint-hooks.ts) are passed in and run with its transport and attribution.
 */

import type { FingerprintTechnique } from '../types.js';
import type { HookTools } from './fingerprint-hooks.js';

export const BINDING = '__consentGateReport';

export type HookEvent =
  | { type: 'cookie'; text: string; script: string | null; frame: string }
  | { type: 'keepalive'; url: string }
  /** `calls` since the script's previous report in this document; `families` so far in it. */
  | { type: 'fingerprint'; technique: FingerprintTechnique; api: string; script: string; calls: number; families: number | null }
  | { type: 'storage'; kind: 'localStorage' | 'sessionStorage' | 'indexedDB'; key: string; script: string | null; origin: string }
  /** A window.open() past the document's cap, which was not opened (see installHooks). */
  | { type: 'window-refused'; url: string };

/**
 * Serialised by Playwright and run in the page's own world before any of its scripts: it must, since it
 * watches the page's writes. Everything it calls later is captured now, while still the browser's own:
 * a page that redefines Function.prototype.call, RegExp.prototype.exec or Promise.prototype.then
 * afterwards does not reach into our hooks. (The transport to us is Playwright's binding; a page that
 * breaks JSON.stringify breaks it and costs the "written by" attribution, never the finding: cookies
 * come from the browser's jar and storage from a listing in an isolated world.)
 */
export function installHooks(binding: string, installMore: ((tools: HookTools) => void) | null = null, maxWindows = Infinity): void {
  const send = (globalThis as unknown as Record<string, (event: unknown) => unknown>)[binding];
  if (typeof send !== 'function') return;
  const { apply } = Reflect;
  const { defineProperty, getOwnPropertyDescriptor } = Object;
  const exec = RegExp.prototype.exec;
  const then = Promise.prototype.then;
  const ErrorType = Error;
  const text = String;
  const ignore = (): void => undefined;
  let session: Storage | null = null;
  try {
    session = window.sessionStorage;
  } catch {
    // Storage access can throw in sandboxed frames.
  }

  // The first http(s) URL on the stack is the script that called us; init scripts have none.
  const callerPattern = /(https?:\/\/[^\s()]+?):\d+:\d+/;
  const caller = (): string | null => {
    const match = apply(exec, callerPattern, [new ErrorType().stack ?? '']) as RegExpExecArray | null;
    return match ? (match[1] ?? null) : null;
  };
  const report = (event: Record<string, unknown>): void => {
    try {
      const sent = apply(send, undefined, [event]);
      if (typeof sent === 'object' && sent !== null) apply(then, sent, [undefined, ignore]);
    } catch {
      // The page may have torn down the binding; losing attribution must not break the page.
    }
  };

  const cookie = getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.set && cookie.get) {
    const { get, set } = cookie;
    defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable ?? true,
      get,
      set(this: Document, value: string) {
        report({ type: 'cookie', text: text(value), script: caller(), frame: location.href });
        apply(set, this, [value]);
      },
    });
  }

  // DevTools reports a keepalive fetch as an ordinary fetch; it is a beacon, and the settle wait
  // must not hold for it (its answer may never be reported).
  const fetch = window.fetch;
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    try {
      if (init?.keepalive ?? (input instanceof Request && input.keepalive)) {
        report({ type: 'keepalive', url: new URL(input instanceof Request ? input.url : String(input), location.href).href });
      }
    } catch {
      // An unparsable URL: fetch itself will say so to the page.
    }
    // Called bare, as pages usually do, fetch must still run on the window.
    return fetch.call(this ?? window, input, init);
  };

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    report({ type: 'storage', kind: this === session ? 'sessionStorage' : 'localStorage', key: text(key), script: caller(), origin: location.origin });
    return apply(setItem, this, [key, value]);
  };

  // A page that opens windows in a loop (or one a second) would make the visit wait for each: each
  // window is a renderer's worth of work for the browser. A visitor's browser blocks windows opened
  // without a click altogether; past `maxWindows` per document, window.open() answers as that
  // blocker does (null), and says so. The windows it did open are followed like the page.
  const open = window.open;
  let opened = 0;
  window.open = function (this: unknown, ...args: Parameters<typeof window.open>) {
    if (opened >= maxWindows) {
      report({ type: 'window-refused', url: text(args[0] ?? '') });
      return null;
    }
    opened++;
    return apply(open, this ?? window, args) as Window | null;
  };

  if (typeof IDBFactory !== 'undefined') {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      report({ type: 'storage', kind: 'indexedDB', key: text(name), script: caller(), origin: location.origin });
      return apply(open, this, version === undefined ? [name] : [name, version]);
    };
  }

  installMore?.({ report, caller });
}

/** A web storage entry's key and value; values stay in the collector, compared with requests and never reported. */
export type StorageEntry = [key: string, value: string];

/**
 * Run in each frame's isolated world when the page has settled: what storage exists, whoever wrote it.
 * Values longer than 4 KiB come back empty: an identifier is short, and a large state blob would
 * cost a copy per frame per visit for nothing.
 */
export async function listStorage(): Promise<{ origin: string; local: StorageEntry[]; session: StorageEntry[]; indexedDB: string[] }> {
  const keys = (area: () => Storage): StorageEntry[] => {
    try {
      const storage = area();
      return Array.from({ length: storage.length }, (_, i) => storage.key(i))
        .filter((k): k is string => k !== null)
        .map((k): StorageEntry => {
          const value = storage.getItem(k) ?? '';
          return [k, value.length > 4096 ? '' : value];
        });
    } catch {
      return [];
    }
  };
  let databases: string[] = [];
  try {
    databases = (await indexedDB.databases()).map((db) => db.name ?? '').filter(Boolean);
  } catch {
    // Opaque origins have no IndexedDB.
  }
  return { origin: location.origin, local: keys(() => localStorage), session: keys(() => sessionStorage), indexedDB: databases };
}
