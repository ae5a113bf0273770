// @ts-check
// Whether a golden scan (test/fixtures/golden/*.json) is still what a scan of its fixture gives, and
// if not, what differs: by finding (rule, visit, subject), by the visits each page had, by verdict,
// then by the place in the report where the gathered facts differ.
//
// Two scans of the same page differ in what measures the run rather than the page. Those are set
// aside before comparing, by kind, never field by field as they turn up:
// - time: every field that reads the clock or measures a wait (named …Ms or …At, a cookie's expiry,
//   a visit's settle record), and lifetimes the site declared as a date (kept to the day);
// - places: the loopback port a fixture was served on, and where on disk the files and the baseline were;
// - versions: of the tool, the browser and the classification data;
// - values a site makes up per visit: a cookie's value is kept only as its length and hash, and a
//   client id's length and hash change with it;
// - arrival order and repeats: a visit's lists of cookies, requests and the rest are in the order
//   they arrived, which two scripts racing decide; whether a timer's hit (GA4's user_engagement after
//   10 s) came once or twice depends on whether its script loaded before the fake clock ran on.

import { basename } from 'node:path';

const DAY = 86_400;
const PORT = /\b(127\.0\.0\.1|localhost|\[::1\]):\d+/g;
const TIME_KEY = /(Ms|At)$/;
/** Fields outside the Ms/At naming that read the clock or record waiting. */
const CLOCK = new Set(['expires', 'settle']);
/** What is left of a cookie's value in a report: both change with a value the site makes up per visit. */
const VALUE = new Set(['valueHash', 'valueLength']);

/** @typedef {Record<string, any>} Report */

/**
 * Deep copy of `value` with the measurements of the run set aside (see the header). `key` is the field
 * it was found under.
 * @param {unknown} value
 * @param {string} [key]
 * @returns {any}
 */
function setAside(value, key = '') {
  if (value === null || value === undefined) return value;
  if (TIME_KEY.test(key) || CLOCK.has(key)) return '<time>';
  if (VALUE.has(key)) return '<value>';
  // Set from an Expires date, the lifetime is measured against the clock; from Max-Age it is whole days anyway.
  if (key === 'declaredLifetime' && typeof value === 'number') return Math.round(value / DAY);
  if (typeof value === 'string') return value.replace(PORT, '$1:<port>');
  if (Array.isArray(value)) return value.map((item) => setAside(item));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [setAside(k), setAside(v, k)]));
  return value;
}

/** @param {unknown} a @param {unknown} b */
const byJson = (a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);

/**
 * Every list in a visit's facts as a set, at any depth: each was recorded in arrival order, and a
 * request a timer repeats is there once or twice as the fake clock's horizon falls.
 * @param {any} value
 * @returns {any}
 */
function asSets(value) {
  if (Array.isArray(value)) return [...new Map(value.map(asSets).map((item) => [JSON.stringify(item), item])).values()].sort(byJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asSets(v)]));
  return value;
}

/**
 * A report with the measurements of the run set aside, and its pages keyed by URL and visit, so that
 * differences are named by page and visit rather than by position.
 * @param {Report} report
 * @returns {Report}
 */
export function normalise(report) {
  const { tool, browser, data, target, baseline, policy, pages, ...rest } = setAside(report);
  /** @param {string | null} path */
  const file = (path) => (path === null ? null : basename(path));
  return {
    ...rest,
    tool: { ...tool, version: '<version>' },
    browser: '<version>',
    data: '<version>',
    target: { ...target, files: Object.fromEntries(Object.entries(target.files).map(([url, path]) => [url, file(/** @type {string} */ (path))])) },
    baseline: { ...baseline, path: file(baseline.path) },
    policy: { ...policy, path: file(policy.path) },
    pages: Object.fromEntries(
      pages.map((/** @type {any} */ page) => [
        page.url,
        {
          visits: Object.fromEntries(page.phases.map((/** @type {any} */ { phase, ...facts }) => [phase, asSets(facts)])),
          skipped: page.skipped,
        },
      ]),
    ),
  };
}

/**
 * "rule (visit) subject": what a finding is about, as a reader would look for it.
 * @param {any} f
 */
const findingName = (f) => `${f.rule} (${f.phase}) ${[f.subject.kind, f.subject.name, f.subject.host ?? f.subject.url].filter(Boolean).join(' ')}`;

