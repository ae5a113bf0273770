import type { GateResult, Lang } from '../types.js';
import type { ReportFormat, ReportPlace } from './format.js';
import { pageLabel } from '../shared/url.js';
import { shortChain } from './text/chain.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { groupAcrossPages } from './text/group.js';
import { subjectLabel } from './text/subject.js';
import { ruleWords } from './text/rules.js';
import { EN } from './words/en.js';
import { wordsFor, type Words } from './words/index.js';

const MAX_ROWS = 20;
/** Pages named in one row before the rest are counted: a layout tag is on every one of 500 pages. */
const MAX_PAGES = 5;
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** For a job summary or a pull-request comment: the verdict first, then what to fix. */
export function verdictLine(gate: GateResult, words: Words = EN): string {
  const { verdict } = gate;
  const icon = verdict.status === 'passed' ? '✅' : verdict.status === 'failed' ? '❌' : '⚠️';
  return `${icon} ${words.markdown.verdict(verdict.status, verdict.errors, verdict.warnings, gate.pages.length, words.reason(verdict, gate.policy.failOn))}`;
}

/** The first few pages by path, then how many more; `show` dresses each one (a code span in a comment). */
export function namedPages(pages: readonly string[], words: Words, show: (label: string) => string = (label) => label): string {
  const named = pages.slice(0, MAX_PAGES).map((page) => show(pageLabel(page))).join(', ');
  return pages.length > MAX_PAGES ? words.markdown.andMore(named, pages.length - MAX_PAGES) : named;
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
    const groups = groupAcrossPages(gate.findings.filter((f) => f.status === 'new'));
    if (groups.length > 0) {
      lines.push(`| ${said.headings.join(' | ')} |`, '| --- | --- | --- | --- | --- | --- |');
      for (const { finding: f, pages } of groups.slice(0, MAX_ROWS)) {
        // The id is what the docs and the policy use; the title says what it means, in the reader's language.
        const title = ruleWords(gate, f.rule, words)?.title;
        const rule = `${f.severity === 'error' ? '🔴' : '🟡'} \`${f.rule}\`${title ? ` ${title}` : ''}`;
        lines.push(`| ${cell(namedPages(pages, words))} | ${words.phase[f.phase].short} | ${cell(rule)} | ${cell(subjectLabel(f))} | ${cell(words.vendor(f.vendor, f.category))} | ${cell(shortChain(f) ?? '')} |`);
      }
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
