// groupAcrossPages: the pure helper behind the HTML report's and the markdown's one-entry-per-thing-to-fix.
import { describe, expect, it } from 'vitest';
import { groupAcrossPages } from '../src/report/text/group.js';
import type { Finding } from '../src/types.js';

const finding = (page: string, over: Partial<Finding> = {}): Finding => ({
  rule: 'tracking-cookie-before-consent',
  severity: 'error',
  page: `https://site.example${page}`,
  phase: 'initial',
  seenIn: ['initial'],
  subject: { kind: 'cookie', name: '_ga', host: 'site.example' },
  category: 'analytics',
  vendor: 'Google Analytics',
  party: 'first',
  message: 'cookie "_ga" was set before consent',
  messageId: 'cookieSet',
  data: {},
  evidence: [],
  chain: [],
  cause: null,
  firstSeenMs: null,
  fingerprint: 'aaaaaaaaaaaaaaaa',
  status: 'new',
  because: null,
  notes: [],
  ...over,
});

describe('groupAcrossPages', () => {
  it('folds one subject seen on many pages into one entry listing them, in the order seen', () => {
    const groups = groupAcrossPages([finding('/b'), finding('/a'), finding('/b'), finding('/c', { fingerprint: 'bbbbbbbbbbbbbbbb' })]);
    expect(groups.map((g) => [g.finding.fingerprint, g.pages])).toEqual([
      ['aaaaaaaaaaaaaaaa', ['https://site.example/b', 'https://site.example/a']],
      ['bbbbbbbbbbbbbbbb', ['https://site.example/c']],
    ]);
  });

  it('keeps apart what a policy treats differently on some pages', () => {
    const groups = groupAcrossPages([finding('/a'), finding('/b', { severity: 'warn' }), finding('/c', { status: 'allowed' })]);
    expect(groups.map((g) => g.pages.length)).toEqual([1, 1, 1]);
  });

  it('keeps each page that could not be scanned as its own entry: each failed for its own reason', () => {
    const failed = (page: string, message: string) =>
      finding(page, { rule: 'scan-error', subject: { kind: 'page', url: `https://site.example${page}` }, fingerprint: 'cccccccccccccccc', message });
    const groups = groupAcrossPages([failed('/a', 'timed out'), failed('/b', 'HTTP 404')]);
    expect(groups.map((g) => g.finding.message)).toEqual(['timed out', 'HTTP 404']);
  });
});
