// The policy in a real scan: allow entries, and what each jurisdiction lets them do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeSaved } from '../src/entry/judge.js';
import { runGate } from '../src/gate.js';
import { loadPolicy } from '../src/policy/load.js';
import type { Policy } from '../src/policy/policy.js';
import type { GateResult } from '../src/types.js';
import { browserFlags, runCli } from './support/cli.js';
import { serve, type Served } from './support/fixtures.js';

/** The fixture pages these policies judge. */
const PAGES = ['tcf-consent', 'unknown', 'lifetime', 'matomo', 'ga4'];

let served: Served;
/** One real scan of every page above, under no policy of its own. */
let scanned: GateResult;
const urlOf = (page: string): string => `${served.url}${page}/`;

function policyOf(policy: object): Policy {
  const folder = mkdtempSync(join(tmpdir(), 'cg-gate-policy-'));
  writeFileSync(join(folder, 'consent-gate.json'), JSON.stringify(policy));
  return loadPolicy(join(folder, 'consent-gate.json'));
}

// The first visit is what these policies judge; the consent flows have their own tests.
const scanWith = (policy: object, ...pages: string[]): Promise<GateResult> =>
  runGate({ discover: { pages: pages.map(urlOf) }, browserArgs: served.browserArgs, phases: ['initial'], policy: policyOf(policy) });

beforeAll(async () => {
  served = await serve();
  // Allow entries, jurisdictions, overrides and failOn act only where a page is judged (judgePage, which
  // the gate and `consent-gate judge` share), never on what the browser gathers: one scan of the pages,
  // judged under each policy, sees what a scan per policy would see.
  scanned = await scanWith({}, ...PAGES);
});
afterAll(async () => served?.close());

/** `pages` of the shared scan, judged under `policy` as `consent-gate judge` judges a saved report. */
function judgedWith(policy: object, ...pages: string[]): GateResult {
  const urls = pages.map(urlOf);
  const seen = scanned.pages.filter((page) => urls.includes(page.url));
  expect(seen.map((page) => page.url).sort()).toEqual([...urls].sort());
  return judgeSaved({ ...scanned, target: { ...scanned.target, urls }, pages: seen }, policyOf(policy));
}

const brief = (result: GateResult): string[] =>
  result.findings.map((f) => `${f.status} ${f.severity} ${f.rule} ${f.subject.name ?? f.subject.host}`).sort();

describe('allow entries', () => {
  it('allow a false positive with its reason, and the gate passes', async () => {
    const strict = judgedWith({}, 'tcf-consent');
    expect(brief(strict)).toEqual(['new error consent-banner-missing missing', 'new error tracking-cookie-before-consent euconsent']);
    expect(strict.verdict.exitCode).toBe(1);

    const reason = "holds the visitor's own TCF consent choice";
    // Through the gate itself, scanning under the policy: the one run here that is not the shared scan.
    const allowed = await scanWith({ allow: { cookies: [{ name: 'euconsent', reason }] } }, 'tcf-consent');
    // Nothing else tracks, so no banner is needed either.
    expect(brief(allowed)).toEqual(['allowed error consent-banner-missing missing', 'allowed error tracking-cookie-before-consent euconsent']);
    expect(allowed.findings.find((f) => f.subject.name === 'euconsent')!.because).toBe(reason);
    expect(allowed.verdict).toMatchObject({ status: 'passed', exitCode: 0, allowed: 2, errors: 0 });
  });

  it('apply per page through overrides, and rules can be switched off per page', () => {
    const result = judgedWith({ overrides: [{ pages: '/unknown/*', rules: { 'unknown-third-party-before-consent': 'off' } }] }, 'unknown', 'lifetime');
    expect(brief(result)).toEqual(['new warn cookie-lifetime-too-long site_prefs']);
  });
});