/** @param {unknown} value */
const brief = (value) => {
  // A rule description, say, is known by its id.
  if (value && typeof value === 'object' && 'id' in value) return String(value.id);
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
};

/**
 * Where two normalised values differ, as "path: committed …; the scan …", at most `room` of them.
 * Lists are compared as sets of items: what only one side has is named.
 * @param {any} a @param {any} b @param {string} path @param {string[]} out @param {number} room
 */
function whereDiffer(a, b, path, out, room) {
  if (out.length >= room || JSON.stringify(a) === JSON.stringify(b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    // As multisets: an item one side has twice and the other once is named.
    const onlyIn = (/** @type {any[]} */ x, /** @type {any[]} */ y) => {
      const left = y.map((item) => JSON.stringify(item));
      return x.filter((item) => {
        const at = left.indexOf(JSON.stringify(item));
        if (at >= 0) left.splice(at, 1);
        return at < 0;
      });
    };
    const [committed, scanned] = [onlyIn(a, b), onlyIn(b, a)];
    /** @param {any[]} items */
    const some = (items) => items.slice(0, 3).map(brief).join(', ') + (items.length > 3 ? ', ...' : '');
    const said = [committed.length > 0 ? `${committed.length} only in the committed file (${some(committed)})` : '', scanned.length > 0 ? `${scanned.length} only in the scan (${some(scanned)})` : ''];
    out.push(`${path}: ${said.filter(Boolean).join('; ') || (a.length === b.length ? 'the same items in another order' : `${a.length} in the committed file, ${b.length} in the scan`)}`);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      const here = path ? `${path}.${key}` : key;
      if (!(key in a)) out.push(`${here}: only in the scan`);
      else if (!(key in b)) out.push(`${here}: only in the committed file`);
      else whereDiffer(a[key], b[key], here, out, room);
      if (out.length >= room) return;
    }
    return;
  }
  out.push(`${path}: committed ${brief(a)}; the scan ${brief(b)}`);
}

/**
 * What differs between a committed golden scan and a fresh scan of its fixture, most telling first:
 * findings by rule, visit and subject; the visits each page had; the verdict; then the rest by place.
 * Empty when they agree.
 * @param {Report} committedReport @param {Report} scannedReport
 * @returns {string[]}
 */
export function differences(committedReport, scannedReport) {
  const [committed, scanned] = [normalise(committedReport), normalise(scannedReport)];
  const lines = /** @type {string[]} */ ([]);

  /** @param {Report} r */
  const findings = (r) => new Map(r['findings'].map((/** @type {any} */ f) => [findingName(f), f]));
  const [before, after] = [findings(committed), findings(scanned)];
  for (const name of after.keys()) if (!before.has(name)) lines.push(`finding only in the scan: ${name}`);
  for (const name of before.keys()) if (!after.has(name)) lines.push(`finding only in the committed file: ${name}`);
  for (const [name, f] of before) {
    if (!after.has(name)) continue;
    const changed = /** @type {string[]} */ ([]);
    whereDiffer(f, after.get(name), '', changed, 3);
    if (changed.length > 0) lines.push(`finding changed: ${name}: ${changed.join('; ')}`);
  }
  // Two findings of one name (a rule that reports a subject twice in a visit) hide from the map: then the lists say it.
  if (lines.length === 0) whereDiffer(committed['findings'], scanned['findings'], 'findings', lines, 3);

  for (const url of new Set([...Object.keys(committed['pages']), ...Object.keys(scanned['pages'])])) {
    /** @param {Report} r */
    const visits = (r) => (r['pages'][url] ? Object.keys(r['pages'][url].visits).join(', ') || 'none' : 'not scanned');
    if (visits(committed) !== visits(scanned)) lines.push(`visits of ${url}: committed ${visits(committed)}; the scan ${visits(scanned)}`);
  }

  /** @param {Report} r */
  const verdict = (r) => `${r['verdict'].status}, ${r['verdict'].errors} errors, ${r['verdict'].warnings} warnings`;
  if (verdict(committed) !== verdict(scanned)) lines.push(`verdict: committed ${verdict(committed)}; the scan ${verdict(scanned)}`);

  // Everything else, where the findings, visits and verdict above do not already say it.
  const rest = (/** @type {Report} */ r) => ({ ...r, findings: undefined, verdict: undefined });
  const places = /** @type {string[]} */ ([]);
  whereDiffer(rest(committed), rest(scanned), '', places, 8);
  return [...lines, ...places];
}
