import type { FingerprintTechnique } from '../types.js';

/** What installHooks lends the fingerprinting hooks: its transport and its stack attribution. */
export interface HookTools {
  report(event: Record<string, unknown>): void;
  /** The calling script's URL, or null when no http(s) URL is on the stack. */
  caller(): string | null;
}

/**
 * Part of the init script (hooks.ts runs it with its tools, in the page's world, before any page
 * script): counts the calls that read a fingerprint of the browser (canvas and audio read-backs, the
 * WebGL renderer, font measurements, navigator properties), per API and calling script. It counts and
 * never stores per call: a burst of calls is reported once, as a count, when the calling code yields
 * (a microtask). Every wrapped API returns what the browser returns; a hook that fails is silent.
 * Like installHooks it must be self-contained (it is serialised), and captures now what it calls later.
 */
export function installFingerprintHooks({ report, caller }: HookTools): void {
  const { apply } = Reflect;
  const { create, defineProperty, getOwnPropertyDescriptor } = Object;
  const exec = RegExp.prototype.exec;
  const then = Promise.prototype.then;
  const weakAdd = WeakSet.prototype.add;
  const weakHas = WeakSet.prototype.has;
  const lower = String.prototype.toLowerCase;
  const later = queueMicrotask;
  const ignore = (): void => undefined;

  interface Tally {
    technique: FingerprintTechnique;
    api: string;
    script: string;
    /** Calls since the last report. */
    calls: number;
    /** fonts: the families measured so far in this document. */
    families: Record<string, true> | null;
    familyCount: number;
  }
  // Null-prototype records and index writes: nothing here goes through a prototype the page can replace.
  const tallies: Record<string, Tally> = create(null);
  let dirty: Tally[] = [];
  let flushing = false;
  const flush = (): void => {
    flushing = false;
    const sending = dirty;
    dirty = [];
    for (let i = 0; i < sending.length; i++) {
      const t = sending[i]!;
      report({ type: 'fingerprint', technique: t.technique, api: t.api, script: t.script, calls: t.calls, families: t.families ? t.familyCount : null });
      t.calls = 0;
    }
  };
  const count = (technique: FingerprintTechnique, api: string, script: string | null, family?: string): void => {
    // location.href is unforgeable: the page cannot redefine it.
    const by = script ?? location.href;
    const key = `${api}\u0000${by}`;
    let tally = tallies[key];
    if (!tally) tally = tallies[key] = { technique, api, script: by, calls: 0, families: family === undefined ? null : create(null), familyCount: 0 };
    if (tally.calls === 0) dirty[dirty.length] = tally;
    tally.calls++;
    if (family !== undefined && tally.families && !tally.families[family]) {
      tally.families[family] = true;
      tally.familyCount++;
    }
    if (!flushing) {
      flushing = true;
      later(flush);
    }
  };

  /** The replacement keeps the original's name and length, as the other hooks keep its behaviour. */
  const disguise = <F extends (...args: never[]) => unknown>(replacement: F, original: F): F => {
    defineProperty(replacement, 'name', { value: original.name });
    defineProperty(replacement, 'length', { value: original.length });
    return replacement;
  };
  /** Wraps a method (`value`) or a getter (`get`): the original runs first, `observe` sees its arguments and result. */
  type Observe = (self: unknown, args: unknown[], result: unknown) => void;
  const wrap = (proto: object | undefined, name: string, slot: 'value' | 'get', observe: Observe): void => {
    const descriptor = proto && getOwnPropertyDescriptor(proto, name);
    const original = descriptor?.[slot] as ((...args: unknown[]) => unknown) | undefined;
    if (!descriptor || typeof original !== 'function') return;
    const replacement = function (this: unknown, ...args: unknown[]) {
      const result = apply(original, this, args);
      try {
        observe(this, args, result);
      } catch {
        // Counting must never break the page.
      }
      return result;
    };
    defineProperty(proto, name, { ...descriptor, [slot]: disguise(replacement, original) });
  };
  const method = (proto: object | undefined, name: string, observe: Observe): void => wrap(proto, name, 'value', observe);
  const getter = (proto: object | undefined, name: string, observe: (self: unknown, value: unknown) => void): void =>
    wrap(proto, name, 'get', (self, _args, value) => observe(self, value));
  const read = (proto: object | undefined, name: string): ((self: unknown) => unknown) => {
    const get = proto && getOwnPropertyDescriptor(proto, name)?.get;
    return (self) => (get ? apply(get, self, []) : undefined);
  };
  const global = globalThis as unknown as Record<string, { prototype: object } | undefined>;
  const proto = (name: string): object | undefined => global[name]?.prototype;

  // Canvas: a read-back of a canvas that text was drawn on. Drawing alone (a chart) is not a
  // fingerprint, nor is reading back a picture (resizing an upload, a dominant colour): fingerprinting
  // scripts draw text, because text rendering is what differs between devices.
  const written = new WeakSet<object>();
  for (const [contextName, canvasName, exports] of [
    ['CanvasRenderingContext2D', 'HTMLCanvasElement', ['toDataURL', 'toBlob']],
    ['OffscreenCanvasRenderingContext2D', 'OffscreenCanvas', ['convertToBlob']],
  ] as const) {
    const context = proto(contextName);
    const canvasOf = read(context, 'canvas');
    for (const draw of ['fillText', 'strokeText']) method(context, draw, (self) => apply(weakAdd, written, [canvasOf(self)]));
    method(context, 'getImageData', (self) => {
      if (apply(weakHas, written, [canvasOf(self)])) count('canvas', `${contextName}.getImageData`, caller());
    });
    for (const name of exports) {
      method(proto(canvasName), name, (self) => {
        if (apply(weakHas, written, [self])) count('canvas', `${canvasName}.${name}`, caller());
      });
    }
  }

  // WebGL: the graphics card's name, the most telling thing a page can read without a permission.
  const PARAMETERS: Record<number, string> = { 0x9245: 'UNMASKED_VENDOR_WEBGL', 0x9246: 'UNMASKED_RENDERER_WEBGL', 0x1f00: 'VENDOR', 0x1f01: 'RENDERER' };
  for (const contextName of ['WebGLRenderingContext', 'WebGL2RenderingContext']) {
    method(proto(contextName), 'getExtension', (_self, [name]) => {
      if (name === 'WEBGL_debug_renderer_info') count('webgl', `${contextName}.getExtension(WEBGL_debug_renderer_info)`, caller());
    });
    method(proto(contextName), 'getParameter', (_self, [parameter]) => {
      const known = typeof parameter === 'number' ? PARAMETERS[parameter] : undefined;
      if (known) count('webgl', `${contextName}.getParameter(${known})`, caller());
    });
  }

  // Audio: reading back what an OfflineAudioContext rendered (the signal differs per device), or an
  // analyser's float spectrum, the older way of doing the same.
  const rendered = new WeakSet<object>();
  const keep = (buffer: unknown): void => {
    if (typeof buffer === 'object' && buffer !== null) apply(weakAdd, rendered, [buffer]);
  };
  method(proto('OfflineAudioContext'), 'startRendering', (_self, _args, result) => apply(then, result, [keep, ignore]));
  getter(proto('OfflineAudioCompletionEvent'), 'renderedBuffer', (_self, buffer) => keep(buffer));
  for (const name of ['getChannelData', 'copyFromChannel']) {
    method(proto('AudioBuffer'), name, (self) => {
      if (apply(weakHas, rendered, [self])) count('audio', `AudioBuffer.${name}`, caller());
    });
  }
  method(proto('AnalyserNode'), 'getFloatFrequencyData', () => count('audio', 'AnalyserNode.getFloatFrequencyData', caller()));

  // Fonts: text measured in a font the page names. Probing measures one string in many families; a
  // page's own text uses a few. The first family is the one measured (the rest are fallbacks), and
  // the caller is looked up once per font string: measuring text is hot in chart libraries.
  const seen: Record<string, { script: string | null; family: string }> = create(null);
  // The canvas font shorthand ("italic 16px/2 'Fira Sans', serif") names its families after the size.
  const shorthandFamily = /(?:^|\s)[\d.]+[a-z%]*(?:\s*\/\s*\S+)?\s+["']?([^,"']*[^,"'\s])/i;
  const listFamily = /^\s*["']?([^,"']*[^,"'\s])/;
  const measured = (api: string, font: unknown, pattern: RegExp): void => {
    if (typeof font !== 'string' || font === '') return;
    let known = seen[font];
    if (!known) {
      const match = apply(exec, pattern, [font]) as RegExpExecArray | null;
      known = seen[font] = { script: caller(), family: match?.[1] ? (apply(lower, match[1], []) as string) : '' };
    }
    if (known.family !== '') count('fonts', api, known.script, known.family);
  };
  for (const contextName of ['CanvasRenderingContext2D', 'OffscreenCanvasRenderingContext2D']) {
    const fontOf = read(proto(contextName), 'font');
    method(proto(contextName), 'measureText', (self) => measured(`${contextName}.measureText`, fontOf(self), shorthandFamily));
  }
  const styleOf = read(proto('HTMLElement'), 'style');
  for (const name of ['offsetWidth', 'offsetHeight']) {
    getter(proto('HTMLElement'), name, (self) => measured(`HTMLElement.${name}`, (styleOf(self) as CSSStyleDeclaration | undefined)?.fontFamily, listFamily));
  }

  // Navigator: properties that say little alone and identify together; a sweep reads most of them.
  for (const name of ['plugins', 'mimeTypes', 'hardwareConcurrency', 'deviceMemory', 'languages', 'platform', 'maxTouchPoints', 'pdfViewerEnabled']) {
    getter(proto('Navigator'), name, () => count('navigator', `Navigator.${name}`, caller()));
  }
  method(proto('NavigatorUAData'), 'getHighEntropyValues', () => count('navigator', 'NavigatorUAData.getHighEntropyValues', caller()));
}