describe('jurisdictions on a site with first-party analytics (self-hosted Matomo)', () => {
  const policy = (jurisdiction: string) => ({
    jurisdiction,
    allow: { cookies: [{ name: '_pk_*', reason: 'Matomo on our own server, IP anonymised, no data shared' }] },
  });

  it('eu: no analytics exemption, the allow entry is refused and says why', () => {
    const result = judgedWith(policy('eu'), 'matomo');
    expect(brief(result)).toEqual([
      'new error consent-banner-missing missing',
      'new error tracking-cookie-before-consent _pk_id.1.1fff',
      'new error tracking-cookie-before-consent _pk_ses.1.1fff',
    ]);
    expect(result.findings.find((f) => f.subject.kind === 'cookie')!.notes[0]).toMatch(/^allow entry not applied under jurisdiction "eu": the ePrivacy Directive/);
    expect(result.verdict.exitCode).toBe(1);
  });

  it('be: statistics cookies need consent in Belgium', () => {
    const result = judgedWith(policy('be'), 'matomo');
    expect(result.verdict.errors).toBe(3);
    expect(result.findings.find((f) => f.subject.kind === 'cookie')!.notes[0]).toContain('does not exempt statistics cookies');
  });

  it.each(['nl', 'nl-government'])('%s: first-party analytics allowed with a reason passes', (jurisdiction) => {
    const result = judgedWith(policy(jurisdiction), 'matomo');
    expect(brief(result)).toEqual([
      'allowed error consent-banner-missing missing',
      'allowed error tracking-cookie-before-consent _pk_id.1.1fff',
      'allowed error tracking-cookie-before-consent _pk_ses.1.1fff',
    ]);
    expect(result.verdict).toMatchObject({ status: 'passed', exitCode: 0 });
  });

  it('nl: allowed third-party analytics stays a warning, which failOn "warn" turns into a failure', () => {
    const nl = {
      jurisdiction: 'nl',
      allow: {
        cookies: [{ name: '_ga*', reason: 'GA4 with IP masking and data sharing off, per the AP guidance' }],
        hosts: [
          { host: '*.google-analytics.com', reason: 'GA4, privacy-friendly settings' },
          { host: 'www.googletagmanager.com', reason: 'GA4 loader' },
        ],
      },
    };
    const result = judgedWith(nl, 'ga4');
    expect(brief(result)).toEqual([
      'allowed error consent-banner-missing missing',
      'allowed error tracking-cookie-before-consent _ga',
      'allowed error tracking-cookie-before-consent _ga_TEST4242',
      'new warn cookie-lifetime-too-long _ga',
      'new warn cookie-lifetime-too-long _ga_TEST4242',
      // The client id handed to Google: the allowed host makes it third-party analytics, a warning.
      'new warn identifier-sent-to-third-party _ga',
      'new warn tracker-request-before-consent www.google-analytics.com',
      'new warn tracker-request-before-consent www.googletagmanager.com',
    ]);
    expect(result.findings.find((f) => f.rule === 'tracker-request-before-consent')!.notes[0]).toContain('third-party analytics stays a warning');
    expect(result.verdict.exitCode).toBe(0);
    const strict = judgedWith({ ...nl, failOn: 'warn' }, 'ga4');
    expect(strict.verdict).toMatchObject({ status: 'failed', exitCode: 1, warnings: 5 });
  });

  it('nl-government: an unidentified third party is an error', () => {
    expect(brief(judgedWith({ jurisdiction: 'nl' }, 'unknown'))).toEqual(['new warn unknown-third-party-before-consent cdn.chatwidget.example']);
    expect(brief(judgedWith({ jurisdiction: 'nl-government' }, 'unknown'))).toEqual(['new error unknown-third-party-before-consent cdn.chatwidget.example']);
  });
});

describe('allow.urls wildcards against a long beacon URL', () => {
  it('match at once: a pixel URL with a 40 KB path and a pattern of many wildcards do not stall the scan', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cg-long-beacon-'));
    const page = (body: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
    writeFileSync(join(folder, 'index.html'), page(`<h1>Shop</h1><a href="/cookies.html">Cookies</a><script>new Image().src = 'https://www.facebook.com/tr/' + 'a'.repeat(40000) + '.gif';</script>`));
    writeFileSync(join(folder, 'cookies.html'), page('<h1>Cookie policy</h1>'));
    const site = await serve(folder);
    try {
      const policyFile = join(folder, 'consent-gate.json');
      const reason = 'the conversion pixel, under a signed processing agreement';
      // The first pattern cannot match; as a regular expression it backtracks for hours on this URL.
      writeFileSync(policyFile, JSON.stringify({ allow: { urls: [{ pattern: 'https://www.facebook.com/tr/*a*a*a*a*z*', reason: 'never matches' }, { pattern: 'https://www.facebook.com/tr/*', reason }] } }));
      // In a child process with a bound: a matcher that spins would block this test's own time-out.
      const run = await runCli(['scan', '-c', policyFile, '--page', site.url, '--phases', 'initial', '--format', 'json', ...browserFlags(site.browserArgs)], { timeoutMs: 240_000 });
      expect(run.killed).toBe(false);
      const result = JSON.parse(run.stdout) as GateResult;
      const pixel = result.findings.find((f) => f.rule === 'tracker-request-before-consent');
      expect(pixel).toMatchObject({ status: 'allowed', because: reason });
      expect(pixel!.subject.url!.length).toBeGreaterThan(40_000);
      expect(run.code).toBe(0);
    } finally {
      await site.close();
    }
  }, 300_000);
});
