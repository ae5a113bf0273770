// The verdict, without a browser: which findings fail the gate, and when a run proves nothing.
import { describe, expect, it } from 'vitest';
import { emptyBaseline } from '../src/baseline/baseline.js';
import { runRules } from '../src/rules/run.js';
import type { Finding, FindingStatus } from '../src/types.js';
import { concludeRun } from '../src/verdict/judge.js';
import { decideVerdict, failsGate } from '../src/verdict/verdict.js';
import { cookie, page, scan } from './support/scans.js';

/** Findings as the rules report them for one page: two GA cookies (errors) and their two-year lifetime (warnings). */
const gaPage = page(scan({ banner: null, policyLinks: [], url: 'https://example.org/shop/', cookies: [cookie('_ga', 'analytics', { days: 730 }), cookie('_gid', 'analytics', { days: 400 })] }));
const findings = runRules(gaPage);
const errors = findings.filter((f) => f.severity === 'error');
const warnings = findings.filter((f) => f.severity === 'warn');
const scanError = runRules(page(scan({ url: 'https://example.org/gone/', error: 'the page answered HTTP 404' })));

const as = (status: FindingStatus, list: Finding[]): Finding[] => list.map((f) => ({ ...f, status, because: status === 'new' ? null : 'known' }));

describe('decideVerdict', () => {
  it('has the findings it is about', () => {
    expect(errors.map((f) => f.rule)).toEqual(['tracking-cookie-before-consent', 'tracking-cookie-before-consent', 'consent-banner-missing']);
    expect(warnings.map((f) => f.rule)).toEqual(['cookie-lifetime-too-long', 'cookie-lifetime-too-long']);
    expect(scanError.map((f) => f.rule)).toEqual(['scan-error']);
  });

  it('fails on new errors, exit 1', () => {
    expect(decideVerdict(findings, 0, 'error', 1)).toEqual({
      status: 'failed',
      exitCode: 1,
      errors: 3,
      warnings: 2,
      scanErrors: 0,
      baselined: 0,
      allowed: 0,
      fixed: 0,
      reason: '3 new errors (failOn: error)',
    });
  });

  it('passes a run with no findings', () => {
    expect(decideVerdict([], 0, 'error', 3)).toMatchObject({ status: 'passed', exitCode: 0, reason: 'no findings' });
  });

  it('is incomplete (exit 3) when no page was scanned, never a pass', () => {
    expect(decideVerdict([], 0, 'error', 0)).toMatchObject({ status: 'incomplete', exitCode: 3, reason: expect.stringContaining('no page was scanned') });
    expect(decideVerdict([], 0, 'warn', 0)).toMatchObject({ status: 'incomplete', exitCode: 3 });
  });

  it('is incomplete when a page could not be scanned, even beside new errors', () => {
    expect(decideVerdict([...findings, ...scanError], 0, 'error', 2)).toMatchObject({
      status: 'incomplete',
      exitCode: 3,
      errors: 4,
      scanErrors: 1,
      reason: '1 page scan could not complete; a page that was not looked at is never a pass',
    });
  });

  it('is incomplete when a scan error is labelled known: a page not looked at is never debt', () => {
    expect(decideVerdict(as('baselined', scanError), 0, 'error', 1)).toMatchObject({ status: 'incomplete', exitCode: 3, scanErrors: 1 });
    expect(decideVerdict(as('allowed', scanError), 0, 'warn', 1)).toMatchObject({ status: 'incomplete', exitCode: 3 });
  });

  it('passes when every error is baselined or allowed, and counts them', () => {
    const known = [...as('baselined', errors.slice(0, 2)), ...as('allowed', errors.slice(2)), ...warnings];
    expect(decideVerdict(known, 1, 'error', 1)).toMatchObject({ status: 'passed', exitCode: 0, errors: 0, warnings: 2, baselined: 2, allowed: 1, fixed: 1, reason: 'no new errors' });
  });

  it('passes new warnings under failOn error, and fails them under failOn warn', () => {
    expect(decideVerdict(warnings, 0, 'error', 1)).toMatchObject({ status: 'passed', exitCode: 0, warnings: 2, reason: 'no errors' });
    expect(decideVerdict(warnings, 0, 'warn', 1)).toMatchObject({ status: 'failed', exitCode: 1, reason: '2 new findings (failOn: warn)' });
    expect(decideVerdict(as('baselined', warnings), 0, 'warn', 1)).toMatchObject({ status: 'passed', exitCode: 0, reason: 'no new findings' });
  });
});

describe('failsGate', () => {
  it('is true only for a new finding at or above failOn', () => {
    const [error, warning] = [errors[0]!, warnings[0]!];
    expect([failsGate(error, 'error'), failsGate(warning, 'error'), failsGate(warning, 'warn')]).toEqual([true, false, true]);
    expect([failsGate(as('baselined', [error])[0]!, 'error'), failsGate(as('allowed', [warning])[0]!, 'warn')]).toEqual([false, false]);
  });
});

describe('concludeRun', () => {
  const update = { prune: false };

  it('records every finding that is not allowed, and labels them known', () => {
    const concluded = concludeRun([...errors, ...as('allowed', warnings)], [gaPage.url], emptyBaseline(), update, '2026-01-01');
    expect(Object.keys(concluded.nextBaseline!.findings).sort()).toEqual(errors.map((f) => f.fingerprint).sort());
    expect(concluded.findings.map((f) => f.status)).toEqual(['baselined', 'baselined', 'baselined', 'allowed', 'allowed']);
  });

  it('writes no baseline from a run with a page that was not scanned, or with no page at all', () => {
    expect(concludeRun([...errors, ...scanError], [gaPage.url, 'https://example.org/gone/'], emptyBaseline(), update, '2026-01-01').nextBaseline).toBeNull();
    expect(concludeRun([], [], emptyBaseline(), update, '2026-01-01').nextBaseline).toBeNull();
  });
});
