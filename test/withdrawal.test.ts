// Withdrawing consent (the after-withdraw visit): accept, reload, reopen the choice the way a visitor
// would, refuse everything, reload, follow a link. One run over three sites: vanilla-cookieconsent from
// npm done right, with a Dutch "Cookie-instellingen" footer link; the same manager behind a loader
// that ignores the withdrawal; and a home-made banner that, once answered, never comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { runGate } from '../src/gate.js';
import { formatJson } from '../src/report/json.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import type { GateResult } from '../src/types.js';
import { kitSite, managerSite } from './support/fixtures.js';
import { validateReport } from './support/schema.js';

const servers: StaticServer[] = [];
const urls = new Map<string, string>();
let closeVendors: (() => Promise<unknown>) | undefined;
let result: GateResult;

beforeAll(async () => {
  const folders: [string, string][] = [
    ['done-right', managerSite('vanilla-withdraw')],
    ['ignored', managerSite('vanilla-withdraw-ignored')],
    ['no-way-back', kitSite('', true)],
  ];
  for (const [name, folder] of folders) {
    const server = await startStatic(folder);
    servers.push(server);
    urls.set(name, server.url);
  }
  const vendors = await startVendors();
  closeVendors = vendors.close;
  result = await runGate({ discover: { pages: [...urls.values()] }, browserArgs: vendors.browserArgs, phases: ['initial', 'after-accept', 'after-withdraw'] });
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await closeVendors?.();
});

const findingsOn = (site: string, phase = 'after-withdraw'): string[] =>
  result.findings.filter((f) => f.page === urls.get(site) && f.phase === phase).map((f) => `${f.severity} ${f.rule} ${f.messageId} ${f.subject.name ?? f.subject.host}`);
const withdrawal = (site: string) => result.pages.find((p) => p.url === urls.get(site))!.phases.find((s) => s.phase === 'after-withdraw');

describe('withdrawing consent', () => {
  it('vanilla-cookieconsent with a "Cookie-instellingen" link: reopened by the link, refused, nothing tracks any more', () => {
    expect(withdrawal('done-right')?.action).toMatchObject({ kind: 'withdraw', done: true, reopened: { via: 'page', control: 'Cookie-instellingen' } });
    expect(withdrawal('done-right')?.action?.detail).toMatch(/clicked "Alles weigeren".*reloaded.*followed a link to \/contact\.html/);
    // autoClear removed the GA cookies on refusal: nothing left in the jar that tracks.
    expect(withdrawal('done-right')?.cookies.map((c) => c.name)).not.toContain('_ga');
    expect(findingsOn('done-right')).toEqual([]);
    // The page the visitor reloads carries the consent manager's own cookie, by name only.
    const reloaded = withdrawal('done-right')?.requests.find((r) => r.resourceType === 'document');
    expect(reloaded?.cookiesSent).toContain('cc_cookie');
  });

  it('a loader that ignores the withdrawal: GA4 fires and writes its cookies again', () => {
    expect(withdrawal('ignored')?.action).toMatchObject({ kind: 'withdraw', done: true, reopened: { via: 'page' } });
    expect(findingsOn('ignored')).toEqual(
      expect.arrayContaining([
        'error withdrawal-not-effective request www.google-analytics.com',
        'error withdrawal-not-effective request www.googletagmanager.com',
        'error withdrawal-not-effective cookieSet _ga',
      ]),
    );
    expect(findingsOn('ignored').filter((f) => !f.startsWith('error withdrawal-not-effective'))).toEqual([]);
  });

  it('a banner that never comes back after accepting: withdrawal-unavailable, and no claim about tracking', () => {
    expect(withdrawal('no-way-back')?.action).toMatchObject({ kind: 'withdraw', done: false, reopened: null });
    expect(findingsOn('no-way-back')).toEqual(['warn withdrawal-unavailable none withdraw']);
  });

  it('writes a JSON report that `judge` and `merge-reports` accept', () => {
    expect(validateReport(JSON.parse(formatJson(result)))).toBe(true);
  });
});
