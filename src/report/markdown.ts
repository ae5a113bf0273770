import type { GateResult } from '../types.js';
import type { ReportFormat, ReportPlace } from './format.js';
import { pageLabel } from '../shared/url.js';
import { shortChain } from './text/chain.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { groupAcrossPages } from './text/group.js';
import { subjectLabel } from './text/subject.js';

const MAX_ROWS = 20;
/** Pages named in one row before the rest are counted: a layout tag is on every one of 500 pages. */
const MAX_PAGES = 5;
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** For a job summary or a pull-request comment: the verdict first, then what to fix. */
export function verdictLine(gate: GateResult): string {
  const { verdict } = gate;
  const icon = verdict.status === 'passed' ? '✅' : verdict.status === 'failed' ? '❌' : '⚠️';
  const word = verdict.status === 'passed' ? 'passed' : verdict.status === 'failed' ? 'failed' : 'incomplete';
  return `${icon} **consent-gate ${word}**: ${verdict.errors} new error(s), ${verdict.warnings} new warning(s) on ${gate.pages.length} page(s) — ${verdict.reason}.`;
}

function pagesCell(pages: string[]): string {
  const named = pages.slice(0, MAX_PAGES).map(pageLabel).join(', ');
  return pages.length > MAX_PAGES ? `${named} and ${pages.length - MAX_PAGES} more` : named;
}

/** The last line: the file with everything (HTML for people, else JSON), and where CI keeps it. */
function fullReport(place: ReportPlace | undefined): string | null {
  const others = place?.files.filter((file) => !file.endsWith('.md')) ?? [];
  const main = others.find((file) => file.endsWith('.html')) ?? others.find((file) => file.endsWith('.json')) ?? others[0];
  if (!place || !main) return null;
  const path = place.dir === '.' ? main : `${place.dir}/${main}`;
  const where = place.runUrl ? ` — on [the run's page](${place.runUrl}) when the workflow uploads \`${place.dir}/\` as an artifact` : '';
  return `Full report: \`${path}\`${where}.`;
}

export const markdown: ReportFormat = {
  name: 'markdown',
  file: 'consent-gate.md',
  render: (gate: GateResult, place?: ReportPlace) => {
    const lines = [verdictLine(gate), '', `**Pages:** ${coverageLine(gate.coverage)}.`, ...coverageReasons(gate.coverage).map((reason) => `- ${cell(reason)}`), ''];
    const groups = groupAcrossPages(gate.findings.filter((f) => f.status === 'new'));
    if (groups.length > 0) {
      lines.push('| Pages | Phase | Rule | Subject | Vendor | Loaded via |', '| --- | --- | --- | --- | --- | --- |');
      for (const { finding: f, pages } of groups.slice(0, MAX_ROWS)) {
        const vendor = f.vendor ? `${f.vendor} (${f.category})` : f.category;
        lines.push(`| ${cell(pagesCell(pages))} | ${f.phase} | ${f.severity === 'error' ? '🔴' : '🟡'} \`${f.rule}\` | ${cell(subjectLabel(f))} | ${cell(vendor)} | ${cell(shortChain(f) ?? '')} |`);
      }
      if (groups.length > MAX_ROWS) lines.push('', `…and ${groups.length - MAX_ROWS} more new finding(s): see the full report.`);
      lines.push('');
    }
    const { verdict } = gate;
    lines.push(`Baselined: ${verdict.baselined} · Allowed: ${verdict.allowed} · Fixed since the baseline: ${verdict.fixed}${verdict.fixed > 0 ? ' (prune with `consent-gate baseline --prune`)' : ''}`);
    const trailer = fullReport(place);
    if (trailer) lines.push('', trailer);
    return lines.join('\n') + '\n';
  },
};
