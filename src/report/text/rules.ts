import { RULE_BY_ID } from '../../rules/index.js';
import { renderMessage, type RuleText } from '../../rules/rule.js';
import type { Finding, GateResult, RuleDescription } from '../../types.js';
import type { Words } from '../words/index.js';

/** The rule behind a finding, as the result describes it (in English: what the JSON carries). */
export function ruleOf(gate: GateResult, finding: Finding): RuleDescription | undefined {
  return gate.rules.find((rule) => rule.id === finding.rule);
}

/** A finding that says the page was not looked at (not a finding about the site). */
export function isScanFailure(gate: GateResult, finding: Finding): boolean {
  return ruleOf(gate, finding)?.failClosed ?? false;
}

/**
 * A rule's words in the report's language. English comes from the result, as everywhere; the other
 * languages from the rule's own meta, since the result (the JSON) stays English for machines.
 */
export function ruleWords(gate: GateResult, ruleId: string, words: Words): Omit<RuleText, 'messages'> | undefined {
  const english = gate.rules.find((rule) => rule.id === ruleId);
  if (words.lang === 'en' || !english) return english;
  return RULE_BY_ID.get(ruleId)?.meta.translations[words.lang] ?? english;
}

/** A duration a rule wrote into its message data ("13 months"), said again in the report's language. */
const DURATION = /^(\d+) (days|months)$/;

/**
 * The finding's message in the report's language, from the rule's translated template and the
 * finding's data. The data's vendor is English running text ("unknown analytics vendor"): it is said
 * again from the finding's vendor and category.
 */
export function findingMessage(finding: Finding, words: Words): string {
  if (words.lang === 'en') return finding.message;
  const template = RULE_BY_ID.get(finding.rule)?.meta.translations[words.lang].messages[finding.messageId];
  if (template === undefined) return finding.message;
  const data = Object.fromEntries(
    Object.entries(finding.data).map(([key, value]) => {
      if (key === 'vendor') return [key, words.messageVendor(finding.vendor, finding.category)];
      const duration = typeof value === 'string' ? DURATION.exec(value) : null;
      return [key, duration ? words.duration(Number(duration[1]), duration[2] as 'days' | 'months') : value];
    }),
  );
  return renderMessage(template, data);
}
