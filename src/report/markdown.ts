import type { GateResult, Lang } from '../types.js';
import type { ReportFormat, ReportPlace } from './format.js';
import { pageLabel } from '../shared/url.js';
import { causeTitle } from './text/cause.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { groupByCause, type CauseGroup } from './text/group.js';
import { findingMessage } from './text/rules.js';
import { subjectLabel } from './text/subject.js';
import { EN } from './words/en.js';
import { wordsFor, type Words } from './words/index.js';

const MAX_ROWS = 20;
/**
 * Pages, or things a cause causes, named in one row before the rest are counted: a layout tag is on
 * every one of 500 pages, a container may load dozens of things.
 */
const MAX_NAMED = 5;
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** For a job summary or a pull-request comment: the verdict first, then what to fix. */
export function verdictLine(gate: GateResult, words: Words = EN): string {
  const { verdict } = gate;
  const icon = verdict.status === 'passed' ? '✅' : verdict.status === 'failed' ? '❌' : '⚠️';
  return `${icon} ${words.markdown.verdict(verdict.status, verdict.errors, verdict.warnings, gate.pages.length, words.reason(verdict, gate.policy.failOn))}`;
}

/** The first few pages by path, then how many more; `show` dresses each one (a code span in a comment). */
export function namedPages(pages: readonly string[], words: Words, show: (label: string) => string = (label) => label): string {
  return firstFew(pages.map((page) => show(pageLabel(page))), words);
}

/** The first few items, then how many more. */
function firstFew(items: readonly string[], words: Words): string {
  const named = items.slice(0, MAX_NAMED).join(', ');
  return items.length > MAX_NAMED ? words.markdown.andMore(named, items.length - MAX_NAMED) : named;
}

const unique = (items: string[]): string[] => [...new Set(items)];

/** A cause's row: the worst it causes first, then where, when, what (each thing once) and whose. */
function causeRow(group: CauseGroup, gate: GateResult, words: Words): string {
  const errors = group.findings.filter((f) => f.severity === 'error').length;
  const counts = [errors ? words.errors(errors) : '', errors < group.findings.length ? words.warnings(group.findings.length - errors) : ''].filter(Boolean).join(', ');
  // A page not scanned is said by why; anything else by what it is about.
  const subjects = unique(group.findings.map((f) => (group.kind === 'page' ? findingMessage(f, words) : subjectLabel(f))));
  const what = firstFew(subjects, words);
  const visits = unique(group.findings.map((f) => words.phase[f.phase].short)).join(', ');
  const companies = unique(group.findings.filter((f) => f.vendor !== null || f.category !== 'unknown').map((f) => words.vendor(f.vendor, f.category))).join(', ');
  const cause = `${errors ? '🔴' : '🟡'} ${causeTitle(group, gate, words)}`;
  return `| ${[cause, namedPages(group.pages, words), visits, what ? words.markdown.caused(counts, what) : counts, companies].map(cell).join(' | ')} |`;
}

/** The last line: the file with everything (HTML for people, else JSON), and where CI keeps it. */
export function fullReport(place: ReportPlace | undefined, words: Words): string | null {
  const others = place?.files.filter((file) => !file.endsWith('.md')) ?? [];
  const main = others.find((file) => file.endsWith('.html')) ?? others.find((file) => file.endsWith('.json')) ?? others[0];
  if (!place || !main) return null;
  const path = place.dir === '.' ? main : `${place.dir}/${main}`;
  const where = place.runUrl ? words.markdown.onRunPage(place.runUrl, place.dir) : '';
  return `${words.markdown.fullReport(path)}${where}.`;
}

export const markdown: ReportFormat = {
  name: 'markdown',
  file: 'consent-gate.md',
  render: (gate: GateResult, place?: ReportPlace, lang: Lang = 'en') => {
    const words = wordsFor(lang);
    const said = words.markdown;
    const lines = [verdictLine(gate, words), '', `**${said.pagesLabel}:** ${coverageLine(gate.coverage, words)}.`, ...coverageReasons(gate.coverage, words).map((reason) => `- ${cell(reason)}`), ''];
    // One row per thing to fix where it is fixed: the tag, the container, the script, the banner.
    const groups = groupByCause(gate, gate.findings.filter((f) => f.status === 'new'));
    if (groups.length > 0) {
      lines.push(`| ${said.headings.join(' | ')} |`, '| --- | --- | --- | --- | --- |');
      for (const group of groups.slice(0, MAX_ROWS)) lines.push(causeRow(group, gate, words));
      if (groups.length > MAX_ROWS) lines.push('', said.moreRows(groups.length - MAX_ROWS));
      lines.push('');
    }
    const { verdict } = gate;
    lines.push(`${said.counts(verdict.baselined, verdict.allowed, verdict.fixed)}${verdict.fixed > 0 ? said.pruneHint : ''}`);
    const trailer = fullReport(place, words);
    if (trailer) lines.push('', trailer);
    return lines.join('\n') + '\n';
  },
};
