// The compliance matrix: real consent managers from npm, configured as their own documentation
// shows, in Dutch, French and English, each site served under a host name of its own
// (web.<site>.be) and scanned through the CLI, every page of it. Done right, each passes every visit
// that runs, withdrawal included; with the Meta pixel outside the manager, each fails with the rules
// that say so, before consent, after refusing and after withdrawing. Then the withdrawal's own
// failures on each manager, as its real options make them: no way back to the choice, and a cookie
// clean-up left without its domain option. Every finding of every page is written out below,
// warnings included: a rule that starts or stops firing on a real manager changes this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors, vendorBrowserArgs } from '../examples/vendors/serve.mjs';
import { startStatic, type StaticServer } from '../src/target/static.js';
import type { Finding, GateResult, Phase } from '../src/types.js';
import { browserFlags, runCli, type CliRun } from './support/cli.js';
import { essentialCookieSite, managerMatrixSite, MANAGERS, noCookieSite, WITH_DOMAIN_OPTION, type ManagerName, type Variant } from './support/matrix-sites.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const MANAGER_NAMES = Object.keys(MANAGERS) as ManagerName[];

/**
 * One site of the matrix. `expected`: every finding each of its two pages must raise, and nothing else,
 * as "severity rule visit message subject"; `visits`: the visits its run makes.
 */
interface Row {
  site: string;
  build: (registrableDomain: string) => string;
  visits: 'all' | 'withdrawal';
  exit: 0 | 1;
  expected: string[];
}

/** GA4's cookies ask for two years: more than the 13 months the lifetime rule allows, on every site that accepts GA. */
const GA_LIFETIME = ['warn cookie-lifetime-too-long after-accept tooLong _ga', 'warn cookie-lifetime-too-long after-accept tooLong _ga_MATRIX1'];
/** A manager that clears no cookie when consent is withdrawn leaves GA's and the pixel's first-party cookies behind. */
const leftBehind = (...names: string[]): string[] => names.map((name) => `warn withdrawal-not-effective after-withdraw cookieKept ${name}`);
/** Reopened only by the manager's script API (no visitor can call it), or not at all. */
const API_ONLY = 'warn withdrawal-unavailable after-withdraw apiOnly withdraw';
const NO_WAY_BACK = 'warn withdrawal-unavailable after-withdraw none withdraw';
/** What the Meta pixel loaded by the page itself does in a visit: its script, its hit (with the _fbp id where that is checked), its two cookies. */
const pixelIn = (phase: Phase, rule: string, identifier: string | null): string[] => [
  ...(identifier ? [`error identifier-sent-to-third-party ${phase} ${identifier} _fbp`] : []),
  ...['connect.facebook.net', 'www.facebook.com'].map((host) => `error ${rule} ${phase} request ${host}`),
  ...['_fbp', 'fr'].map((name) => `error ${rule} ${phase} cookieSet ${name}`),
];
/**
 * The pixel outside the manager: before any choice, after refusing, after withdrawing; and its cookies,
 * stored after accepting too, are in no declaration (the policy page lists what the manager loads).
 */
const PIXEL_OUTSIDE = [
  'warn cookie-not-declared after-accept cookie _fbp',
  'warn cookie-not-declared after-accept cookie fr',
  'error identifier-sent-to-third-party initial beforeConsent _fbp',
  'error tracker-request-before-consent initial request connect.facebook.net',
  'error tracker-request-before-consent initial request www.facebook.com',
  'error tracking-cookie-before-consent initial cookieSet _fbp',
  'error tracking-cookie-before-consent initial cookieSet fr',
  ...pixelIn('after-reject', 'tracking-after-reject', 'afterReject'),
  ...pixelIn('after-withdraw', 'withdrawal-not-effective', null),
];
/** Osano's opt-out loads GA and the pixel before any choice, by design: EU rules never let it pass. */
const OPT_OUT_BEFORE_CHOICE = [
  ...['_fbp', '_ga'].map((name) => `error identifier-sent-to-third-party initial beforeConsent ${name}`),
  ...['connect.facebook.net', 'www.facebook.com', 'www.google-analytics.com', 'www.googletagmanager.com'].map((host) => `error tracker-request-before-consent initial request ${host}`),
  ...['_fbp', '_ga', '_ga_MATRIX1', 'fr'].map((name) => `error tracking-cookie-before-consent initial cookieSet ${name}`),
  ...GA_LIFETIME.map((f) => f.replace('after-accept', 'initial')),
];
/** A clean-up left without its domain option: it tried the page's host, while GA and the pixel keep their cookies on the registrable domain. */
const DELETION_MISSED = ['_fbp', '_ga', '_ga_MATRIX1'].map((name) => `warn withdrawal-not-effective after-withdraw cookieDeletionMissed ${name}`);

