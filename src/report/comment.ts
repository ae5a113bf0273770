// The pull-request comment and the watch issue: one markdown body, for the people who decide on a
// tracker and read the pull request or the issue list, not the job log.
import type { FixedEntry, GateResult, Lang } from '../types.js';
import type { ReportPlace } from './format.js';
import { fullReport, namedPages, verdictLine } from './markdown.js';
import { siteName } from './text/site.js';
import { shortChain } from './text/chain.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { causeTitle } from './text/cause.js';
import { groupByCause, type FindingGroup } from './text/group.js';
import { findingMessage, isScanFailure, ruleWords } from './text/rules.js';
import { subjectLabel } from './text/subject.js';
import { wordsFor, type Words } from './words/index.js';

/** GitHub refuses a comment or issue body longer than this (GitLab takes more). */
export const BODY_LIMIT = 65_536;
/** Things to fix named in full: past these a reviewer needs the full report, not a longer comment. */
const MAX_GROUPS = 50;
const MAX_FIXED = 20;
/** Room kept for the "… and N more" lines. */
const MORE_ROOM = 300;

export interface BodyOptions {
  lang: Lang;
  /** Written as a hidden HTML comment first: how the poster finds its own comment or issue again. */
  marker: string;
  /** The report files written, and the run whose page has them. */
  place?: ReportPlace;
  /** The run's page, for when no report file was written to name it. */
  runUrl?: string;
  /** Most UTF-8 bytes (never fewer than characters, however the host counts); GitHub's limit by default. */
  limit?: number;
}

/** The hidden first line a poster finds its own comment or issue by, in the body and in the search. */
export const hiddenMarker = (marker: string): string => `<!-- ${marker} -->`;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * A code span around text from the scanned site (a page path, a cookie name, a chain of URLs): read
 * literally, so a storage key "@team" pings no one and a URL draws no image. The fence is one backtick
 * longer than any run inside it, as CommonMark reads it.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Running text that may carry the site's words (a sitemap's URLs, a vendor's name): markdown's signs
 * escaped, and a zero-width space after @ and #, so no mention and no issue reference is made.
 */
