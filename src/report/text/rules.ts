import type { Finding, GateResult, RuleDescription } from '../../types.js';

/** The rule behind a finding, as the result describes it: reports never reach into the rule registry. */
export function ruleOf(gate: GateResult, finding: Finding): RuleDescription | undefined {
  return gate.rules.find((rule) => rule.id === finding.rule);
}

/** A finding that says the page was not looked at (not a finding about the site). */
export function isScanFailure(gate: GateResult, finding: Finding): boolean {
  return ruleOf(gate, finding)?.failClosed ?? false;
}
