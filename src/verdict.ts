import type { Finding, Verdict } from './types.js';

export function decideVerdict(findings: readonly Finding[]): Verdict {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warn').length;
  const scanErrors = findings.filter((f) => f.rule === 'scan-error').length;
  const counts = { errors, warnings, scanErrors };
  if (scanErrors > 0) {
    return { status: 'incomplete', exitCode: 3, ...counts, reason: `${scanErrors} page scan(s) could not complete; a page that was not looked at is never a pass` };
  }
  if (errors > 0) return { status: 'failed', exitCode: 1, ...counts, reason: `${errors} error finding(s)` };
  return { status: 'passed', exitCode: 0, ...counts, reason: warnings > 0 ? `no errors (${warnings} warning(s))` : 'no findings' };
}
