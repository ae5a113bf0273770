import { RULE_BY_ID } from '../rules/index.js';
import type { Finding, Severity, ShardCoverage, Verdict } from '../types.js';
import { plural } from '../shared/text.js';
import { shardLine } from '../discover/shard.js';


/** Whether a finding fails the gate by itself: new, and at or above failOn. */
export function failsGate(finding: Finding, failOn: Severity): boolean {
  return finding.status === 'new' && (finding.severity === 'error' || failOn === 'warn');
}

/** Only new findings at or above failOn fail the gate; a page that was not scanned always does. */
export function decideVerdict(findings: readonly Finding[], fixed: number, failOn: Severity, pagesScanned: number, shard?: ShardCoverage): Verdict {
  const fresh = findings.filter((f) => f.status === 'new');
  const errors = fresh.filter((f) => f.severity === 'error').length;
  const warnings = fresh.filter((f) => f.severity === 'warn').length;
  const counts = {
    errors,
    warnings,
    scanErrors: findings.filter((f) => RULE_BY_ID.get(f.rule)?.meta.failClosed).length,
    baselined: findings.filter((f) => f.status === 'baselined').length,
    allowed: findings.filter((f) => f.status === 'allowed').length,
    fixed,
  };
  // A shard of a small site may draw no page: that is the split, not a failure. The merge, which
  // checks that the shards together scanned every page, is what passes or fails the run.
  if (pagesScanned === 0 && shard) return { status: 'passed', exitCode: 0, ...counts, reason: shardLine(shard) };
  // A run that looked at nothing proves nothing: an empty page list is never a pass.
  if (pagesScanned === 0) {
    return { status: 'incomplete', exitCode: 3, ...counts, reason: 'no page was scanned; check the page list, --max-pages and the discovery settings' };
  }
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
