import { partyOf } from '../classify/party.js';
import { isDurationCell, readDurations, type DeclaredDuration } from './durations.js';
import { hostOf, urlPath } from '../shared/url.js';
import type { DeclarationSource } from '../types.js';
import { covers, readNames } from './declared-names.js';

/** One place a declaration names a cookie or key, with the lifetime it gives it there, if any. */
export interface Mention {
  source: DeclarationSource;
  /** The row, definition or paragraph it is in, as one line. */
  line: string;
  /** How the declaration writes the name ("_ga", "_ga_*", or a manager's regular expression as /…/). */
  written: string;
  duration: DeclaredDuration | null;
}

interface Entry {
  pattern: string | null;
  expression: RegExp | null;
  mention: Mention;
}

/** A site's declaration as read from the sources a page names: what it covers, and whether it can be judged. */
export interface Declaration {
  /** The site's own sources, read or not, in the order found. */
  sources: DeclarationSource[];
  /** Sources whose text was read. */
  read: DeclarationSource[];
  /** Sources that could not be read: a name missing from the others may be in these. */
  unread: DeclarationSource[];
  /** Every place that names `name` (case-insensitive, families and expressions included). */
  mentions(name: string): Mention[];
}

const SEPARATOR = ' | ';

/** A part of a row that names rather than describes: a name column, a term, "Google Analytics". */
const isShort = (part: string): boolean => part.trim().split(/\s+/).length <= 4;

/**
 * The duration a name is given in its block. A name in a short cell (a table's name column, a
 * definition's term) takes the block's retention cell (a cell that says a duration and little else),
 * the first after it, else the last before it; without one, the first duration after it in the block
 * ("_ga" then "… conservé 1 an"). A name inside a description or a paragraph takes the first duration
 * after it in the same text ("_ga, _gid en _pk_id.* worden 13 maanden bewaard"): a duration in one
 * cookie's description never becomes another's retention.
 */
function durationFor(at: number, part: { end: number; short: boolean }, cells: DeclaredDuration[], running: DeclaredDuration[]): DeclaredDuration | null {
  if (part.short && cells.length > 0) return cells.find((d) => d.at > at) ?? cells.filter((d) => d.at < at).at(-1) ?? null;
  const after = running.filter((d) => d.at > at);
  return (part.short ? after[0] : after.find((d) => d.at < part.end)) ?? null;
}

function entriesOf(source: DeclarationSource): Entry[] {
  const entries: Entry[] = [];
  for (const block of source.blocks) {
    const line = block.join(SEPARATOR);
    const cells: DeclaredDuration[] = [];
    const running: DeclaredDuration[] = [];
    const parts: { start: number; end: number; short: boolean }[] = [];
    let offset = 0;
    for (const part of block) {
      const shift = (d: DeclaredDuration): DeclaredDuration => ({ ...d, at: d.at + offset });
      if (block.length > 1 && isDurationCell(part)) cells.push(...readDurations(part, true).map(shift));
      else running.push(...readDurations(part).map(shift));
      parts.push({ start: offset, end: offset + part.length, short: block.length > 1 && isShort(part) });
      offset += part.length + SEPARATOR.length;
    }
    for (const name of readNames(line)) {
      const part = parts.find((p) => name.at >= p.start && name.at < p.end) ?? parts[0]!;
      entries.push({ pattern: name.pattern, expression: null, mention: { source, line, written: name.text, duration: durationFor(name.at, part, cells, running) } });
    }
  }
  for (const text of source.expressions) {
    let expression: RegExp;
    try {
      expression = new RegExp(text, 'i');
    } catch {
      continue;
    }
    entries.push({ pattern: null, expression, mention: { source, line: `/${text}/`, written: `/${text}/`, duration: null } });
  }
  return entries;
}

/**
 * Reads the site's own sources once; `mentions` then answers per cookie or key. A policy page on
 * another site (`siteDomains` are the page's own) is a third party's, Google's privacy policy linked
 * from a consent manager's service list: not the site's declaration, read or not.
 */
export function readDeclaration(all: readonly DeclarationSource[], siteDomains: readonly string[]): Declaration {
  const sources = all.filter((s) => s.kind === 'manager' || partyOf(hostOf(s.url), siteDomains) === 'first');
  const read = sources.filter((s) => s.read);
  const exact = new Map<string, Mention[]>();
  const families: Entry[] = [];
  for (const entry of read.flatMap(entriesOf)) {
    if (entry.pattern !== null && !entry.pattern.includes('*')) exact.set(entry.pattern, [...(exact.get(entry.pattern) ?? []), entry.mention]);
    else families.push(entry);
  }
  return {
    sources,
    read,
    unread: sources.filter((s) => !s.read),
    mentions: (name) => [
      ...(exact.get(name.toLowerCase()) ?? []),
      ...families.filter((e) => (e.expression ? e.expression.test(name) : covers({ pattern: e.pattern! }, name))).map((e) => e.mention),
    ],
  };
}

/** A source as evidence names it: a page by its path (and host, when another), a manager by name. */
export function sourceLabel(source: DeclarationSource, pageUrl: string): string {
  if (source.kind === 'manager') return source.manager ? `${source.manager}'s configuration` : "the consent manager's settings layer";
  const same = new URL(source.url).host === new URL(pageUrl).host;
  return same ? urlPath(source.url) : source.url;
}

/**
 * Whether the sources can tell that a name is missing: at least one was read, and none failed to be
 * (a name missing from what was read may be in a page that was not). A page that could not be read
 * is never a finding, as a policy link that could not be checked is not.
 */
export const judgeable = (declaration: Declaration): boolean => declaration.read.length > 0 && declaration.unread.length === 0;
