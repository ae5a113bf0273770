import { fixedEntries, labelWithBaseline, updateBaseline, type Baseline } from '../baseline/baseline.js';
import { afterAcceptInventory } from '../derive/inventory.js';
import { applyAllowList, ruleSettingsFor } from '../policy/apply.js';
import type { Policy } from '../policy/policy.js';
import { RULE_BY_ID, RULES, describeRule } from '../rules/index.js';
import { runRules } from '../rules/run.js';
import type { Finding, FixedEntry, GateResult, PageResult } from '../types.js';
import { decideVerdict } from './verdict.js';

/**
 * One page, judged once and completely: rules, then the policy's allow list, then the baseline's
 * label. Progress lines and the final report read the same findings, so they never disagree.
 */
export function judgePage(page: PageResult, policy: Policy, baseline: Baseline): Finding[] {
  return labelWithBaseline(applyAllowList(runRules(page, ruleSettingsFor(policy, page.url)), policy), baseline);
}

export interface Concluded {
  findings: Finding[];
  fixed: FixedEntry[];
  /** The baseline to write, when this run should update it; null to leave the file as it is. */
  nextBaseline: Baseline | null;
}

/**
 * What only the whole run can tell: which baseline entries were not seen again, and, when asked,
 * the updated baseline (then findings are labelled against it, so the report shows them as known).
 */
export function concludeRun(findings: readonly Finding[], pages: readonly string[], baseline: Baseline, update: { prune: boolean } | null, today: string): Concluded {
  const fixed = fixedEntries(findings, baseline, pages);
  // A partial scan would record (and with --prune, erase) a partial truth: then the file stays as it was.
  const partial = findings.some((f) => RULE_BY_ID.get(f.rule)?.meta.failClosed) || pages.length === 0;
  if (!update || partial) return { findings: [...findings], fixed, nextBaseline: null };
  const next = updateBaseline(baseline, [...findings], { prune: update.prune, fixed, today });
  return { findings: labelWithBaseline(findings, next), fixed: fixedEntries(findings, next, pages), nextBaseline: next };
}

/** What a run saw, without what judging made of it: what judge and merge-reports read back. */
export type SavedRun = Pick<GateResult, 'tool' | 'data' | 'browser' | 'startedAt' | 'durationMs' | 'coverage' | 'target' | 'pages'>;

/** The result every report is made from. */
export function resultOf(
  run: Pick<GateResult, 'tool' | 'data' | 'browser' | 'startedAt' | 'durationMs' | 'coverage' | 'target'>,
  pages: PageResult[],
  concluded: Concluded,
  policy: Policy,
  baseline: { found: boolean },
): GateResult {
  return {
    ...run,
    pages,
    findings: concluded.findings,
    rules: RULES.map(describeRule),
    inventory: afterAcceptInventory(pages),
    policy: { path: policy.path, jurisdiction: policy.jurisdiction, failOn: policy.failOn },
    baseline: { path: policy.baselinePath, found: baseline.found, updated: concluded.nextBaseline !== null, fixed: concluded.fixed },
    verdict: decideVerdict(concluded.findings, concluded.fixed.length, policy.failOn, pages.length, run.coverage.shard),
  };
}