const managerRow = (name: ManagerName, variant: Variant, expected: string[]): Row => ({
  site: `${name}-${variant}`,
  build: (domain) => managerMatrixSite(name, variant, { domain }),
  visits: variant === 'done-right' || variant === 'pixel-outside' ? 'all' : 'withdrawal',
  exit: expected.some((f) => f.startsWith('error')) ? 1 : 0,
  expected,
});

const BEYONK_CONSENT_LIFETIME = 'warn cookie-lifetime-too-long after-accept tooLong toestemming';

/**
 * Per manager: done right, with the pixel outside it, without a way back to the choice, and (where
 * its clean-up takes a domain) with that option left out. Osano's opt-out cannot pass by design;
 * Osano and Beyonk clear no cookies on withdrawal, so what GA and the pixel stored stays behind (a
 * warning); Beyonk's own consent cookie asks for 400 days.
 */
const ROWS: Row[] = [
  managerRow('tarteaucitron', 'done-right', GA_LIFETIME),
  managerRow('tarteaucitron', 'pixel-outside', [...PIXEL_OUTSIDE, ...GA_LIFETIME]),
  managerRow('tarteaucitron', 'no-reopen', [...GA_LIFETIME, API_ONLY]),
  managerRow('orejime', 'done-right', GA_LIFETIME),
  managerRow('orejime', 'pixel-outside', [...PIXEL_OUTSIDE, ...GA_LIFETIME]),
  managerRow('orejime', 'no-reopen', [...GA_LIFETIME, API_ONLY]),
  managerRow('cookieconsent-opt-in', 'done-right', [...GA_LIFETIME, ...leftBehind('_fbp', '_ga', '_ga_MATRIX1')]),
  managerRow('cookieconsent-opt-in', 'pixel-outside', [...PIXEL_OUTSIDE, ...GA_LIFETIME, ...leftBehind('_ga', '_ga_MATRIX1')]),
  managerRow('cookieconsent-opt-in', 'no-reopen', [...GA_LIFETIME, NO_WAY_BACK]),
  managerRow('cookieconsent-opt-out', 'done-right', [...OPT_OUT_BEFORE_CHOICE, ...leftBehind('_fbp', '_ga', '_ga_MATRIX1')]),
  managerRow('cookieconsent-opt-out', 'pixel-outside', [...OPT_OUT_BEFORE_CHOICE, ...PIXEL_OUTSIDE.filter((f) => !f.includes(' initial ')), ...leftBehind('_ga', '_ga_MATRIX1')]),
  managerRow('cookieconsent-opt-out', 'no-reopen', [...OPT_OUT_BEFORE_CHOICE, NO_WAY_BACK]),
  managerRow('klaro', 'done-right', GA_LIFETIME),
  managerRow('klaro', 'pixel-outside', [...PIXEL_OUTSIDE, ...GA_LIFETIME]),
  managerRow('klaro', 'no-reopen', [...GA_LIFETIME, API_ONLY]),
  managerRow('klaro', 'deletion-without-domain', [...GA_LIFETIME, ...DELETION_MISSED]),
  managerRow('vanilla-cookieconsent', 'done-right', GA_LIFETIME),
  managerRow('vanilla-cookieconsent', 'pixel-outside', [...PIXEL_OUTSIDE, ...GA_LIFETIME]),
  managerRow('vanilla-cookieconsent', 'no-reopen', [...GA_LIFETIME, API_ONLY]),
  managerRow('vanilla-cookieconsent', 'deletion-without-domain', [...GA_LIFETIME, ...DELETION_MISSED]),
  managerRow('beyonk', 'done-right', [...GA_LIFETIME, BEYONK_CONSENT_LIFETIME, ...leftBehind('_fbp', '_ga', '_ga_MATRIX1')]),
  managerRow('beyonk', 'pixel-outside', [...PIXEL_OUTSIDE, ...GA_LIFETIME, BEYONK_CONSENT_LIFETIME, ...leftBehind('_ga', '_ga_MATRIX1')]),
  managerRow('beyonk', 'no-reopen', [...GA_LIFETIME, BEYONK_CONSENT_LIFETIME, NO_WAY_BACK]),
  { site: 'no-cookies', build: noCookieSite, visits: 'all', exit: 0, expected: [] },
  { site: 'essential-cookies', build: essentialCookieSite, visits: 'all', exit: 0, expected: [] },
];

