// Who loaded each tracker: chains from the page through a tag manager, a script and a redirect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import { initiatorOf } from '../src/gather/initiator.js';
import { formatConsole } from '../src/report/console.js';
import { markdown } from '../src/report/markdown.js';
import { chainTo } from '../src/derive/chain.js';
import type { ClassifiedScan, Finding, GateResult } from '../src/types.js';
import { ROOT, serve, type Served } from './support/fixtures.js';

let served: Served;
let result: GateResult;

beforeAll(async () => {
  served = await serve();
  result = await runGate({
    discover: { pages: [`${served.url}tag-manager/`, `${served.url}redirect-pixel/`, `${served.url}pixel/`] },
    browserArgs: served.browserArgs,
    phases: ['initial'],
  });
});
afterAll(async () => served?.close());

const find = (page: string, rule: string, name: string): Finding => {
  const found = result.findings.find((f) => f.page === `${served.url}${page}/` && f.rule === rule && (f.subject.name ?? f.subject.host) === name);
  if (!found) throw new Error(`no ${rule} for ${name} on ${page}: ${result.findings.map((f) => `${f.rule} ${f.subject.name ?? f.subject.host}`).join(', ')}`);
  return found;
};
/** The chain as "via url" steps, with the loopback port taken out. */
const steps = (finding: Finding): string[] => finding.chain.map((l) => `${l.via} ${l.url.replace(served.url, '/')}`);

const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST1';

describe('attribution through a tag manager', () => {
  it('traces the Meta pixel cookie back through fbevents.js and the container to the page', () => {
    expect(steps(find('tag-manager', 'tracking-cookie-before-consent', '_fbp'))).toEqual([
      'page /tag-manager/',
      `html ${GTM}`,
      'script https://connect.facebook.net/en_US/fbevents.js',
    ]);
  });

  it('traces Hotjar, injected by a timer in the container, back through it too', () => {
    expect(steps(find('tag-manager', 'tracking-storage-before-consent', '_hjSessionUser_1234567'))).toEqual([
      'page /tag-manager/',
      `html ${GTM}`,
      'script https://static.hotjar.com/c/hotjar-1234567.js?sv=6',
    ]);
  });

  it('follows a beacon sent by a script the container injected: page → container → pixel script → beacon', () => {
    const beacon = find('tag-manager', 'tracker-request-before-consent', 'www.facebook.com');
    expect(steps(beacon).slice(0, 3)).toEqual(['page /tag-manager/', `html ${GTM}`, 'script https://connect.facebook.net/en_US/fbevents.js']);
    expect(beacon.chain[3]).toMatchObject({ via: 'script', url: expect.stringMatching(/^https:\/\/www\.facebook\.com\/tr\?id=<redacted>/) });
    // The line in fbevents.js that sent it: where the stand-in sets the PageView image's src.
    const sending = readFileSync(join(ROOT, 'examples', 'vendors', 'fbevents.js'), 'utf8').split('\n').findIndex((line) => line.includes('ping.src =')) + 1;
    expect(beacon.chain[3]!.line).toBe(sending);
  });

  it('traces an embed inserted by the container, and the cookies its document set', () => {
    const embed = find('tag-manager', 'social-plugin-before-consent', 'www.youtube.com');
    expect(steps(embed)).toEqual(['page /tag-manager/', `html ${GTM}`, 'script https://www.youtube.com/embed/gtm-tag']);
    expect(steps(find('tag-manager', 'tracking-cookie-before-consent', 'VISITOR_INFO1_LIVE'))).toEqual(steps(embed));
  });

  it('keeps the container id, which is the site’s, and redacts the visitor’s ids', () => {
    const all = JSON.stringify(result.findings.map((f) => f.chain));
    expect(all).toContain('id=GTM-TEST1');
    expect(all).not.toMatch(/fbp=fb\.1\./);
  });

  it('follows a redirect: the pixel image, then the host it redirected to, which set the cookie', () => {
    expect(steps(find('redirect-pixel', 'tracking-cookie-before-consent', 'lidc'))).toEqual([
      'page /redirect-pixel/',
      'html https://px.ads.linkedin.com/collect?pid=1234567&fmt=gif',
      'redirect https://www.linkedin.com/px/li_sync?fmt=gif',
    ]);
  });

  it('needs no middle step when the page loads the tracker itself', () => {
    expect(steps(find('pixel', 'tracking-cookie-before-consent', '_fbp'))).toEqual(['page /pixel/', 'html https://connect.facebook.net/en_US/fbevents.js']);
  });

  it('shows the short chain in the console, and in markdown the container it leads back to', () => {
    const text = formatConsole(result);
    expect(text).toContain('↳ via /tag-manager/ → www.googletagmanager.com/gtm.js?id=GTM-TEST1 → connect.facebook.net/en_US/fbevents.js → cookie _fbp');
    expect(text).toContain('↳ via /redirect-pixel/ → px.ads.linkedin.com/collect?pid=1234567&fmt=gif → www.linkedin.com/px/li_sync?fmt=gif → cookie lidc');
    // One row for everything the container loads, Hotjar's storage among it.
    expect(markdown.render(result)).toMatch(/^\| 🔴 The Google Tag Manager container GTM-TEST1 \| \/tag-manager\/ \| initial \| [^|]*localStorage _hjSessionUser_1234567/m);
  });
});

