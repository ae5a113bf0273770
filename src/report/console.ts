import { relative } from 'node:path';
import type { Finding, GateResult, Lang, PageResult } from '../types.js';
import type { ReportFormat } from './format.js';
import { shortChain } from './text/chain.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { subjectLabel } from './text/subject.js';
import { isScanFailure, ruleWords } from './text/rules.js';
import { EN } from './words/en.js';
import { wordsFor, type Words } from './words/index.js';


function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

const shown = (path: string): string => relative(process.cwd(), path) || path;

/** One line per finished page, so a long scan is never silent in a CI log. In English: it is the log, not the report. */
export function progressLine({ done, total, page, findings }: { done: number; total: number; page: PageResult; findings: Finding[] }): string {
  const failed = page.phases.find((scan) => scan.error !== null);
  const fresh = findings.filter((f) => f.status === 'new');
  const errors = fresh.filter((f) => f.severity === 'error').length;
  const known = [count(findings, 'baselined', EN), count(findings, 'allowed', EN)].filter(Boolean).join(', ');
  // Judged with the baseline already: a page whose findings are all known says so, not "2 new errors".
  const fine = known ? `ok, 0 new (${known})` : 'ok';
  const state = failed ? `could not scan (${failed.phase}): ${failed.error}` : errors ? `${errors} new error(s)` : fresh.length ? `${fresh.length} new warning(s)` : fine;
  const seconds = page.phases.reduce((sum, scan) => sum + scan.durationMs, 0) / 1000;
  const width = String(total).length;
  return `[${String(done).padStart(width)}/${total}] ${page.url}  ${seconds.toFixed(1)} s  ${state}`;
}

/**
 * Short and aligned, for a CI log: new findings in full, known ones as counts, what each rule broken
 * means, then the verdict. Rule ids stay as they are in every language: they are what a person
 * searches the docs and the policy for.
 */
export function formatConsole(result: GateResult, lang: Lang = 'en'): string {
  const words = wordsFor(lang);
  const lines: string[] = [];
  const seconds = (result.durationMs / 1000).toFixed(1);
  const policy = result.policy.path ? words.policyFile(shown(result.policy.path), result.policy.jurisdiction) : words.noPolicyFile(result.policy.jurisdiction);
  lines.push(`${result.tool.name} ${result.tool.version} · ${words.pages(result.pages.length)} · Chromium ${result.browser.version} · ${seconds} s · ${policy}`);
  // Here, not only in the progress output: --quiet (what the pre-push hook runs) must not hide it.
  lines.push(`${words.pagesLabel}: ${coverageLine(result.coverage, words)}`, ...coverageReasons(result.coverage, words).map((reason) => `  ! ${reason}`), '');

  const fresh = result.findings.filter((f) => f.status === 'new');
  const severityWidth = Math.max(...Object.values(words.severity).map((s) => s.length));
  const ruleWidth = Math.max(0, ...fresh.map((f) => f.rule.length));
  const subjectWidth = Math.min(40, Math.max(0, ...fresh.map((f) => subjectLabel(f).length)));
  // Under the subject column: 4 + severity + 2 + rule + 2.
  const indent = ' '.repeat(8 + severityWidth + ruleWidth);
  for (const page of result.pages) {
    const mine = result.findings.filter((f) => f.page === page.url);
    const newOnes = mine.filter((f) => f.status === 'new');
    const errors = newOnes.filter((f) => f.severity === 'error').length;
    const warnings = newOnes.length - errors;
    const known = [count(mine, 'baselined', words), count(mine, 'allowed', words)].filter(Boolean).join(', ');
    const mark = errors > 0 ? '✗' : warnings > 0 ? '!' : '✓';
    const counts = [errors ? words.errors(errors) : '', warnings ? words.warnings(warnings) : ''].filter(Boolean).join(', ') || words.clean;
    const landed = page.phases[0]?.finalUrl;
    const hop = landed && landed !== page.url ? `  ${words.redirectedTo(landed)}` : '';
    lines.push(`${mark} ${page.url}  ${counts}${known ? ` (${known})` : ''}${hop}`);
    lines.push(...boundedBy(page, words).map((note) => `    ! ${note}`));
    for (const f of newOnes) {
      const vendor = f.vendor || f.category !== 'unknown' ? words.vendor(f.vendor, f.category) : '';
      lines.push(`    ${pad(words.severity[f.severity], severityWidth)}  ${pad(f.rule, ruleWidth)}  ${pad(subjectLabel(f), subjectWidth)}  ${vendor}`.trimEnd());
      const cause = isScanFailure(result, f) ? f.message : f.evidence[0];
      if (cause) lines.push(`${indent}↳ ${cause}`);
      const chain = shortChain(f);
      if (chain) lines.push(`${indent}↳ via ${chain}`);
      const others = f.seenIn.filter((phase) => phase !== f.phase);
      if (others.length > 0) lines.push(`${indent}↳ ${words.alsoSeen(others.map((phase) => words.phase[phase].short).join(', '))}`);
      for (const note of f.notes) lines.push(`${indent}! ${note}`);
    }
  }

  lines.push(...legend(result, fresh, words));

  const { verdict, baseline } = result;
  if (baseline.fixed.length > 0) {
    lines.push('', words.fixedHeading(baseline.fixed.length));
    for (const entry of baseline.fixed) lines.push(`    ${entry.rule}  ${entry.subject.kind} ${entry.subject.name ?? entry.subject.host ?? ''}  on ${entry.pages.join(', ')}`);
  }
  if (baseline.updated) lines.push('', words.baselineWritten(shown(baseline.path)));

  lines.push('');
  const known = [
    verdict.baselined ? words.known(verdict.baselined, 'baselined') : '',
    verdict.allowed ? words.known(verdict.allowed, 'allowed') : '',
    verdict.fixed ? words.known(verdict.fixed, 'fixed') : '',
  ].filter(Boolean);
  const reason = words.reason(verdict, result.policy.failOn);
  lines.push(
    `${words.headline[verdict.status]}: ${words.newErrors(verdict.errors)}, ${words.newWarnings(verdict.warnings)}${known.length ? ` · ${known.join(' · ')}` : ''} — ${reason} ${words.exit(verdict.exitCode)}`,
  );
  return lines.join('\n') + '\n';
}

/** What the page kept the gate from doing in full on each visit: windows it was not let open, waits cut at the budget. */
function boundedBy(page: PageResult, words: Words): string[] {
  return page.phases.flatMap(({ phase, settle }) => {
    // A report judged again may have been written before visits recorded these.
    if (!settle?.windows) return [];
    const visit = words.phase[phase].short;
    return [...(settle.windows.refused > 0 ? [words.windowsRefused(visit, settle.windows.opened, settle.windows.refused)] : []), ...(settle.cutShort ? [words.waitsCut(visit)] : [])];
  });
}

/** Each rule with new findings, by its title in the report's language: the ids above are for searching. */
function legend(result: GateResult, fresh: Finding[], words: Words): string[] {
  const ids = [...new Set(fresh.map((f) => f.rule))];
  if (ids.length === 0) return [];
  const width = Math.max(...ids.map((id) => id.length));
  return ['', words.rulesHeading, ...ids.map((id) => `    ${pad(id, width)}  ${ruleWords(result, id, words)?.title ?? ''}`.trimEnd())];
}

function count(findings: Finding[], status: Finding['status'], words: Words): string {
  const n = findings.filter((f) => f.status === status).length;
  return n ? words.known(n, status) : '';
}

export const consoleFormat: ReportFormat = { name: 'console', file: 'consent-gate.txt', render: (result, _place, lang) => formatConsole(result, lang) };