const servers: StaticServer[] = [];
const hosts = new Map<string, string>();
let closeVendors: () => Promise<unknown>;
const runs = new Map<Row['visits'], { cli: CliRun; result: GateResult }>();

const hostOf = (row: Row): string => `web.${row.site}.be`;
const pagesOf = (row: Row): string[] => ['index.html', 'contact.html'].map((page) => `http://${hostOf(row)}/${page}`);
const PHASES_OF: Record<Row['visits'], string[]> = { all: [], withdrawal: ['--phases', 'initial,after-withdraw'] };

beforeAll(async () => {
  for (const row of ROWS) {
    const server = await startStatic(row.build(`${row.site}.be`));
    servers.push(server);
    hosts.set(hostOf(row), new URL(server.url).port);
  }
  const vendors = await startVendors();
  closeVendors = vendors.close;
  const flags = browserFlags(vendorBrowserArgs(vendors.port, Object.fromEntries([...hosts].map(([host, port]) => [host, Number(port)]))));
  for (const visits of ['all', 'withdrawal'] as const) {
    const rows = ROWS.filter((row) => row.visits === visits);
    if (rows.length === 0) continue;
    const out = join(mkdtempSync(join(tmpdir(), 'cg-matrix-')), 'report.json');
    const cli = await runCli(['scan', ...rows.flatMap(pagesOf), ...flags, ...PHASES_OF[visits], '--format', 'json', '-o', out, '--quiet'], { timeoutMs: 540_000 });
    runs.set(visits, { cli, result: JSON.parse(readFileSync(out, 'utf8')) as GateResult });
  }
}, 600_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await closeVendors?.();
});

const resultOf = (row: Row): GateResult => runs.get(row.visits)!.result;
const line = (f: Finding): string => `${f.severity} ${f.rule} ${f.phase} ${f.messageId} ${f.subject.name ?? f.subject.host ?? f.subject.kind}`;
const findingsOn = (row: Row, url: string): string[] => resultOf(row).findings.filter((f) => f.page === url).map(line).sort();
const visitOf = (row: Row, url: string, phase: Phase) => resultOf(row).pages.find((p) => p.url === url)?.phases.find((s) => s.phase === phase);

