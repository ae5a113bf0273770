// The user's --header values (a preview bypass token, basic auth) go to the target's origin only, on
// every hop: a sitemap, a crawled link or a scanned page that points at another origin must never
// hand them over. Proven from the other origin's own request log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import type { GateResult } from '../src/types.js';
import { startTwoOrigins } from './fixtures/servers/two-origins.mjs';

const TOKEN = 'bypass-token-4471';
const AUTHORIZATION = `Basic ${Buffer.from('preview:opensesame').toString('base64')}`;

let servers: Awaited<ReturnType<typeof startTwoOrigins>>;
let result: GateResult;

beforeAll(async () => {
  servers = await startTwoOrigins();
  result = await runGate({
    target: { url: `${servers.target}/` },
    discover: { sitemap: `${servers.target}/sitemap-index.xml`, crawl: true, depth: 2 },
    headers: { 'x-preview-token': TOKEN, authorization: AUTHORIZATION },
    phases: ['initial'],
  });
}, 120_000);
afterAll(async () => servers?.close());

const fromBrowser = (headers: Record<string, unknown>): boolean => String(headers['user-agent']).includes('Mozilla');
const received = (log: { path: string; headers: Record<string, unknown> }[], path: string, browser: boolean) =>
  log.filter((r) => r.path === path && fromBrowser(r.headers) === browser);
const leaked = (requests: { headers: Record<string, unknown> }[]) =>
  requests.filter((r) => r.headers['x-preview-token'] !== undefined || r.headers['authorization'] !== undefined);

describe('headers reach the target only', () => {
  // [the request to the target, and the request it led to on the other origin]
  it.each([
    ['a sitemap index listing a sitemap on another origin', '/sitemap-index.xml', '/child-sitemap.xml'],
    ['a sitemap that redirects to another origin', '/moved-sitemap.xml', '/redirected-sitemap.xml'],
    ['a crawled link that redirects to another origin', '/go-away', '/crawled'],
  ])('finding pages, %s: the other origin gets neither header', (_, onTarget, onOther) => {
    const requests = received(servers.otherLog, onOther, false);
    expect(requests).toHaveLength(1);
    expect(leaked(requests)).toEqual([]);
    expect(received(servers.targetLog, onTarget, false)[0]!.headers).toMatchObject({ 'x-preview-token': TOKEN, authorization: AUTHORIZATION });
  });

  it('in the browser, a scanned page that redirects to another origin: each hop on the target has them, the other origin never', () => {
    const landing = received(servers.otherLog, '/landing', true);
    expect(landing).toHaveLength(1);
    expect(leaked(landing)).toEqual([]);
    // Every request the browser made to the other origin, the crawled page's redirect included.
    expect(leaked(servers.otherLog.filter((r) => fromBrowser(r.headers)))).toEqual([]);
    for (const hop of ['/bounce', '/bounce-2']) {
      const [request] = received(servers.targetLog, hop, true);
      expect(request?.headers).toMatchObject({ 'x-preview-token': TOKEN, authorization: AUTHORIZATION });
    }
    expect(result.pages.map((p) => p.url)).toContain(`${servers.target}/bounce`);
  });
});
