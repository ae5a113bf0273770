import type { Category, ClassifiedScan, Finding, PageResult, PhaseAction, VisitTimes } from '../types.js';
import { escapeMarkup as esc } from './text/escape.js';
import { subjectLabel } from './text/subject.js';
import type { Words } from './words/index.js';

/**
 * A visit's timeline as inline SVG (no script: the report stays one offline file): from the start of
 * the visit's navigation, when the banner was seen and the visitor clicked, and the first sighting
 * of each tracker, one row per vendor, coloured by purpose (html-style.ts). What fired before the
 * banner, with no banner at all, or after the visitor refused or only scrolled sits on a red band,
 * so it shows without reading a word; the same facts are said in the SVG's text alternative.
 */

const WIDTH = 960;
const LABELS = 200;
const RIGHT = 24;
const TOP = 40;
const ROW = 22;
const AXIS = 28;
/** Tick steps in ms: the smallest that keeps the axis at eight ticks or fewer. */
const STEPS = [100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 30_000, 60_000];

interface Mark {
  what: string;
  ms: number;
}
interface Row {
  vendor: string;
  category: Category;
  marks: Mark[];
}
type Band = { from: number; to: number; name: keyof Words['html']['band'] };
type Moment = { kind: PhaseAction['kind']; ms: number };

/** Each tracker's first sighting in the visit, one row per vendor, earliest row first. */
function rowsOf(findings: readonly Finding[]): Row[] {
  const rows = new Map<string, Row>();
  for (const f of findings) {
    if (f.firstSeenMs === null) continue;
    const vendor = f.vendor ?? f.subject.host ?? subjectLabel(f);
    const row = rows.get(vendor) ?? { vendor, category: f.category, marks: [] };
    const what = subjectLabel(f);
    const mark = row.marks.find((m) => m.what === what);
    if (!mark) row.marks.push({ what, ms: f.firstSeenMs });
    else mark.ms = Math.min(mark.ms, f.firstSeenMs);
    rows.set(vendor, row);
  }
  const first = (row: Row): number => Math.min(...row.marks.map((m) => m.ms));
  return [...rows.values()].sort((a, b) => first(a) - first(b));
}

/**
 * The visit's moments. A visit that continues another runs on its clock, and the banner that visit
 * saw is the one this visit's visitor still faces (after scrolling), unless it found one itself.
 */
function momentsOf(page: PageResult, scan: ClassifiedScan, times: VisitTimes): { banner: number | null; action: Moment | null } {
  const before = times.from === scan.phase ? null : page.phases.find((s) => s.phase === times.from)?.times;
  const banner = times.bannerShownMs ?? before?.bannerShownMs ?? null;
  const action = scan.action?.done && times.actionMs !== null ? { kind: scan.action.kind, ms: times.actionMs } : null;
  return { banner, action };
}

/**
 * A stored-choice visit: the choice was made before its load, on the banner's first page, so the
 * whole visit comes after it (unless the page showed the banner again and made its own).
 */
function storedChoice(scan: ClassifiedScan): PhaseAction['kind'] | null {
  const first = scan.action?.steps[0];
  return first?.do === 'stored' && !first.bannerAgain ? first.choice : null;
}

function bandsOf(banner: number | null, action: Moment | null, end: number, stored: PhaseAction['kind'] | null): Band[] {
  if (stored) return stored === 'accept' ? [] : [{ from: 0, to: end, name: 'afterRefusal' }];
  const bands: Band[] = [];
  // A reopened banner (withdrawing) is not the first one: what came before it was accepted.
  if (banner === null && (!action || action.kind === 'scroll')) return [{ from: 0, to: end, name: 'noBanner' }];
  if (banner !== null && action?.kind !== 'withdraw') bands.push({ from: 0, to: banner, name: 'beforeBanner' });
  if (action && action.kind !== 'accept') bands.push({ from: action.ms, to: end, name: action.kind === 'scroll' ? 'afterScroll' : 'afterRefusal' });
  return bands;
}

/** The axis's end and tick step: a little past the last moment, in round steps. */
function scaleOf(last: number): { end: number; step: number } {
  const span = Math.max(last * 1.08, 500);
  const step = STEPS.find((s) => span / s <= 8) ?? STEPS.at(-1)!;
  return { end: Math.ceil(span / step) * step, step };
}

