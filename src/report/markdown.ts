import type { GateResult } from '../types.js';
import type { ReportFormat } from './format.js';
import { pageLabel } from '../shared/url.js';
import { shortChain } from './text/chain.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { subjectLabel } from './text/subject.js';

const MAX_ROWS = 20;
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** For a job summary or a pull-request comment: the verdict first, then what to fix. */
export function verdictLine(gate: GateResult): string {
  const { verdict } = gate;
  const icon = verdict.status === 'passed' ? '✅' : verdict.status === 'failed' ? '❌' : '⚠️';
  const word = verdict.status === 'passed' ? 'passed' : verdict.status === 'failed' ? 'failed' : 'incomplete';
  return `${icon} **consent-gate ${word}**: ${verdict.errors} new error(s), ${verdict.warnings} new warning(s) on ${gate.pages.length} page(s) — ${verdict.reason}.`;
}

export const markdown: ReportFormat = {
  name: 'markdown',
  file: 'consent-gate.md',
  render: (gate: GateResult) => {
    const lines = [verdictLine(gate), '', `**Pages:** ${coverageLine(gate.coverage)}.`, ...coverageReasons(gate.coverage).map((reason) => `- ${cell(reason)}`), ''];
    const fresh = gate.findings.filter((f) => f.status === 'new');
    if (fresh.length > 0) {
      lines.push('| Page | Phase | Rule | Subject | Vendor | Loaded via |', '| --- | --- | --- | --- | --- | --- |');
      for (const f of fresh.slice(0, MAX_ROWS)) {
        const vendor = f.vendor ? `${f.vendor} (${f.category})` : f.category;
        lines.push(`| ${cell(pageLabel(f.page))} | ${f.phase} | ${f.severity === 'error' ? '🔴' : '🟡'} \`${f.rule}\` | ${cell(subjectLabel(f))} | ${cell(vendor)} | ${cell(shortChain(f) ?? '')} |`);
      }
      if (fresh.length > MAX_ROWS) lines.push('', `…and ${fresh.length - MAX_ROWS} more new finding(s): see the JSON or SARIF report.`);
      lines.push('');
    }
    const { verdict } = gate;
    lines.push(`Baselined: ${verdict.baselined} · Allowed: ${verdict.allowed} · Fixed since the baseline: ${verdict.fixed}${verdict.fixed > 0 ? ' (prune with `consent-gate baseline --prune`)' : ''}`);
    return lines.join('\n') + '\n';
  },
};
