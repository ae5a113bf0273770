import type { GateResult } from '../types.js';
import { subjectLabel } from './subject.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Short and aligned, for a CI log: one block per page with findings, then the verdict. */
export function formatConsole(result: GateResult): string {
  const lines: string[] = [];
  const seconds = (result.durationMs / 1000).toFixed(1);
  lines.push(`${result.tool.name} ${result.tool.version} · ${plural(result.pages.length, 'page')} · Chromium ${result.browser.version} · ${seconds} s`, '');
  const ruleWidth = Math.max(0, ...result.findings.map((f) => f.rule.length));
  const subjectWidth = Math.min(40, Math.max(0, ...result.findings.map((f) => subjectLabel(f).length)));
  for (const page of result.pages) {
    const findings = result.findings.filter((f) => f.page === page.url);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    const mark = errors > 0 ? '✗' : warnings > 0 ? '!' : '✓';
    const counts = findings.length === 0 ? 'clean' : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
    lines.push(`${mark} ${page.url}  ${counts}`);
    for (const f of findings) {
      const vendor = f.vendor ? `${f.vendor} (${f.category})` : f.category === 'unknown' ? '' : f.category;
      lines.push(`    ${pad(f.severity, 5)}  ${pad(f.rule, ruleWidth)}  ${pad(subjectLabel(f), subjectWidth)}  ${vendor}`.trimEnd());
      const cause = f.evidence[0];
      if (cause && f.rule !== 'scan-error') lines.push(`           ${' '.repeat(ruleWidth)}  ↳ ${cause}`);
      if (f.rule === 'scan-error') lines.push(`           ${' '.repeat(ruleWidth)}  ↳ ${f.message}`);
    }
  }
  const { verdict } = result;
  const dirty = new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.page)).size;
  lines.push('');
  const headline = verdict.status === 'passed' ? 'PASSED' : verdict.status === 'failed' ? 'FAILED' : 'INCOMPLETE';
  lines.push(
    `${headline}: ${plural(verdict.errors, 'error')}, ${plural(verdict.warnings, 'warning')} on ${dirty} of ${plural(result.pages.length, 'page')} — ${verdict.reason} (exit ${verdict.exitCode})`,
  );
  return lines.join('\n') + '\n';
}
