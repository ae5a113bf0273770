// The cookie policy link as a real browser checks it: only asked of a site that stores something or
// contacts a third party, fetched through Chromium's own network stack (so --host-resolver-rules
// applies, as it does for a preview tested under its production hostname), and a warning unless the
// Belgian preset makes it an error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { emptyBaseline } from '../src/baseline/baseline.js';
import { runGate } from '../src/gate.js';
import { defaultPolicy } from '../src/policy/load.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import type { GateResult } from '../src/types.js';
import { judgePage } from '../src/verdict/judge.js';
import { ROOT } from './support/fixtures.js';

const html = (title: string, body: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head><body><h1>${title}</h1>${body}</body></html>`;

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-policy-link-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Hostnames no DNS knows: only the browser's resolver rules lead to the shop's server. */
const SHOP = 'http://www.shop.test/';
const LEGAL = 'http://legal.shop.test/privacy.html';

const servers: StaticServer[] = [];
const urls: Record<string, string> = {};
let eu: GateResult;
let be: GateResult;
let closeVendors: (() => Promise<unknown>) | undefined;
const cwd = mkdtempSync(join(tmpdir(), 'cg-policy-link-cwd-'));

async function start(name: string, folder: string): Promise<StaticServer> {
  const server = await startStatic(folder);
  servers.push(server);
  urls[name] = server.url;
  return server;
}

beforeAll(async () => {
  await start('plain', site({ 'index.html': html('Hello', '<p>Nothing stored, nothing fetched.</p>') }));
  // A shop with only what it needs to work: a session, a CSRF token, the visitor's language.
  await start('essential', site({ 'index.html': html('Shop', '<script>for (const c of ["sessionid=8f2a77c1", "csrftoken=41bd09e2", "lang=nl"]) document.cookie = `${c}; path=/; SameSite=Lax`;</script>') }));
  const shop = await start(
    'shop-server',
    site({
      'index.html': html('Shop', '<script>document.cookie = "sessionid=8f2a77c1; path=/; SameSite=Lax";</script><footer><a href="/cookies.html">Cookie policy</a></footer>'),
      'cookies.html': html('Cookie policy', ''),
      'privacy.html': html('Privacy', ''),
    }),
  );
  // The policy on another site: CORS hides its status from the page, but it answered.
  await start('blog', site({ 'index.html': html('Blog', `<script>localStorage.setItem("theme", "dark");</script><footer><a href="${LEGAL}">Privacy</a></footer>`) }));
  // Scaffolded with Vite, GA4 injected from application code, no policy link anywhere.
  await start('tracker', join(ROOT, 'test', 'fixtures', 'vite-app'));
  const port = new URL(shop.url).port;
  const mapped = `--host-resolver-rules=MAP www.shop.test 127.0.0.1:${port}, MAP legal.shop.test 127.0.0.1:${port}`;
  eu = await runGate({ discover: { pages: [urls.plain!, urls.essential!, SHOP, urls.blog!] }, browserArgs: [mapped], phases: ['initial'], policy: defaultPolicy(cwd), cwd });
  const vendors = await startVendors();
  closeVendors = vendors.close;
  be = await runGate({ discover: { pages: [urls.tracker!] }, browserArgs: vendors.browserArgs, phases: ['initial'], policy: { ...defaultPolicy(cwd), jurisdiction: 'be' }, cwd });
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await closeVendors?.();
});

const findingsOn = (result: GateResult, url: string): string[] => result.findings.filter((f) => f.page === url).map((f) => `${f.severity} ${f.rule}`);
const linksOn = (url: string) => eu.pages.find((p) => p.url === url)!.phases[0]!.policyLinks;

describe('cookie-policy-link-missing', () => {
  it('passes sites that store nothing, link their policy, or store only what they need (a warning, not a failure)', () => {
    expect(eu.verdict.exitCode).toBe(0);
    expect(eu.pages.map((p) => p.phases[0]!.error)).toEqual([null, null, null, null]);
  });

  it('asks nothing of a page that stores nothing and contacts no third party', () => {
    expect(findingsOn(eu, urls.plain!)).toEqual([]);
  });

  it('warns a site that stores cookies and links no policy, naming the page fact and what it stores', () => {
    expect(findingsOn(eu, urls.essential!)).toEqual(['warn cookie-policy-link-missing']);
    const finding = eu.findings.find((f) => f.page === urls.essential)!;
    expect(finding.subject).toEqual({ kind: 'page', name: 'cookie policy link' });
    expect(finding.message).toMatch(/^the home page links no cookie or privacy policy, though the site stores cookie "\w+" \(127\.0\.0\.1\) \(and 2 more\)$/);
    const stored = ['csrftoken', 'lang', 'sessionid'].map((name) => `the site stores cookie "${name}" (127.0.0.1)`);
    expect([...finding.evidence].sort()).toEqual(['no link whose text or address mentions cookies or privacy', ...stored]);
  });

  it('fetches the link through the browser, where resolver rules apply', () => {
    expect(linksOn(SHOP)).toEqual([{ text: 'Cookie policy', url: `${SHOP}cookies.html`, status: 200, check: 'answered', reason: null }]);
    expect(findingsOn(eu, SHOP)).toEqual([]);
  });

  it('takes an opaque answer from another site as reachable', () => {
    expect(linksOn(urls.blog!)).toEqual([{ text: 'Privacy', url: LEGAL, status: null, check: 'reachable', reason: null }]);
    expect(findingsOn(eu, urls.blog!)).toEqual([]);
  });

  it('a tracker and no link: an error under the be preset, a warning under eu', () => {
    expect(findingsOn(be, urls.tracker!)).toContain('error cookie-policy-link-missing');
    const [page] = be.pages;
    const underEu = judgePage(page!, defaultPolicy(cwd), emptyBaseline()).filter((f) => f.rule === 'cookie-policy-link-missing');
    expect(underEu.map((f) => f.severity)).toEqual(['warn']);
    expect(underEu[0]!.evidence).toEqual(expect.arrayContaining(['the site stores cookie "_ga" (127.0.0.1)', 'the site contacts www.googletagmanager.com']));
  });
});