/** A visit of a page as a timeline figure; empty when the visit carries no times (an older report). */
export function timeline(page: PageResult, scan: ClassifiedScan, findings: readonly Finding[], id: string, pageName: string, words: Words): string {
  if (!scan.times) return '';
  const said = words.html;
  const rows = rowsOf(findings);
  const { banner, action } = momentsOf(page, scan, scan.times);
  const times = [...rows.flatMap((r) => r.marks.map((m) => m.ms)), banner ?? 0, action?.ms ?? 0];
  const { end, step } = scaleOf(Math.max(...times));
  const bands = bandsOf(banner, action, end, storedChoice(scan));
  const x = (ms: number): number => +(LABELS + (Math.min(ms, end) / end) * (WIDTH - LABELS - RIGHT)).toFixed(1);
  const height = TOP + Math.max(rows.length, 1) * ROW + AXIS;
  const bottom = height - AXIS;
  // Before the banner ends where it is seen; after the click starts at the click.
  const bandOf = (ms: number): Band | undefined => bands.find((b) => ms >= b.from && (b.name === 'beforeBanner' ? ms < b.to : ms <= b.to));
  const sentence = (vendor: string, m: Mark): string => {
    const band = bandOf(m.ms);
    return said.mark(vendor, m.what, words.time(m.ms), band ? said.band[band.name] : null);
  };

  const parts: string[] = [];
  for (const band of bands) {
    parts.push(`<rect class="band" x="${x(band.from)}" y="${TOP - 6}" width="${(x(band.to) - x(band.from)).toFixed(1)}" height="${bottom - TOP + 6}"/>`);
    parts.push(`<text class="band-label" x="${x(band.from) + 4}" y="14">${esc(said.band[band.name])}</text>`);
  }
  for (let ms = 0; ms <= end; ms += step) {
    parts.push(`<line class="tick" x1="${x(ms)}" y1="${TOP - 6}" x2="${x(ms)}" y2="${bottom + 4}"/><text class="tick-label" x="${x(ms)}" y="${bottom + 18}">${esc(words.time(ms))}</text>`);
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const marks = row.marks.map(
      (m) => `<circle class="mark cat-${row.category}${bandOf(m.ms) ? ' flagged' : ''}" cx="${x(m.ms)}" cy="${y}" r="6"><title>${esc(sentence(row.vendor, m))}</title></circle>`,
    );
    parts.push(`<g class="row"><text class="vendor" x="${LABELS - 10}" y="${y + 4}">${esc(row.vendor)}</text><line class="lane" x1="${LABELS}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}"/>${marks.join('')}</g>`);
  });
  const moments: string[] = [];
  if (banner !== null) {
    parts.push(`<line class="moment banner" x1="${x(banner)}" y1="${TOP - 6}" x2="${x(banner)}" y2="${bottom}"/><text class="moment-label" x="${x(banner) - 4}" y="31" text-anchor="end">${esc(said.bannerSeen)}</text>`);
    moments.push(said.at(said.bannerSeen, words.time(banner)));
  }
  if (action) {
    parts.push(`<line class="moment action" x1="${x(action.ms)}" y1="${TOP - 6}" x2="${x(action.ms)}" y2="${bottom}"/><text class="moment-label" x="${x(action.ms) + 4}" y="31">${esc(said.action[action.kind])}</text>`);
    moments.push(said.at(said.action[action.kind], words.time(action.ms)));
  }
  const marks = rows.flatMap((row) => row.marks.map((m) => ({ ms: m.ms, text: sentence(row.vendor, m) }))).sort((a, b) => a.ms - b.ms);
  const described = [...moments, ...marks.map((m) => m.text)];
  const title = said.timelineTitle(pageName, words.phase[scan.phase].label);
  const categories = [...new Set(rows.map((r) => r.category))].map((c) => `<span class="key cat-${c}">${esc(said.purpose[c])}</span>`).join(' ');
  return `<figure class="timeline">
<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(described.join('; '))}.</desc>
${parts.join('\n')}
</svg>
<figcaption>${esc(words.phase[scan.phase].label)}${categories ? ` · ${categories}` : ''}</figcaption>
</figure>`;
}
