import { relative } from 'node:path';
import { plural } from '../shared/text.js';
import type { Finding, GateResult, PageResult } from '../types.js';
import type { ReportFormat } from './format.js';
import { shortChain } from './text/chain.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { subjectLabel } from './text/subject.js';
import { isScanFailure } from './text/rules.js';


function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

const shown = (path: string): string => relative(process.cwd(), path) || path;

/** One line per finished page, so a long scan is never silent in a CI log. */
export function progressLine({ done, total, page, findings }: { done: number; total: number; page: PageResult; findings: Finding[] }): string {
  const failed = page.phases.find((scan) => scan.error !== null);
  const fresh = findings.filter((f) => f.status === 'new');
  const errors = fresh.filter((f) => f.severity === 'error').length;
  const known = [count(findings, 'baselined'), count(findings, 'allowed')].filter(Boolean).join(', ');
  // Judged with the baseline already: a page whose findings are all known says so, not "2 new errors".
  const fine = known ? `ok, 0 new (${known})` : 'ok';
  const state = failed ? `could not scan (${failed.phase}): ${failed.error}` : errors ? `${errors} new error(s)` : fresh.length ? `${fresh.length} new warning(s)` : fine;
  const seconds = page.phases.reduce((sum, scan) => sum + scan.durationMs, 0) / 1000;
  const width = String(total).length;
  return `[${String(done).padStart(width)}/${total}] ${page.url}  ${seconds.toFixed(1)} s  ${state}`;
}

/** Short and aligned, for a CI log: new findings in full, known ones as counts, then the verdict. */
export function formatConsole(result: GateResult): string {
  const lines: string[] = [];
  const seconds = (result.durationMs / 1000).toFixed(1);
  const policy = result.policy.path ? `policy ${shown(result.policy.path)} (${result.policy.jurisdiction})` : `no policy file (${result.policy.jurisdiction} defaults)`;
  lines.push(`${result.tool.name} ${result.tool.version} · ${plural(result.pages.length, 'page')} · Chromium ${result.browser.version} · ${seconds} s · ${policy}`);
  // Here, not only in the progress output: --quiet (what the pre-push hook runs) must not hide it.
  lines.push(`pages: ${coverageLine(result.coverage)}`, ...coverageReasons(result.coverage).map((reason) => `  ! ${reason}`), '');

  const fresh = result.findings.filter((f) => f.status === 'new');
  const ruleWidth = Math.max(0, ...fresh.map((f) => f.rule.length));
  const subjectWidth = Math.min(40, Math.max(0, ...fresh.map((f) => subjectLabel(f).length)));
  // Under the subject column: 4 + severity 5 + 2 + rule + 2.
  const indent = ' '.repeat(13 + ruleWidth);
  for (const page of result.pages) {
    const mine = result.findings.filter((f) => f.page === page.url);
    const newOnes = mine.filter((f) => f.status === 'new');
    const errors = newOnes.filter((f) => f.severity === 'error').length;
    const warnings = newOnes.length - errors;
    const known = [count(mine, 'baselined'), count(mine, 'allowed')].filter(Boolean).join(', ');
    const mark = errors > 0 ? '✗' : warnings > 0 ? '!' : '✓';
    const counts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ') || 'clean';
    const landed = page.phases[0]?.finalUrl;
    const hop = landed && landed !== page.url ? `  → redirected to ${landed}` : '';
    lines.push(`${mark} ${page.url}  ${counts}${known ? ` (${known})` : ''}${hop}`);
    for (const f of newOnes) {
      const vendor = f.vendor ? `${f.vendor} (${f.category})` : f.category === 'unknown' ? '' : f.category;
      lines.push(`    ${pad(f.severity, 5)}  ${pad(f.rule, ruleWidth)}  ${pad(subjectLabel(f), subjectWidth)}  ${vendor}`.trimEnd());
      const cause = isScanFailure(result, f) ? f.message : f.evidence[0];
      if (cause) lines.push(`${indent}↳ ${cause}`);
      const chain = shortChain(f);
      if (chain) lines.push(`${indent}↳ via ${chain}`);
      for (const note of f.notes) lines.push(`${indent}! ${note}`);
    }
  }

  const { verdict, baseline } = result;
  if (baseline.fixed.length > 0) {
    lines.push('', `Fixed since the baseline (${baseline.fixed.length}); remove them with consent-gate baseline --prune:`);
    for (const entry of baseline.fixed) lines.push(`    ${entry.rule}  ${entry.subject.kind} ${entry.subject.name ?? entry.subject.host ?? ''}  on ${entry.pages.join(', ')}`);
  }
  if (baseline.updated) lines.push('', `Baseline written: ${shown(baseline.path)}`);

  lines.push('');
  const headline = verdict.status === 'passed' ? 'PASSED' : verdict.status === 'failed' ? 'FAILED' : 'INCOMPLETE';
  const known = [
    verdict.baselined ? `${verdict.baselined} baselined` : '',
    verdict.allowed ? `${verdict.allowed} allowed` : '',
    verdict.fixed ? `${verdict.fixed} fixed` : '',
  ].filter(Boolean);
  lines.push(
    `${headline}: ${plural(verdict.errors, 'new error')}, ${plural(verdict.warnings, 'new warning')}${known.length ? ` · ${known.join(' · ')}` : ''} — ${verdict.reason} (exit ${verdict.exitCode})`,
  );
  return lines.join('\n') + '\n';
}

function count(findings: Finding[], status: Finding['status']): string {
  const n = findings.filter((f) => f.status === status).length;
  return n ? `${n} ${status}` : '';
}

export const consoleFormat: ReportFormat = { name: 'console', file: 'consent-gate.txt', render: formatConsole };
