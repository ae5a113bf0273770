// Allow-list and page globs: `*` is any run of characters, matched in time linear in the text.
import { describe, expect, it } from 'vitest';
import { globMatch, MAX_GLOB_TEXT } from '../src/shared/glob.js';

describe('glob matching', () => {
  it('anchors at both ends, with * anywhere', () => {
    expect(globMatch('_ga', '_ga')).toBe(true);
    expect(globMatch('_ga', '_gat')).toBe(false);
    expect(globMatch('_ga_*', '_ga_ABC123')).toBe(true);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('/news/*', '/news/2026/item.html')).toBe(true);
    expect(globMatch('/news/*', '/about/')).toBe(false);
    expect(globMatch('*.html', '/a/b.html')).toBe(true);
    expect(globMatch('a*b*c', 'a-c-b-c')).toBe(true);
    expect(globMatch('a*b*c', 'a-c-b')).toBe(false);
    // The last piece must not reuse what an earlier piece matched.
    expect(globMatch('ab*ba', 'aba')).toBe(false);
    expect(globMatch('x.y', 'xzy')).toBe(false);
  });

  it('folds case when asked, for URLs', () => {
    expect(globMatch('https://EXAMPLE.org/*', 'https://example.org/a', true)).toBe(true);
    expect(globMatch('https://EXAMPLE.org/*', 'https://example.org/a')).toBe(false);
  });

  it('answers at once for many wildcards against a long URL, where a regular expression backtracks for hours', () => {
    const url = `https://t.example/collect?dl=${'a'.repeat(MAX_GLOB_TEXT - 40)}`;
    expect(globMatch('https://t.example/*a*a*a*a*z', url, true)).toBe(false);
    expect(globMatch('https://t.example/*a*a*a*a*a', url, true)).toBe(true);
  });

  it('compares a text longer than the cap by its start, and then only a pattern ending in * can match', () => {
    const long = `https://t.example/collect?dl=${'a'.repeat(MAX_GLOB_TEXT)}z`;
    expect(globMatch('https://t.example/collect*', long)).toBe(true);
    // The whole text would match, but the part compared cannot prove it: no allow entry applies wrongly.
    expect(globMatch('https://t.example/collect*z', long)).toBe(false);
  });
});
