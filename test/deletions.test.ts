// A cookie deletion is never a set, in any visit that records from a moment on (after scrolling,
// refusing, saving as shown, withdrawing). The home-made banner writes _ga before any choice, then on
// scrolling and on every refusal tries to delete it on a path where it does not live: the cookie
// stays, nothing writes it again, and no rule may say it was set. After the withdrawal the attempt is
// named, with why it missed. Its way back answers only a second click, as a late-wired icon does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { runGate } from '../src/gate.js';
import { startStatic, type StaticServer } from '../src/target/static.js';
import type { GateResult, Phase } from '../src/types.js';
import { kitSite } from './support/fixtures.js';

let server: StaticServer;
let closeVendors: () => Promise<unknown>;
let result: GateResult;

beforeAll(async () => {
  server = await startStatic(kitSite('data-first-layer-save data-reopen="late" data-ga-before-choice data-delete-misses', true));
  const vendors = await startVendors();
  closeVendors = vendors.close;
  result = await runGate({ discover: { pages: [server.url] }, browserArgs: vendors.browserArgs });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await closeVendors?.();
});

const WINDOWED: Phase[] = ['after-scroll', 'after-reject', 'after-save', 'after-withdraw'];
const visit = (phase: Phase) => result.pages[0]!.phases.find((scan) => scan.phase === phase);
const gaFindings = (phase: Phase): string[] => result.findings.filter((f) => f.phase === phase && f.subject.name === '_ga').map((f) => `${f.severity} ${f.rule} ${f.messageId}`);

describe('a deletion attempt is never a set', () => {
  it('_ga was there before any choice: the cookie every window starts with', () => {
    expect(gaFindings('initial')).toContain('error tracking-cookie-before-consent cookieSet');
  });

  it.each(WINDOWED)('%s: the attempt is recorded as a deletion, and no rule says _ga was set or sent', (phase) => {
    const scan = visit(phase);
    expect(scan?.action, phase).toMatchObject({ done: true });
    // The attempt happened inside this visit's window: the check below is not vacuous.
    expect(scan?.cookieDeletions, phase).toContainEqual(expect.objectContaining({ name: '_ga', path: '/elsewhere', hostOnly: true, via: 'document.cookie' }));
    expect(scan?.cookies.find((c) => c.name === '_ga')?.sources ?? [], phase).toEqual([]);
    expect(gaFindings(phase).filter((f) => /cookieSet|cookieSent/.test(f)), phase).toEqual([]);
  });

  it("the way back is the page's own button, whose first click lands before it listens: clicked again, as a visitor would", () => {
    expect(visit('after-withdraw')?.action).toMatchObject({ kind: 'withdraw', done: true, reopened: { via: 'page', control: 'Cookie settings' } });
  });

  it('after the withdrawal, the cookie left behind is a warning naming the attempt and why it missed', () => {
    const missed = result.findings.find((f) => f.phase === 'after-withdraw' && f.subject.name === '_ga')!;
    expect(missed).toMatchObject({ rule: 'withdrawal-not-effective', severity: 'warn', messageId: 'cookieDeletionMissed', data: { writer: 'kit.js', triedPath: '/elsewhere', livesPath: '/' } });
    expect(missed.message).toMatch(/kit\.js tried to delete it on 127\.0\.0\.1 \(path \/elsewhere\), but it lives on 127\.0\.0\.1 \(path \/\)$/);
    expect(missed.evidence[0]).toContain('document.cookie, written by');
  });
});
