/**
 * How long a cookie is kept, in the words of a cookie declaration: Dutch, French and English. One
 * vocabulary for both directions, so that what the declaration generator writes ("2 jaar", "13 mois",
 * "session") is read back by the rule that compares a site's declaration with what its cookies ask.
 */
import type { Lang } from '../types.js';

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const DAY = 86_400;

/** A year is 365 days (GA's "2 years" is 63,072,000 s); a month a twelfth of it. */
export const UNIT_SECONDS: Readonly<Record<DurationUnit, number>> = {
  second: 1,
  minute: 60,
  hour: 3_600,
  day: DAY,
  week: 7 * DAY,
  month: (365 / 12) * DAY,
  year: 365 * DAY,
};

/** Each unit's words, singular and plural, in the three languages (lower case). */
const UNIT_WORDS: Readonly<Record<DurationUnit, readonly string[]>> = {
  second: ['seconde', 'seconden', 'secondes', 'second', 'seconds', 'sec'],
  minute: ['minuut', 'minuten', 'minute', 'minutes', 'min'],
  hour: ['uur', 'uren', 'heure', 'heures', 'hour', 'hours', 'h'],
  day: ['dag', 'dagen', 'jour', 'jours', 'day', 'days', 'd'],
  week: ['week', 'weken', 'semaine', 'semaines', 'weeks'],
  month: ['maand', 'maanden', 'mois', 'month', 'months', 'mnd', 'mths'],
  year: ['jaar', 'jaren', 'an', 'ans', 'année', 'années', 'annee', 'annees', 'year', 'years', 'yr', 'yrs', 'jr'],
};

/** Numbers written as words, up to the ones declarations use ("een jaar", "deux ans", "thirteen months"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  een: 1, één: 1, eén: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12, dertien: 13, achttien: 18, vierentwintig: 24,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, 'dix-huit': 18, 'vingt-quatre': 24,
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, eighteen: 18, 'twenty-four': 24,
};

/**
 * Session, as a declaration says it where the text is about the cookie's lifetime. In running text
 * only the unmistakable phrases count ("session cookie", "einde van de sessie"): "keeps your session
 * state" says what a cookie is for, not how long it lives. A cell that holds nothing else (a table's
 * retention column, a definition) may say just "Sessie".
 */
const SESSION_PHRASES = [
  'sessiecookie', 'sessiecookies', 'einde van de sessie', 'einde sessie', 'einde van de browsersessie', 'tot het sluiten van de browser', 'tot de browser gesloten wordt',
  'cookie de session', 'cookies de session', 'fin de session', 'fin de la session', 'fermeture du navigateur',
  'session cookie', 'session cookies', 'end of the session', 'end of session', 'end of the browser session', 'until the browser is closed', 'when the browser closes',
];
const SESSION_CELL = /^(sessie|session|browsersessie|sessiecookie|session cookie|cookie de session)(?![\p{L}\p{N}])/iu;

/** A duration as a declaration writes it, with where it stands in the text. */
export interface DeclaredDuration {
  /** The words as written ("1 jaar", "13 mois", "Sessie"). */
  text: string;
  /** Null for "session": until the browser closes. */
  seconds: number | null;
  /** The unit it was written in, and the number: what the comparison rounds to. Null for session. */
  unit: DurationUnit | null;
  value: number;
  /** Position in the text it was read from. */
  at: number;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string): number => b.length - a.length;
const UNIT_OF = new Map(Object.entries(UNIT_WORDS).flatMap(([unit, words]) => words.map((word) => [word, unit as DurationUnit])));
const WORD_NUMBER = `(?:${Object.keys(NUMBER_WORDS).sort(byLength).map(escape).join('|')})`;
// Digits may touch their unit ("24h", "30d"); a number in words is a word of its own ("een jaar", not "and").
const NUMBER = `(\\d+(?:[.,]\\d+)?(?=\\s*-?\\s*\\p{L})|${WORD_NUMBER}(?=[\\s\\u00a0-]))`;
const UNIT = `(${[...UNIT_OF.keys()].sort(byLength).map(escape).join('|')})`;
// Letters of the three languages around a word: "2 jaar" but not "2 jaarlijks", "an" but not "annuel".
const EDGE_BEFORE = '(?<![\\p{L}\\p{N}_-])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}_])';
const AMOUNT = new RegExp(`${EDGE_BEFORE}${NUMBER}\\s*-?\\s*${UNIT}${EDGE_AFTER}`, 'giu');
const SESSION_IN_TEXT = new RegExp(`${EDGE_BEFORE}(${SESSION_PHRASES.sort(byLength).map(escape).join('|')})${EDGE_AFTER}`, 'giu');
/** Words that join two amounts into one ("1 jaar en 6 maanden", "1 an et 6 mois", "1 year, 6 months"). */
const JOINS = /^\s*(,|en|et|and|&)?\s*$/i;

function amount(number: string, unit: string): { value: number; unit: DurationUnit } | null {
  const word = number.toLowerCase();
  const value = NUMBER_WORDS[word] ?? Number(word.replace(',', '.'));
  const found = UNIT_OF.get(unit.toLowerCase());
  return found && Number.isFinite(value) && value > 0 ? { value, unit: found } : null;
}

