// When a wait for the network may end: the settle criterion, on a clock the test moves by hand.
import { describe, expect, it } from 'vitest';
import { SettleWatch, type SettleLimits } from '../src/gather/settle.js';
import { visitLine } from '../src/report/progress.js';
import type { ClassifiedScan } from '../src/types.js';

const LIMITS: SettleLimits = { quietMs: 300, settleCapMs: 5_000, requestHoldMs: 3_000, streamHoldMs: 1_000, dataStreamHoldMs: 250 };
/** All of one visit's waits together. */
const VISIT_WAIT_MS = 20_000;
const NO_WINDOWS = { opened: 0, refused: 0 };

/** A watch on a hand-moved clock, and a pause that only moves that clock. */
function watch(): { settle: SettleWatch; at: (ms: number) => void; pause: (ms: number) => Promise<void>; now: () => number } {
  let now = 0;
  const settle = new SettleWatch(VISIT_WAIT_MS, () => now);
  return { settle, at: (ms) => (now = ms), pause: async (ms) => void (now += ms), now: () => now };
}

describe('the settle criterion', () => {
  it('waits for a script until it has loaded, then gives it a quiet window to start what it starts', () => {
    const { settle, at } = watch();
    const script = {};
    settle.started(script, 'https://t.example/a.js', 'script');
    at(400);
    expect(settle.quiet(LIMITS)).toBe(false);
    settle.responded(script);
    settle.ended(script);
    at(600);
    expect(settle.quiet(LIMITS)).toBe(false);
    at(700);
    expect(settle.quiet(LIMITS)).toBe(true);
  });

  it('never waits for beacons, event streams, WebSockets or keepalive fetches, but counts their start as activity', () => {
    const { settle, at } = watch();
    settle.started({}, 'https://a.example/g/collect', 'ping');
    settle.started({}, 'https://chat.example/events', 'eventsource');
    settle.started({}, 'wss://ws.example/socket', 'websocket');
    settle.keptAlive('https://px.example/tr');
    settle.started({}, 'https://px.example/tr', 'fetch');
    expect(settle.holders(LIMITS)).toEqual([]);
    at(299);
    expect(settle.quiet(LIMITS)).toBe(false);
    at(300);
    expect(settle.quiet(LIMITS)).toBe(true);
  });

  it('lets a long poll hold for requestHoldMs from its start, and a body still streaming for streamHoldMs after its answer began, dataStreamHoldMs for fetch and XHR', () => {
    const { settle, at } = watch();
    settle.started({}, 'https://chat.example/poll', 'xhr');
    const stream = {};
    settle.started(stream, 'https://in.example/visit-data', 'fetch');
    const script = {};
    settle.started(script, 'https://cdn.example/big.js', 'script');
    at(500);
    settle.responded(stream);
    settle.responded(script);
    at(749);
    expect(settle.holders(LIMITS).map((r) => r.url)).toEqual(['https://chat.example/poll', 'https://in.example/visit-data', 'https://cdn.example/big.js']);
    at(750);
    expect(settle.holders(LIMITS).map((r) => r.url)).toEqual(['https://chat.example/poll', 'https://cdn.example/big.js']);
    at(1_500);
    expect(settle.holders(LIMITS).map((r) => r.url)).toEqual(['https://chat.example/poll']);
    at(3_000);
    expect(settle.quiet(LIMITS)).toBe(true);
  });

  it('records how long the waits took and which request held one longest', async () => {
    const { settle, at, pause, now } = watch();
    const stalled = {};
    settle.started(stalled, 'https://slow.example/tag.js', 'script');
    settle.started({}, 'https://chat.example/events', 'eventsource');
    await settle.wait(LIMITS, pause);
    expect(now()).toBe(3_000);
    expect(settle.record(NO_WINDOWS)).toEqual({ waitedMs: 3_000, heldBy: { url: 'https://slow.example/tag.js', resourceType: 'script', heldMs: 3_000 }, cutShort: false, windows: NO_WINDOWS });
    at(10_000);
    await settle.wait(LIMITS, pause);
    expect(settle.record(NO_WINDOWS).waitedMs).toBe(3_000);
  });

  it('shares one budget among all the waits of a visit, however many requests hold them, and starts afresh with the next visit', async () => {
    const { settle, pause, now } = watch();
    // Every wait meets a new stalled request (a window the page keeps opening): each holds it requestHoldMs.
    const stalledWait = async (): Promise<number> => {
      const from = now();
      settle.started({}, `https://site.example/window?${from}`, 'document');
      await settle.wait(LIMITS, pause);
      return now() - from;
    };
    const waits = [];
    for (let i = 0; i < 8; i++) waits.push(await stalledWait());
    expect(waits).toEqual([3_000, 3_000, 3_000, 3_000, 3_000, 3_000, 2_000, 0]);
    expect(settle.record(NO_WINDOWS)).toMatchObject({ waitedMs: VISIT_WAIT_MS, cutShort: true });
    settle.startVisit();
    expect(await stalledWait()).toBe(3_000);
    expect(settle.record({ opened: 3, refused: 197 })).toMatchObject({ waitedMs: 3_000, cutShort: false, windows: { opened: 3, refused: 197 } });
  });

  it('once quiet, asks the renderers whether they are idle, and waits on when what they ran started more', async () => {
    const { settle, pause, now } = watch();
    const asked: number[] = [];
    // The first answer comes after a script that had just arrived sent a hit and loaded a pixel.
    await settle.wait(LIMITS, pause, async () => {
      asked.push(now());
      if (asked.length === 1) {
        const pixel = {};
        settle.started(pixel, 'https://px.example/tr', 'image');
        await pause(50);
        settle.ended(pixel);
      }
      return true;
    });
    expect(asked).toEqual([300, 650]);
    expect(now()).toBe(650);
  });

  it('asks again while no idle answer can be had (the page navigated), and ends at settleCapMs', async () => {
    const { settle, pause, now } = watch();
    let asked = 0;
    await settle.wait(LIMITS, pause, async () => {
      asked++;
      return false;
    });
    expect(now()).toBe(LIMITS.settleCapMs);
    expect(asked).toBeGreaterThan(10);
  });

  it('ends a wait at settleCapMs when new requests keep starting', async () => {
    let clock = 0;
    const busy = new SettleWatch(VISIT_WAIT_MS, () => clock);
    await busy.wait(LIMITS, async (ms) => {
      clock += ms;
      busy.started({}, `https://a.example/g/collect?t=${clock}`, 'ping');
    });
    expect(clock).toBe(LIMITS.settleCapMs);
    expect(busy.record(NO_WINDOWS)).toEqual({ waitedMs: LIMITS.settleCapMs, heldBy: null, cutShort: false, windows: NO_WINDOWS });
  });
});

describe('--verbose visit line', () => {
  it('says how long the visit waited for the network and what held it', () => {
    const scan = {
      phase: 'initial',
      durationMs: 2_345,
      error: null,
      action: null,
      requests: [],
      cookies: [],
      storage: [],
      settle: { waitedMs: 1_250, heldBy: { url: 'https://slow.example/tag.js?id=<redacted>', resourceType: 'script', heldMs: 900 }, cutShort: false, windows: { opened: 0, refused: 0 } },
    } as unknown as ClassifiedScan;
    expect(visitLine('https://site.example/news/', scan)).toBe(
      '      initial           2.3 s  /news/  0 requests, 0 cookies, 0 storage keys · waited 1.3 s for the network, longest for script https://slow.example/tag.js (0.9 s)',
    );
    const bounded = { ...scan, settle: { waitedMs: 20_000, heldBy: null, cutShort: true, windows: { opened: 10, refused: 190 } } } as ClassifiedScan;
    expect(visitLine('https://site.example/popups', bounded)).toBe(
      "      initial           2.3 s  /popups  0 requests, 0 cookies, 0 storage keys · waited 20.0 s for the network, cut short at the visit's wait budget · 10 window(s) followed, 190 not opened",
    );
  });
});
