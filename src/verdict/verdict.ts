import type { Finding, Severity, Verdict } from '../types.js';
import { plural } from '../shared/text.js';


/** Only new findings at or above failOn fail the gate; a page that was not scanned always does. */
export function decideVerdict(findings: readonly Finding[], fixed: number, failOn: Severity): Verdict {
  const fresh = findings.filter((f) => f.status === 'new');
  const errors = fresh.filter((f) => f.severity === 'error').length;
  const warnings = fresh.filter((f) => f.severity === 'warn').length;
  const counts = {
    errors,
    warnings,
    scanErrors: findings.filter((f) => f.rule === 'scan-error').length,
    baselined: findings.filter((f) => f.status === 'baselined').length,
    allowed: findings.filter((f) => f.status === 'allowed').length,
    fixed,
  };
  if (counts.scanErrors > 0) {
    return { status: 'incomplete', exitCode: 3, ...counts, reason: `${plural(counts.scanErrors, 'page scan')} could not complete; a page that was not looked at is never a pass` };
  }
  const failing = failOn === 'warn' ? errors + warnings : errors;
  if (failing > 0) {
    return { status: 'failed', exitCode: 1, ...counts, reason: `${plural(failing, `new ${failOn === 'warn' ? 'finding' : 'error'}`)} (failOn: ${failOn})` };
  }
  const known = counts.baselined + counts.allowed;
  return { status: 'passed', exitCode: 0, ...counts, reason: known > 0 ? `no new ${failOn === 'warn' ? 'findings' : 'errors'}` : warnings > 0 ? 'no errors' : 'no findings' };
}