/**
 * Every duration in `text`, in order: amounts with a unit ("2 jaar", "13 mois", "24 hours", "een
 * jaar en zes maanden" as one), and session where the text says it unmistakably. With `cell`, the
 * text is a cell of its own (a table's retention column, a definition), where "Sessie" alone says it.
 */
export function readDurations(text: string, cell = false): DeclaredDuration[] {
  const found: DeclaredDuration[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const parsed = amount(match[1]!, match[2]!);
    if (!parsed) continue;
    const seconds = parsed.value * UNIT_SECONDS[parsed.unit];
    const previous = found.at(-1);
    // One duration in two parts: the sum, written in the larger unit's words as the text has them.
    if (previous && previous.seconds !== null && JOINS.test(text.slice(previous.at + previous.text.length, match.index))) {
      previous.text = text.slice(previous.at, match.index + match[0].length);
      previous.seconds += seconds;
      previous.value = previous.seconds / UNIT_SECONDS[previous.unit!];
      continue;
    }
    found.push({ text: match[0], seconds, unit: parsed.unit, value: parsed.value, at: match.index });
  }
  const start = text.search(/\S/);
  const said = cell && start >= 0 ? SESSION_CELL.exec(text.slice(start)) : null;
  if (said) found.push({ text: said[0], seconds: null, unit: null, value: 0, at: start });
  else for (const match of text.matchAll(SESSION_IN_TEXT)) found.push({ text: match[0], seconds: null, unit: null, value: 0, at: match.index });
  return found.sort((a, b) => a.at - b.at);
}

/** A cell that says a duration and little else: a table's retention column, "Bewaartermijn: 1 jaar". */
export function isDurationCell(text: string): boolean {
  const durations = readDurations(text, true);
  if (durations.length === 0) return false;
  const rest = durations.reduce((left, d) => left.replace(d.text, ' '), text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return rest.split(' ').filter(Boolean).length <= 3;
}

/**
 * Whether a cookie that asks to live `askedSeconds` (null: a session cookie) outlives what the
 * declaration says: the asked lifetime, expressed in the declaration's own unit and rounded as it
 * is written ("1 jaar" holds for a cookie of up to a year and a half; "1,5 jaar" to a tenth).
 * "Session" holds only for a cookie that lives less than a day.
 */
export function outlives(askedSeconds: number | null, declared: DeclaredDuration): boolean {
  if (askedSeconds === null) return false;
  if (declared.seconds === null || declared.unit === null) return askedSeconds >= DAY;
  const inUnit = askedSeconds / UNIT_SECONDS[declared.unit];
  const shown = Number.isInteger(declared.value) ? Math.round(inUnit) : Math.round(inUnit * 10) / 10;
  return shown > declared.value;
}

/** How each language writes a lifetime: the words the declaration generator uses. */
const WRITTEN: Readonly<Record<Lang, { session: string; underADay: string; days(n: number): string; months(n: number): string; years(n: number): string; untilCleared: string }>> = {
  nl: {
    session: 'sessie',
    underADay: 'minder dan een dag',
    days: (n) => `${n} ${n === 1 ? 'dag' : 'dagen'}`,
    months: (n) => `${n} ${n === 1 ? 'maand' : 'maanden'}`,
    years: (n) => `${n} jaar`,
    untilCleared: 'tot de bezoeker het wist',
  },
  fr: {
    session: 'session',
    underADay: "moins d'un jour",
    days: (n) => `${n} ${n === 1 ? 'jour' : 'jours'}`,
    months: (n) => `${n} mois`,
    years: (n) => `${n} ${n === 1 ? 'an' : 'ans'}`,
    untilCleared: "jusqu'à ce que le visiteur l'efface",
  },
  en: {
    session: 'session',
    underADay: 'less than a day',
    days: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
    months: (n) => `${n} ${n === 1 ? 'month' : 'months'}`,
    years: (n) => `${n} ${n === 1 ? 'year' : 'years'}`,
    untilCleared: 'until the visitor clears it',
  },
};

/**
 * A lifetime in days (null: a session cookie) as a declaration writes it: days up to two months,
 * then months, or years when it is a whole number of them ("2 jaar", "13 mois", "30 days"). What
 * this writes, `outlives` never finds short.
 */
export function lifetimeWords(days: number | null, lang: Lang): string {
  const words = WRITTEN[lang];
  if (days === null) return words.session;
  if (days < 1) return words.underADay;
  if (days < 60) return words.days(days);
  const months = Math.round((days * DAY) / UNIT_SECONDS.month);
  const years = days / 365;
  if (months % 12 === 0) return words.years(months / 12);
  if (Math.abs(years - Math.round(years)) < 0.02) return words.years(Math.round(years));
  return words.months(months);
}

/** Browser storage keeps a key until it is cleared (localStorage, IndexedDB) or the tab closes (sessionStorage). */
export function storageLifetimeWords(kind: 'localStorage' | 'sessionStorage' | 'indexedDB', lang: Lang): string {
  return kind === 'sessionStorage' ? WRITTEN[lang].session : WRITTEN[lang].untilCleared;
}
