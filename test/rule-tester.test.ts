// The rule tester itself: a wrong expectation must fail, or the per-rule unit tests prove nothing.
// And every rule in the registry has its unit file in test/rules/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import type { Rule } from '../src/rules/rule.js';
import { trackingCookieBeforeConsent } from '../src/rules/tracking-cookie-before-consent.js';
import { ROOT } from './support/fixtures.js';
import { checkInvalid, checkValid, coverageProblems } from './support/rule-tester.js';
import { cookie, scan } from './support/scans.js';

const rule = trackingCookieBeforeConsent as Rule<never>;
const withGa = scan({ cookies: [cookie('_ga', 'analytics', { vendor: 'Google Analytics' })] });
const clean = scan();

/** A rule whose check returns what a test asks for: how a broken rule looks to the tester. */
function fakeRule(messages: Record<string, string>, messageId: string, data: Record<string, string>): Rule<never> {
  return {
    meta: { ...trackingCookieBeforeConsent.meta, id: 'fake-rule', messages },
    check: () => [{ subject: { kind: 'page' }, category: 'unknown', vendor: null, party: null, messageId, data, evidence: [], chain: [] }],
  };
}

describe('the rule tester', () => {
  it('passes cases that are right', () => {
    expect(() => checkValid(rule, { scan: clean })).not.toThrow();
    expect(() => checkInvalid(rule, { scan: withGa, errors: [{ messageId: 'cookieSet', subject: { name: '_ga' }, data: { vendor: 'Google Analytics (analytics)' } }] })).not.toThrow();
  });

  it('fails a valid case the rule reports on, listing what it reported', () => {
    expect(() => checkValid(rule, { scan: withGa })).toThrow(/expected no findings, got 1:\n.*cookieSet/);
  });

  it('fails an invalid case with the wrong message id, count, subject, data, phase or severity', () => {
    expect(() => checkInvalid(rule, { scan: withGa, errors: [{ messageId: 'cookieSent' }] })).toThrow(/messageId/);
    expect(() => checkInvalid(rule, { scan: withGa, errors: [{ messageId: 'cookieSet' }, { messageId: 'cookieSet' }] })).toThrow(/expected 2 finding\(s\), got 1/);
    expect(() => checkInvalid(rule, { scan: clean, errors: [{ messageId: 'cookieSet' }] })).toThrow(/expected 1 finding\(s\), got 0:\n {2}\(none\)/);
    expect(() => checkInvalid(rule, { scan: withGa, errors: [{ messageId: 'cookieSet', subject: { name: '_gid' } }] })).toThrow(/subject/);
    expect(() => checkInvalid(rule, { scan: withGa, errors: [{ messageId: 'cookieSet', data: { vendor: 'Matomo (analytics)' } }] })).toThrow(/data/);
    expect(() => checkInvalid(rule, { scan: withGa, errors: [{ messageId: 'cookieSet', phase: 'after-accept' }] })).toThrow(/phase/);
    expect(() => checkInvalid(rule, { scan: withGa, errors: [{ messageId: 'cookieSet', severity: 'warn' }] })).toThrow(/severity/);
  });

  it('fails a case that is not a test: no expected errors, or no page', () => {
    expect(() => checkInvalid(rule, { scan: withGa, errors: [] })).toThrow(/at least one expected error/);
    expect(() => checkValid(rule, {})).toThrow(/exactly one of "page" or "scan"/);
  });

  it('fails a rule that reports a message id its meta does not declare', () => {
    const broken = fakeRule({ known: 'something happened' }, 'unknown', {});
    expect(() => checkInvalid(broken, { scan: clean, errors: [{ messageId: 'unknown' }] })).toThrow(/"unknown"/);
  });

  it('fails a rule whose message keeps a placeholder, or lacks the data for one', () => {
    const spaced = fakeRule({ odd: 'cookie {{ name }} was set' }, 'odd', { name: '_ga' });
    expect(() => checkInvalid(spaced, { scan: clean, errors: [{ messageId: 'odd' }] })).toThrow(/still holds a placeholder/);
    const missing = fakeRule({ odd: 'cookie {{name}} was set' }, 'odd', {});
    expect(() => checkInvalid(missing, { scan: clean, errors: [{ messageId: 'odd' }] })).toThrow(/needs "name"/);
  });

  it('names the message ids no invalid case reaches, and notEmitted ids that are wrong', () => {
    const invalid = [{ scan: withGa, errors: [{ messageId: 'cookieSet' }] }];
    expect(coverageProblems(rule, { valid: [], invalid, notEmitted: ['storage', 'request', 'embed'] })).toEqual([
      'no invalid case expects messageId "cookieSent"',
      'no invalid case expects messageId "plugin"',
    ]);
    expect(coverageProblems(rule, { valid: [], invalid, notEmitted: ['cookieSent', 'storage', 'request', 'embed', 'plugin', 'cookieSet', 'typo'] })).toEqual([
      'notEmitted names "typo", which is not in meta.messages',
      'notEmitted names "cookieSet", but a case expects it',
    ]);
  });
});

describe('rule unit tests', () => {
  const dir = join(ROOT, 'test', 'rules');
  const ids = RULES.map((r) => r.meta.id);

  it('exist for every rule in the registry, and use the rule tester', () => {
    const missing = ids.filter((id) => !existsSync(join(dir, `${id}.test.ts`)));
    expect(missing, 'add test/rules/<rule-id>.test.ts with ruleTester(rule).run({ valid, invalid })').toEqual([]);
    const untested = ids.filter((id) => !readFileSync(join(dir, `${id}.test.ts`), 'utf8').includes('ruleTester('));
    expect(untested).toEqual([]);
  });

  it('are named for rules that exist', () => {
    const stray = readdirSync(dir)
      .map((file) => file.replace(/\.test\.ts$/, ''))
      .filter((id) => !ids.includes(id));
    expect(stray).toEqual([]);
  });
});