function inert(text: string): string {
  return text.replace(/[\\`*_[\]<>|~!]/g, '\\$&').replace(/([@#])/g, '$1\u200b');
}

/** One thing a cause causes: which rule it breaks, what, whose, in which visit, on which pages, and what loaded it. */
function groupItem(gate: GateResult, { finding: f, pages }: FindingGroup, words: Words): string {
  const said = words.comment;
  const title = ruleWords(gate, f.rule, words)?.title ?? f.rule;
  const what = [
    `${f.severity === 'error' ? '🔴' : '🟡'} ${inert(title)}: ${codeSpan(subjectLabel(f))}`,
    inert(words.vendor(f.vendor, f.category)),
    words.phase[f.phase].short,
    `${said.on} ${namedPages(pages, words, codeSpan)}`,
  ].join(' · ');
  const chain = shortChain(f);
  // A page that was not scanned has no tracker to name: its reason is the message.
  const detail = isScanFailure(gate, f) ? inert(findingMessage(f, words)) : chain ? `${said.loadedVia} ${codeSpan(chain)}` : null;
  return detail ? `- ${what}\\\n  ${detail}` : `- ${what}`;
}

/** A rule the first time it comes up: its title (linked to its docs), its id and what the law asks, in plain words. */
function ruleNote(gate: GateResult, rule: string, words: Words): string {
  const said = ruleWords(gate, rule, words);
  const docs = gate.rules.find((r) => r.id === rule)?.docsUrl;
  const title = said ? (docs ? `[${said.title}](${docs})` : said.title) : rule;
  return `> **${title}** · \`${rule}\`${said?.plainWords ? `: ${said.plainWords}` : ''}`;
}

/**
 * The new findings by what to fix, as the job summary and the HTML report group them: one heading per
 * cause (the tag, the container, the script, the banner), titled where the fix goes, each rule's plain
 * words the first time it comes up, then one item per thing the cause causes. A cause's heading is
 * carried by its first item, so a cut never leaves a heading alone.
 */
function findingBlocks(gate: GateResult, words: Words): string[] {
  const explained = new Set<string>();
  return groupByCause(gate, gate.findings.filter((f) => f.status === 'new')).flatMap((group) => {
    const worst = group.findings.some((f) => f.severity === 'error') ? '🔴' : '🟡';
    const fresh = [...new Set(group.entries.map((entry) => entry.finding.rule))].filter((rule) => !explained.has(rule));
    for (const rule of fresh) explained.add(rule);
    // Each rule a paragraph of its own in the quote.
    const notes = fresh.map((rule) => ruleNote(gate, rule, words)).join('\n>\n');
    const heading = ['', `#### ${worst} ${inert(causeTitle(group, gate, words))}`, '', ...(notes ? [notes, ''] : [])].join('\n');
    return group.entries.map((entry, i) => `${i === 0 ? `${heading}\n` : ''}${groupItem(gate, entry, words)}`);
  });
}

function fixedItem(gate: GateResult, entry: FixedEntry, words: Words): string {
  const title = ruleWords(gate, entry.rule, words)?.title ?? entry.rule;
  return `- ${title}: ${codeSpan(subjectLabel(entry))} ${words.comment.on} ${namedPages(entry.pages, words, codeSpan)}`;
}

/** As many blocks as fit in `room` bytes (and at most `max`), each followed by a newline. */
function fitting(blocks: readonly string[], room: number, max: number): string[] {
  const taken: string[] = [];
  let used = 0;
  for (const block of blocks.slice(0, max)) {
    used += bytes(block) + 1;
    if (used > room) break;
    taken.push(block);
  }
  return taken;
}

/**
 * The verdict; the new findings by what to fix, with pages, chain and the rule's plain words; what is
 * fixed since the baseline; the counts; where the full report is. Cut to the limit with "… and N more",
 * never cut mid-line, so the call that posts it never fails for its size.
 */
export function reviewBody(gate: GateResult, options: BodyOptions): string {
  const words = wordsFor(options.lang);
  const said = words.markdown;
  const limit = options.limit ?? BODY_LIMIT;
  const { verdict } = gate;
  const head = [
    hiddenMarker(options.marker),
    verdictLine(gate, words),
    '',
    `**${said.pagesLabel}:** ${inert(coverageLine(gate.coverage, words))}.`,
    ...coverageReasons(gate.coverage, words).map((reason) => `- ${inert(reason)}`),
  ].join('\n');
  const trailer = fullReport(options.place, words) ?? (options.runUrl ? words.comment.run(options.runUrl) : null);
  const when = `${gate.startedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const tail = ['', `${said.counts(verdict.baselined, verdict.allowed, verdict.fixed)}${verdict.fixed > 0 ? said.pruneHint : ''}`, '', [trailer, words.comment.checked(when)].filter(Boolean).join(' ')].join('\n');

  let room = limit - bytes(head) - bytes(tail) - 2 * MORE_ROOM;
  const found = findingBlocks(gate, words);
  const fixed = gate.baseline.fixed.map((entry) => fixedItem(gate, entry, words));
  const fixedHeading = `\n#### ${words.comment.fixedHeading(fixed.length)}\n`;
  // The things to fix come first; what was fixed gets what they leave, and at least its heading's worth.
  const shown = fitting(found, room - (fixed.length > 0 ? bytes(fixedHeading) + Math.min(bytes(fixed.join('\n')), 2000) : 0), MAX_GROUPS);
  room -= bytes(shown.join('\n')) + shown.length;
  const lines = [head, ...shown];
  if (shown.length < found.length) lines.push('', words.comment.moreFindings(found.length - shown.length));
  if (fixed.length > 0) {
    const listed = fitting(fixed, room - bytes(fixedHeading), MAX_FIXED);
    lines.push(fixedHeading, ...listed);
    if (listed.length < fixed.length) lines.push(words.comment.moreFixed(fixed.length - listed.length));
  }
  return `${lines.join('\n')}\n${tail}\n`;
}

/** The watch issue's title: the verdict and the site, in the reader's language. */
export function reviewTitle(gate: GateResult, lang: Lang): string {
  return wordsFor(lang).html.title(gate.verdict.status, siteName(gate));
}
