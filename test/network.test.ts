// One network for everything the gate fetches: the sitemap, the crawl and the start page check go
// where the browser's requests go, through its --host-resolver-rules and its proxy. A preview that
// only the browser's rules or a runner's proxy can reach is found and scanned, and a crawl that could
// fetch nothing is an error, never a pass on one page.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPages, type DiscoverSpec } from '../src/discover/index.js';
import { hostRulesOf, mapHost, parseHostRules } from '../src/shared/host-rules.js';
import { gateNetwork } from '../src/shared/network.js';
import { bypasses, proxyChoice, proxyFlags } from '../src/shared/proxy.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { runCli } from './support/cli.js';
import { startProxy } from './fixtures/servers/proxy.mjs';

/** The preview's name, known to no resolver: only the rules or the proxy below say where it is. */
const PREVIEW = 'preview.example.test';
const page = (body: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('--host-resolver-rules, read as Chromium reads them', () => {
  it('maps a host (and port) by the first MAP that matches, after EXCLUDE; ~NOTFOUND fails it', () => {
    const rules = parseHostRules('MAP bat.bing.com ~NOTFOUND, MAP *.example.test 127.0.0.1:8443, MAP api.test:80 10.0.0.2, EXCLUDE keep.example.test, MAP * 127.0.0.1, bogus rule');
    expect(rules).toHaveLength(5);
    expect(mapHost(rules, 'bat.bing.com', 443)).toBe('not-found');
    expect(mapHost(rules, 'Preview.Example.test', 80)).toEqual({ host: '127.0.0.1', port: 8443 });
    expect(mapHost(rules, 'keep.example.test', 80)).toBeNull();
    expect(mapHost(rules, 'api.test', 80)).toEqual({ host: '10.0.0.2', port: 80 });
    expect(mapHost(rules, 'api.test', 8080)).toEqual({ host: '127.0.0.1', port: 8080 });
  });

  it('takes the last --host-resolver-rules of the browser flags, as Chromium does', () => {
    const rules = hostRulesOf(['--host-resolver-rules=MAP * 10.0.0.1', '--ignore-certificate-errors', '--host-resolver-rules=MAP a.test 127.0.0.1:81']);
    expect(mapHost(rules, 'a.test', 80)).toEqual({ host: '127.0.0.1', port: 81 });
    expect(mapHost(rules, 'b.test', 80)).toBeNull();
  });
});

describe('the proxy, from the browser flags or the environment', () => {
  it('takes HTTPS_PROXY, HTTP_PROXY and NO_PROXY, and hands them to Chromium as its flags', () => {
    const choice = proxyChoice([], { HTTP_PROXY: 'http://proxy.corp:3128/', https_proxy: 'proxy.corp:3129', NO_PROXY: 'internal.corp,.svc,10.0.0.1' });
    expect(choice).toEqual({ http: 'http://proxy.corp:3128/', https: 'http://proxy.corp:3129', bypass: ['internal.corp', '.internal.corp', '.svc', '10.0.0.1'], from: 'environment' });
    // Without the trailing slash, which Chromium would not take.
    expect(proxyFlags(choice)).toEqual(['--proxy-server=http=http://proxy.corp:3128;https=http://proxy.corp:3129', '--proxy-bypass-list=internal.corp;.internal.corp;.svc;10.0.0.1']);
    const bypass = choice!.bypass;
    expect(['http://internal.corp/', 'http://a.internal.corp/', 'http://x.svc/', 'http://10.0.0.1/', 'http://localhost:4173/', 'http://127.0.0.1/'].filter((u) => !bypasses(new URL(u), bypass))).toEqual([]);
    expect(['http://notinternal.corp/', 'http://preview.example.test/'].filter((u) => bypasses(new URL(u), bypass))).toEqual([]);
  });

  it('leaves the browser flags the user gave alone, and reads them instead of the environment', () => {
    const flags = ['--proxy-server=http://flags.proxy:8080', '--proxy-bypass-list=*.local;<-loopback>'];
    const choice = proxyChoice(flags, { HTTPS_PROXY: 'http://env.proxy:1' });
    expect(choice).toMatchObject({ http: 'http://flags.proxy:8080', https: 'http://flags.proxy:8080', from: 'browser flags' });
    expect(proxyFlags(choice)).toEqual([]);
    // <-loopback>: loopback goes through the proxy too.
    expect(bypasses(new URL('http://127.0.0.1/'), choice!.bypass)).toBe(false);
    expect(bypasses(new URL('http://x.local/'), choice!.bypass)).toBe(true);
    expect(proxyChoice(['--no-proxy-server'], { HTTPS_PROXY: 'http://env.proxy:1' })).toBeNull();
    expect(proxyChoice([], { HTTPS_PROXY: 'http://env.proxy:1', NO_PROXY: '*' })).toBeNull();
  });

  it('refuses a SOCKS proxy for its own requests, naming it, rather than fetch beside it', async () => {
    const network = gateNetwork(['--proxy-server=socks5://127.0.0.1:1080'], {});
    await expect(network.fetch(`http://${PREVIEW}/`)).rejects.toThrow('through a socks5 proxy (browser flags)');
  });
});

describe('a preview only the browser\'s network reaches', () => {
  let site: StaticServer;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  const spec = (extra: Partial<DiscoverSpec>): DiscoverSpec => ({ pages: [], include: [], exclude: [], crawl: false, depth: 1, maxPages: 10, ...extra });
  const paths = (urls: string[]): string[] => urls.map((u) => new URL(u).pathname);
  const rules = (): string => `--host-resolver-rules=MAP ${PREVIEW} 127.0.0.1:${new URL(site.url).port}`;

  beforeAll(async () => {
    // A home page linking /a/ and /b/; the sitemap lists /c/, which no page links.
    const dir = mkdtempSync(join(tmpdir(), 'cg-preview-'));
    writeFileSync(join(dir, 'index.html'), page('<h1>Home</h1><a href="/a/">A</a> <a href="/b/">B</a>'));
    for (const name of ['a', 'b', 'c']) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.html'), page(`<h1>${name}</h1>`));
    }
    writeFileSync(join(dir, 'sitemap.xml'), `<urlset><url><loc>http://${PREVIEW}/</loc></url><url><loc>http://${PREVIEW}/c/</loc></url></urlset>`);
    site = await startStatic(dir);
    proxy = await startProxy({ [PREVIEW]: Number(new URL(site.url).port) });
  });
  afterAll(async () => {
    await site?.close();
    await proxy?.close();
  });

  it('finds the sitemap and crawls through the browser\'s --host-resolver-rules', async () => {
    const network = gateNetwork([rules()], {});
    const sitemap = await discoverPages(`http://${PREVIEW}/`, null, spec({ sitemap: 'auto' }), network);
    expect(paths(sitemap.urls)).toEqual(['/', '/c/']);
    const crawled = await discoverPages(`http://${PREVIEW}/`, null, spec({ crawl: true, maxPages: 3 }), network);
    expect(paths(crawled.urls)).toEqual(['/', '/a/', '/b/']);
    expect(crawled.leftOut).toEqual([]);
  });

  it('stops a crawl that could not fetch its start page with exit 3, and notes one that found nothing by default', async () => {
    const elsewhere = gateNetwork([], {});
    const crawl = discoverPages(`http://${PREVIEW}/`, null, spec({ crawl: true, maxPages: 3 }), elsewhere);
    await expect(crawl).rejects.toMatchObject({ exitCode: 3, message: expect.stringContaining(`The crawl could not fetch its start page http://${PREVIEW}/ (getaddrinfo ENOTFOUND ${PREVIEW})`) });
    // Nothing asked for: the sitemap is missing and the start page cannot be read; the start page is
    // still scanned (the browser will say why it fails), and the list says why it is alone.
    const automatic = await discoverPages(`http://${PREVIEW}/`, null, spec({}), elsewhere);
    expect(paths(automatic.urls)).toEqual(['/']);
    expect(automatic.leftOut).toEqual([
      {
        reason: 'crawl-unreadable',
        count: 1,
        examples: [`http://${PREVIEW}/`],
        message: `1 page could not be fetched to follow its links (http://${PREVIEW}/: getaddrinfo ENOTFOUND ${PREVIEW}), so pages linked only from there were not found.`,
      },
    ]);
  });

  it('scans the pages a sitemap and a crawl found through --host-resolver-rules, from the command line', async () => {
    const run = await runCli(['scan', '--url', `http://${PREVIEW}/`, '--sitemap', 'auto', '--crawl', '--max-pages', '5', '--phases', 'initial', `--browser-arg=${rules()}`]);
    expect(run.stdout).toContain('4 pages found, 4 scanned, none left out');
    for (const path of ['/', '/a/', '/b/', '/c/']) expect(run.stdout).toContain(`✓ http://${PREVIEW}${path}  clean`);
    expect(run.code).toBe(0);
  });

  it('goes through the proxy of HTTP_PROXY for the sitemap, the crawl and the browser alike', async () => {
    proxy.log.length = 0;
    const run = await runCli(['scan', '--url', `http://${PREVIEW}/`, '--sitemap', 'auto', '--crawl', '--max-pages', '5', '--phases', 'initial'], {
      env: { ...process.env, HTTP_PROXY: proxy.url, NO_PROXY: 'localhost' },
    });
    expect(run.stdout).toContain('4 pages found, 4 scanned, none left out');
    expect(run.code).toBe(0);
    const through = (browser: boolean): string[] => [...new Set(proxy.log.filter((r) => r.userAgent.includes('Mozilla') === browser).map((r) => `${r.method} ${r.target}`))].sort();
    // Node: the sitemap and the crawl's start page; the browser: every page it scanned.
    expect(through(false)).toEqual([`GET http://${PREVIEW}/`, `GET http://${PREVIEW}/sitemap.xml`]);
    expect(through(true)).toEqual(expect.arrayContaining(['/', '/a/', '/b/', '/c/'].map((path) => `GET http://${PREVIEW}${path}`)));
  });
});
