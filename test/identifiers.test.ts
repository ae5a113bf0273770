// One real scan of the identifier fixtures before consent: a site's own CRM snippet that keeps a CRM
// id and a GA-style client id in cookies and a visitor id in localStorage, and hands them to an
// advertising pixel (image query, sendBeacon JSON body with a base64 id, keepalive fetch header);
// and the same snippet with its pixel off, sending the ids only to the site's own host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import type { Finding, GateResult } from '../src/types.js';
import { serve, type Served } from './support/fixtures.js';

const PAGES = ['identifiers', 'identifiers-own'];
const RULE = 'identifier-sent-to-third-party';

let served: Served;
let result: GateResult;

beforeAll(async () => {
  served = await serve();
  result = await runGate({ discover: { pages: PAGES.map((p) => `${served.url}${p}/`) }, browserArgs: served.browserArgs, phases: ['initial'] });
});
afterAll(async () => served?.close());

const on = (page: string): Finding[] => result.findings.filter((f) => f.page === `${served.url}${page}/` && f.rule === RULE);
const scanOf = (page: string) => result.pages.find((p) => p.url === `${served.url}${page}/`)!.phases[0]!;
/** What a finding says: which value, to whom, where. */
const said = (f: Finding) => ({ severity: f.severity, messageId: f.messageId, subject: f.subject, source: f.data['source'], holder: f.data['holder'], where: f.data['where'] });

describe('identifiers sent to third parties before consent', () => {
  it('scanned both pages', () => {
    expect(result.pages.map((p) => p.phases.map((s) => s.error))).toEqual(PAGES.map(() => [null]));
  });

  it('finds the client id in the image query, the CRM id in the beacon body and the fetch header, the visitor id base64 in the body', () => {
    const pixel = (path: string) => `https://px.adnetwork.example${path}`;
    expect(on('identifiers').map(said)).toEqual([
      { severity: 'error', messageId: 'beforeConsent', subject: { kind: 'request', host: 'px.adnetwork.example', name: '_ga', url: pixel('/i.gif') }, source: 'cookie', holder: '127.0.0.1', where: 'query' },
      { severity: 'error', messageId: 'beforeConsent', subject: { kind: 'request', host: 'px.adnetwork.example', name: 'crm_id', url: pixel('/b') }, source: 'cookie', holder: '127.0.0.1', where: 'body, header' },
      {
        severity: 'error',
        messageId: 'beforeConsent',
        subject: { kind: 'request', host: 'px.adnetwork.example', name: 'visitor_id', url: pixel('/b'), storage: 'localStorage' },
        source: 'localStorage',
        holder: '127.0.0.1',
        where: 'body',
      },
    ]);
    const crm = on('identifiers').find((f) => f.subject.name === 'crm_id')!;
    expect(crm.evidence).toEqual([`cookie crm_id in the body of ${pixel('/b')}`, `cookie crm_id in the header of ${pixel('/k')}`]);
    // The chain leads from the page through the snippet to the beacon.
    expect(crm.chain.map((l) => l.url)).toEqual([`${served.url}identifiers/`, `${served.url}identifiers/crm.js`, pixel('/b')]);
  });

  it('leaves the language cookie and the hit without ids alone, though they went to the pixel too', () => {
    expect(on('identifiers').map((f) => f.subject.name)).not.toContain('lang');
    // Both image hits went out; only the one with the client id is evidence.
    expect(scanOf('identifiers').requests.filter((r) => r.url.startsWith('https://px.adnetwork.example/i.gif')).map((r) => r.url)).toEqual([
      'https://px.adnetwork.example/i.gif?ev=PageView&lang=nl',
      'https://px.adnetwork.example/i.gif?ev=Identify&cid=<redacted>&lang=nl',
    ]);
  });

  it("does not count ids sent only to the site's own host", () => {
    expect(on('identifiers-own')).toEqual([]);
    const own = scanOf('identifiers-own');
    // The ids did go out, to the site itself, and were held: the snippet ran.
    expect(own.requests.some((r) => r.url.startsWith(`${served.url}cookies.html?crm=<redacted>`))).toBe(true);
    expect(own.identifiers.filter((i) => i.class.party === 'third')).toEqual([]);
  });
});
