// The compliance matrix (issue #15): real consent managers from npm, configured as their own
// documentation shows, in Dutch, French and English. Each done right must pass in every visit, with
// its banner found and both reject and accept clicked on every page; each with the Meta pixel
// outside the manager must fail with the rule that says so. A site that stores nothing, and one that
// stores only what it needs, must pass. One browser run over every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { runGate } from '../src/gate.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { PHASES, type GateResult } from '../src/types.js';
import { decideVerdict } from '../src/verdict/verdict.js';
import { essentialCookieSite, managerMatrixSite, MANAGERS, noCookieSite, type ManagerName } from './support/matrix-sites.js';

const MANAGER_NAMES = Object.keys(MANAGERS) as ManagerName[];
/** The errors a tracker outside the manager causes: before any choice, and still there after refusing. */
const LEAK = ['identifier-sent-to-third-party', 'tracker-request-before-consent', 'tracking-after-reject', 'tracking-cookie-before-consent'];
/**
 * Opt-out loads the trackers before any choice by design (Osano's docs: disable cookies once the
 * visitor declines), which ePrivacy art. 5(3) does not allow: it can never pass under EU rules. Done
 * as its docs say, it honours "Decline" from the next page on; but GA4, already running, still
 * sends its engagement hit after the refusal (see the test below).
 */
const OPT_OUT = ['identifier-sent-to-third-party', 'tracker-request-before-consent', 'tracking-after-reject', 'tracking-cookie-before-consent'];

interface Row {
  site: string;
  build: () => string;
  verdict: 'passed' | 'failed';
  /** The error rules the site's pages must raise, sorted; nothing else at error level. */
  errors: string[];
}

const ROWS: Row[] = [
  ...MANAGER_NAMES.flatMap((name): Row[] => [
    {
      site: `${name} done right`,
      build: () => managerMatrixSite(name, 'done-right'),
      verdict: name === 'cookieconsent-opt-out' ? 'failed' : 'passed',
      errors: name === 'cookieconsent-opt-out' ? OPT_OUT : [],
    },
    { site: `${name} with the pixel outside it`, build: () => managerMatrixSite(name, 'pixel-outside'), verdict: 'failed', errors: LEAK },
  ]),
  { site: 'no cookies at all', build: noCookieSite, verdict: 'passed', errors: [] },
  { site: 'essential cookies only', build: essentialCookieSite, verdict: 'passed', errors: [] },
];

const servers = new Map<string, StaticServer>();
let closeVendors: () => Promise<unknown>;
let result: GateResult;

/**
 * The page scanned per site: its home page. The visits that follow a link (after scrolling, after
 * refusing) open its contact page too; scanning that as well doubled the run and found the same.
 */
const pagesOf = (site: string): string[] => [servers.get(site)!.url];

beforeAll(async () => {
  for (const row of ROWS) servers.set(row.site, await startStatic(row.build()));
  const vendors = await startVendors();
  closeVendors = vendors.close;
  // Withdrawing consent has its own test (test/withdrawal.test.ts): the matrix ends at accepting.
  result = await runGate({ discover: { pages: ROWS.flatMap((row) => pagesOf(row.site)) }, browserArgs: vendors.browserArgs, phases: PHASES.filter((p) => p !== 'after-withdraw') });
}, 600_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
  await closeVendors?.();
});

const findingsOf = (site: string) => result.findings.filter((f) => pagesOf(site).includes(f.page));
const visitOf = (url: string, phase: string) => result.pages.find((p) => p.url === url)?.phases.find((s) => s.phase === phase);

describe('compliance matrix', () => {
  it.each(ROWS)('$site: $verdict, with errors $errors', ({ site, verdict, errors }) => {
    const findings = findingsOf(site);
    // The verdict a run over this site's pages alone would give (failOn: error, no baseline).
    expect(decideVerdict(findings, 0, 'error', 2).status, findings.map((f) => `${f.severity} ${f.rule} (${f.phase}) ${f.message}`).join('\n')).toBe(verdict);
    expect([...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort()).toEqual(errors);
  });

  it.each(MANAGER_NAMES.flatMap((name) => [`${name} done right`, `${name} with the pixel outside it`]))(
    '%s: the banner is found, and reject and accept are clicked, on every page',
    (site) => {
      for (const url of pagesOf(site)) {
        const initial = visitOf(url, 'initial');
        expect(initial?.banner, `no banner on ${url}`).toMatchObject({ source: 'heuristic', accept: expect.anything(), reject: expect.anything() });
        expect(visitOf(url, 'after-reject')?.action, url).toMatchObject({ kind: 'reject', done: true });
        expect(visitOf(url, 'after-accept')?.action, url).toMatchObject({ kind: 'accept', done: true });
      }
    },
  );

  it.each(MANAGER_NAMES.filter((name) => name !== 'cookieconsent-opt-out'))('%s done right: GA4 and the Meta pixel load once the visitor accepts', (name) => {
    const hosts = visitOf(servers.get(`${name} done right`)!.url, 'after-accept')!.requests.map((r) => new URL(r.url).host);
    expect(hosts).toEqual(expect.arrayContaining(['www.googletagmanager.com', 'connect.facebook.net']));
  });

  it('cookieconsent opt-out done right: after "Decline", only the hit of the GA4 already running and the client id it carries, nothing that loaded before the click', () => {
    for (const url of pagesOf('cookieconsent-opt-out done right')) {
      const afterReject = result.findings.filter((f) => f.page === url && f.phase === 'after-reject');
      expect(afterReject.map((f) => `${f.rule} ${f.subject.kind} ${f.subject.host ?? f.subject.name}`)).toEqual([
        'identifier-sent-to-third-party request www.google-analytics.com',
        'tracking-after-reject request www.google-analytics.com',
      ]);
    }
  });

  it('the essential-cookies site is seen setting its session, CSRF and language cookies; the plain site sets none', () => {
    const names = (site: string) => pagesOf(site).flatMap((url) => visitOf(url, 'initial')!.cookies.map((c) => c.name));
    expect(new Set(names('essential cookies only'))).toEqual(new Set(['PHPSESSID', 'csrftoken', 'lang']));
    expect(names('no cookies at all')).toEqual([]);
  });
});
