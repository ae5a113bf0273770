// The pure parts of the cookie declaration, without a browser: the nl/fr/en duration words both ways,
// names and families as declarations write them, and reading a declaration's blocks.
import { describe, expect, it } from 'vitest';
import { familyName } from '../src/classify/names.js';
import { readDeclaration } from '../src/derive/declaration.js';
import { covers, readNames } from '../src/derive/declared-names.js';
import { isDurationCell, lifetimeWords, outlives, readDurations } from '../src/derive/durations.js';
import { LANGS } from '../src/types.js';
import { declarationPage, managerList } from './support/scans.js';

const DAY = 86_400;
const durations = (text: string, cell = false) => readDurations(text, cell).map((d) => [d.text, d.seconds === null ? 'session' : Math.round((d.seconds / DAY) * 100) / 100]);

describe('durations as declarations write them', () => {
  it.each([
    ['2 jaar', [['2 jaar', 730]]],
    ['13 maanden', [['13 maanden', 395.42]]],
    ['30 dagen', [['30 dagen', 30]]],
    ['24 uur', [['24 uur', 1]]],
    ['een jaar', [['een jaar', 365]]],
    ['1 an', [['1 an', 365]]],
    ['13 mois', [['13 mois', 395.42]]],
    ['deux ans', [['deux ans', 730]]],
    ['1 an et 6 mois', [['1 an et 6 mois', 547.5]]],
    ['1 year', [['1 year', 365]]],
    ['thirteen months', [['thirteen months', 395.42]]],
    ['a day', [['a day', 1]]],
    ['24h', [['24h', 1]]],
    ['1,5 jaar', [['1,5 jaar', 547.5]]],
    ['2-year', [['2-year', 730]]],
  ])('%s', (text, expected) => {
    expect(durations(text)).toEqual(expected);
  });

  it('reads no duration in words that only look like one', () => {
    for (const text of ['and', 'jaarlijks verslag', 'annuel', 'Google Analytics', 'keeps your session state', 'C# 3']) expect(durations(text), text).toEqual([]);
  });

  it('session: unmistakable phrases in running text, the word alone only in a cell of its own', () => {
    expect(durations('een sessiecookie, verwijderd bij het sluiten van de browser')).toEqual([['sessiecookie', 'session']]);
    expect(durations("jusqu'à la fin de session")).toEqual([['fin de session', 'session']]);
    expect(durations('until the browser is closed')).toEqual([['until the browser is closed', 'session']]);
    expect(durations('Sessie')).toEqual([]);
    expect(durations('Sessie', true)).toEqual([['Sessie', 'session']]);
    expect(durations('Session (browser)', true)).toEqual([['Session', 'session']]);
  });

  it('a cell that says a duration and little else', () => {
    expect(isDurationCell('2 jaar')).toBe(true);
    expect(isDurationCell('Bewaartermijn: 2 jaar')).toBe(true);
    expect(isDurationCell('sessie')).toBe(true);
    expect(isDurationCell('Google Analytics meet het gebruik van de site, 2 jaar')).toBe(false);
  });

  it('a declared lifetime holds for what rounds to it in its own unit', () => {
    const [year] = readDurations('1 jaar');
    expect(outlives(730 * DAY, year!)).toBe(true);
    expect(outlives(548 * DAY, year!)).toBe(true);
    expect(outlives(547 * DAY, year!)).toBe(false);
    expect(outlives(null, year!)).toBe(false);
    const [halves] = readDurations('1,5 jaar');
    expect(outlives(548 * DAY, halves!)).toBe(false);
    expect(outlives(730 * DAY, halves!)).toBe(true);
    const [months] = readDurations('13 mois');
    expect(outlives(396 * DAY, months!)).toBe(false);
    expect(outlives(400 * DAY, months!)).toBe(false);
    expect(outlives(425 * DAY, months!)).toBe(true);
    const [session] = readDurations('sessie', true);
    expect(outlives(null, session!)).toBe(false);
    expect(outlives(3_600, session!)).toBe(false);
    expect(outlives(DAY, session!)).toBe(true);
  });

  it('writes lifetimes in the words of each language', () => {
    expect(LANGS.map((lang) => lifetimeWords(730, lang))).toEqual(['2 years', '2 jaar', '2 ans']);
    expect(LANGS.map((lang) => lifetimeWords(396, lang))).toEqual(['13 months', '13 maanden', '13 mois']);
    expect(LANGS.map((lang) => lifetimeWords(1, lang))).toEqual(['1 day', '1 dag', '1 jour']);
    expect(LANGS.map((lang) => lifetimeWords(null, lang))).toEqual(['session', 'sessie', 'session']);
    expect(LANGS.map((lang) => lifetimeWords(0, lang))).toEqual(['less than a day', 'minder dan een dag', "moins d'un jour"]);
    expect(lifetimeWords(365, 'fr')).toBe('1 an');
    expect(lifetimeWords(90, 'nl')).toBe('3 maanden');
  });

  it('reads back every lifetime it writes as long enough, in every language', () => {
    const wrong: string[] = [];
    for (const lang of LANGS) {
      for (const days of [null, ...Array.from({ length: 1200 }, (_, i) => i)]) {
        const words = lifetimeWords(days, lang);
        const [read] = readDurations(words, true);
        if (!read || outlives(days === null ? null : days * DAY, read)) wrong.push(`${days} → ${words}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('names as declarations write them', () => {
  const names = (text: string) => readNames(text).map((n) => n.text);

  it('reads families by their wildcard, placeholder or run of X, and leaves footnotes alone', () => {
    expect(names('_ga_<container-id> | Google Analytics')).toEqual(['_ga_*', 'Google', 'Analytics']);
    expect(names('_hjSession_{site-id}, _pk_id.[id] en _pk_ses.*')).toEqual(['_hjSession_*', '_pk_id.*', 'en', '_pk_ses.*']);
    expect(names('_ga_XXXXXXXXXX and _ga_#')).toEqual(['_ga_*', 'and', '_ga_*']);
    expect(names('see * and #3.')).toEqual(['see', 'and']);
    expect(names('De cookie _ga.')).toEqual(['De', 'cookie', '_ga']);
    expect(names('ytidb::LAST_RESULT_ENTRY_KEY')).toEqual(['ytidb::LAST_RESULT_ENTRY_KEY']);
  });

  it('keeps positions in the text, placeholders included, so durations pair with the right name', () => {
    const text = '_ga_<container-id> 2 jaar, _gid 1 dag';
    expect(readNames(text).map((n) => [n.text, n.at])).toEqual([
      ['_ga_*', 0],
      ['2', 19],
      ['jaar', 21],
      ['_gid', 27],
      ['1', 32],
      ['dag', 34],
    ]);
  });

  it('matches exactly or through the family, case-insensitive', () => {
    expect(covers({ pattern: '_ga_*' }, '_ga_G1A2B3')).toBe(true);
    expect(covers({ pattern: '_ga_*' }, '_ga')).toBe(false);
    expect(covers({ pattern: '_pk_id.*' }, '_pk_id.1.1fff')).toBe(true);
    expect(covers({ pattern: '_ga' }, '_GA')).toBe(true);
    expect(covers({ pattern: '_ga' }, '_gat')).toBe(false);
  });

  it.each([
    ['_ga_G1A2B3C4D5', '_ga_*'],
    ['_ga_MATRIX1', '_ga_*'],
    ['_pk_id.1.1fff', '_pk_id.*'],
    ['_pk_ses.12.abcd', '_pk_ses.*'],
    ['_hjSessionUser_123456', '_hjSessionUser_*'],
    ['_gat_gtag_UA_12345_1', '_gat_gtag_*'],
    ['intercom-session-abc12', 'intercom-session-*'],
    ['_ga', '_ga'],
    ['cc_cookie', 'cc_cookie'],
    // The Open Cookie Database knows WordPress's per-user family.
    ['wp-settings-1', 'wp-settings-*'],
    ['session-2', 'session-2'],
    ['mage-cache-storage-section-invalidation', 'mage-cache-storage-section-invalidation'],
    ['recently_viewed_product_previous', 'recently_viewed_product_previous'],
  ])('the family of %s is %s', (name, family) => {
    expect(familyName(name)).toBe(family);
  });
});

describe('reading a declaration', () => {
  const SITE = ['example.org'];
  const given = (blocks: string[][]) => readDeclaration([declarationPage('https://example.org/cookies/', blocks)], SITE);
  const durationOf = (blocks: string[][], name: string) => given(blocks).mentions(name).map((m) => m.duration?.text ?? null);

  it('a table row: the name column takes the retention column, not a duration in the description', () => {
    const row = ['_ga', 'Google Analytics', 'Telt een sessie na 30 minuten af', '2 jaar'];
    expect(durationOf([row], '_ga')).toEqual(['2 jaar']);
    expect(durationOf([['Google Analytics', '_ga', '2 jaar']], '_ga')).toEqual(['2 jaar']);
  });

  it('a name in a description keeps its own duration, never another cookie\'s retention', () => {
    expect(durationOf([['_ga', 'Werkt samen met lang, dat 30 dagen blijft', '2 jaar']], 'lang')).toEqual(['30 dagen']);
    expect(durationOf([['_ga', 'Werkt samen met de cookie lang', '2 jaar']], 'lang')).toEqual([null]);
  });

  it('a definition: the term takes the first duration in its description', () => {
    expect(durationOf([['_ga', "Mesure d'audience. Durée de conservation : 1 an."]], '_ga')).toEqual(['1 an']);
  });

  it('a paragraph: each name takes the first duration after it', () => {
    const text = [['_ga en _gid: 2 jaar en 1 dag; _fbp wordt 3 maanden bewaard.']];
    expect(durationOf(text, '_ga')).toEqual(['2 jaar en 1 dag']);
    expect(durationOf(text, '_fbp')).toEqual(['3 maanden']);
    expect(durationOf([['Wij gebruiken _ga (2 jaar) en _fbp.']], '_fbp')).toEqual([null]);
  });

  it("a manager's regular expressions, case-insensitive as the rest", () => {
    const declaration = readDeclaration([managerList('Klaro', [['Meta pixel', '_fbp']], ['^_ga'])], SITE);
    expect(declaration.mentions('_GA_X1').map((m) => m.written)).toEqual(['/^_ga/']);
    expect(declaration.mentions('_gid')).toEqual([]);
    // A bad expression from a page names nothing, and breaks nothing.
    expect(readDeclaration([managerList('Klaro', [], ['(unclosed'])], SITE).mentions('(unclosed')).toEqual([]);
  });

  it("only the site's own pages count, read or not", () => {
    const own = declarationPage('https://www.example.org/privacy/', [['_ga']]);
    const google = declarationPage('https://policies.google.com/privacy', [], 'on another origin: the browser hides its text from the page');
    const declaration = readDeclaration([own, google], SITE);
    expect(declaration.sources).toEqual([own]);
    expect(declaration.unread).toEqual([]);
  });
});