describe('compliance matrix, through the CLI', () => {
  it('each run ends as its sites require: failing where any site fails', () => {
    for (const [visits, { cli }] of runs) {
      const rows = ROWS.filter((row) => row.visits === visits);
      expect(cli.code, `${visits}: ${cli.stderr.slice(-2000)}`).toBe(Math.max(...rows.map((row) => row.exit)));
    }
  });

  it.each(ROWS)('$site: every finding on every page, and nothing else', (row) => {
    // On a mismatch, what each visit did says why.
    const visits = (url: string): string => (resultOf(row).pages.find((p) => p.url === url)?.phases ?? []).map((scan) => `${scan.phase}: ${scan.error ?? scan.action?.detail ?? ''}`).join('\n');
    for (const url of pagesOf(row)) expect(findingsOn(row, url), `${url}\n${visits(url)}`).toEqual([...row.expected].sort());
  });

  it('has every manager in every variant it has', () => {
    const variants = (name: ManagerName): Variant[] => ['done-right', 'pixel-outside', 'no-reopen', ...(WITH_DOMAIN_OPTION.includes(name) ? (['deletion-without-domain'] as const) : [])];
    const sites = MANAGER_NAMES.flatMap((name) => variants(name).map((variant) => `${name}-${variant}`));
    expect(ROWS.map((row) => row.site).filter((site) => sites.includes(site)).sort()).toEqual(sites.sort());
  });

  const managerRows = (...variants: Variant[]): Row[] => ROWS.filter((row) => variants.some((variant) => row.site.endsWith(`-${variant}`)));

  it.each(managerRows('done-right', 'pixel-outside'))('$site: the banner is found, and every choice visit is made and stored, on every page', (row) => {
    for (const url of pagesOf(row)) {
      expect(visitOf(row, url, 'initial')?.banner, `no banner on ${url}`).toMatchObject({ source: 'heuristic', accept: expect.anything(), reject: expect.anything() });
      for (const phase of ['after-scroll', 'after-reject', 'after-accept', 'after-withdraw'] as const) expect(visitOf(row, url, phase)?.action, `${phase} on ${url}`).toMatchObject({ done: true, failure: null });
      // None of these managers shows switches on its first layer: saving as shown is not a choice there.
      expect(resultOf(row).pages.find((p) => p.url === url)?.skipped).toEqual([{ phase: 'after-save', reason: "no switches with a save control on the banner's first layer" }]);
    }
  });

  it.each(managerRows('done-right').filter((row) => !row.site.includes('opt-out')))('$site: GA4 and the Meta pixel did load once the visitor accepted, and _ga was set', (row) => {
    for (const url of pagesOf(row)) {
      const accepted = visitOf(row, url, 'after-accept')!;
      expect(accepted.requests.map((r) => new URL(r.url).host), url).toEqual(expect.arrayContaining(['www.googletagmanager.com', 'www.google-analytics.com', 'connect.facebook.net']));
      expect(accepted.cookies.map((c) => c.name), url).toEqual(expect.arrayContaining(['_ga', '_fbp']));
    }
  });

  it.each(managerRows('done-right', 'deletion-without-domain'))('$site: withdrawn the way a visitor would, by a control on the page, and the refusal stored', (row) => {
    for (const url of pagesOf(row)) {
      const action = visitOf(row, url, 'after-withdraw')?.action;
      expect(action, url).toMatchObject({ kind: 'withdraw', done: true, reopened: { via: 'page', place: expect.objectContaining({ frameUrl: null }) } });
    }
    // Withdrawn once, on the site's first page with the banner; its other page loaded with the withdrawal stored.
    const details = pagesOf(row).map((url) => visitOf(row, url, 'after-withdraw')?.action?.detail ?? '');
    const flow = details.findIndex((detail) => /reloaded, followed a link to \//.test(detail));
    expect(flow, details.join('\n')).not.toBe(-1);
    expect(details.filter((_, i) => i !== flow)).toEqual([`withdrawn on ${new URL(pagesOf(row)[flow]!).pathname}, stored`]);
  });

  it.each(managerRows('no-reopen'))('$site: no control on the page brings the choice back', (row) => {
    for (const url of pagesOf(row)) expect(visitOf(row, url, 'after-withdraw')?.action?.reopened?.via ?? null, url).not.toBe('page');
  });

  it('the essential-cookies site is seen setting its session, CSRF and language cookies; the plain site sets none', () => {
    const site = (name: string): Row => ROWS.find((row) => row.site === name)!;
    const names = (row: Row) => pagesOf(row).flatMap((url) => visitOf(row, url, 'initial')!.cookies.map((c) => c.name));
    expect(new Set(names(site('essential-cookies')))).toEqual(new Set(['PHPSESSID', 'csrftoken', 'lang']));
    expect(names(site('no-cookies'))).toEqual([]);
  });
});