describe('initiators and chains from recorded data', () => {
  it('reads DevTools initiators: parser, redirect, and a script found in an async parent stack', () => {
    expect(initiatorOf({ request: { url: 'https://b/' }, initiator: { type: 'parser', url: 'https://a/', lineNumber: 2 } })).toEqual({ type: 'html', url: 'https://a/', line: 3 });
    expect(initiatorOf({ request: { url: 'https://c/' }, initiator: { type: 'parser', url: 'https://a/' }, redirectResponse: { url: 'https://b/' } })).toEqual({
      type: 'redirect',
      url: 'https://b/',
      line: null,
    });
    const stack = { callFrames: [{ url: '', lineNumber: 0 }], parent: { callFrames: [{ url: 'https://t/x.js', lineNumber: 4 }] } };
    expect(initiatorOf({ request: { url: 'https://d/' }, initiator: { type: 'script', stack } })).toEqual({ type: 'script', url: 'https://t/x.js', line: 5 });
    expect(initiatorOf({ request: { url: 'https://d/' }, initiator: { type: 'script', stack: { callFrames: [] } } })).toEqual({ type: 'script', url: null, line: null });
  });

  const scan = (requests: { url: string; initiator: ClassifiedScan['requests'][number]['initiator']; frameUrl?: string }[]): ClassifiedScan =>
    ({
      url: 'https://site/',
      finalUrl: 'https://site/',
      frames: [],
      requests: requests.map((r) => ({ resourceType: 'script', frameUrl: null, ...r })),
    }) as unknown as ClassifiedScan;

  it('says where the trail is lost instead of inventing a step', () => {
    const chain = chainTo(scan([{ url: 'https://t/a.js', initiator: { type: 'script', url: null, line: null } }]), 'https://t/a.js');
    expect(chain).toEqual([
      { url: 'https://site/', via: 'page', line: null },
      { url: 'https://t/a.js', via: 'unknown', line: null },
    ]);
  });

  it('stops on an initiator cycle', () => {
    const looped = scan([
      { url: 'https://t/a.js', initiator: { type: 'script', url: 'https://t/b.js', line: 1 } },
      { url: 'https://t/b.js', initiator: { type: 'script', url: 'https://t/a.js', line: 1 } },
    ]);
    expect(chainTo(looped, 'https://t/a.js').map((l) => l.via)).toEqual(['page', 'unknown', 'script']);
  });

  it('steps out of an embed whose own requests were not observed', () => {
    const framed = scan([
      { url: 'https://v/embed', initiator: { type: 'html', url: 'https://site/', line: 9 } },
      { url: 'https://v/player.js', initiator: null, frameUrl: 'https://v/embed' },
    ]);
    expect(chainTo(framed, 'https://v/player.js')).toEqual([
      { url: 'https://site/', via: 'page', line: null },
      { url: 'https://v/embed', via: 'html', line: 9 },
      { url: 'https://v/player.js', via: 'frame', line: null },
    ]);
  });
});
