import { RULE_BY_ID, type RuleEntry } from '../rules/index.js';
import type { RuleConfig } from '../rules/run.js';
import { globMatch, hostMatch } from '../shared/glob.js';
import { urlPath } from '../shared/url.js';
import type { Finding } from '../types.js';
import type { AllowList, PageOverride, Policy } from './policy.js';
import { PRESETS } from './presets.js';

function overridesFor(policy: Policy, url: string): PageOverride[] {
  const path = urlPath(url);
  return policy.overrides.filter((o) => globMatch(o.pages, path));
}

/** "warn" or ["warn", { maxDays: 30 }]: a later entry's options add to an earlier one's. */
function merge(previous: RuleConfig | undefined, entry: RuleEntry): RuleConfig {
  const [severity, options] = Array.isArray(entry) ? entry : [entry, {}];
  return { severity, options: { ...previous?.options, ...options } };
}

/** Preset, then the policy's rules, then every matching per-page override, in order. */
export function ruleSettingsFor(policy: Policy, url: string): Record<string, RuleConfig> {
  const configs: Record<string, RuleConfig> = {};
  for (const layer of [PRESETS[policy.jurisdiction].rules, policy.rules, ...overridesFor(policy, url).map((o) => o.rules)]) {
    for (const [id, entry] of Object.entries(layer)) configs[id] = merge(configs[id], entry);
  }
  return configs;
}

function allowFor(policy: Policy, url: string): AllowList {
  const lists = [policy.allow, ...overridesFor(policy, url).map((o) => o.allow)];
  return {
    cookies: lists.flatMap((l) => l.cookies),
    storage: lists.flatMap((l) => l.storage),
    hosts: lists.flatMap((l) => l.hosts),
    urls: lists.flatMap((l) => l.urls),
  };
}

/** The reason of the first allow entry that matches the finding's subject, if any. */
function matchingReason(finding: Finding, allow: AllowList): string | null {
  const { kind, name = '', host = '', url = '' } = finding.subject;
  const entry =
    kind === 'cookie'
      ? allow.cookies.find((c) => globMatch(c.name, name) && (c.domain === undefined || hostMatch(`*.${c.domain.replace(/^\./, '')}`, host)))
      : kind === 'storage'
        ? allow.storage.find((s) => globMatch(s.name, name) && (s.host === undefined || hostMatch(s.host, host)))
        : kind === 'request' || kind === 'frame'
          ? (allow.hosts.find((h) => hostMatch(h.host, host)) ?? allow.urls.find((u) => globMatch(u.pattern, url, true)))
          : undefined;
  return entry?.reason ?? null;
}

const allowMode = (finding: Finding): string => RULE_BY_ID.get(finding.rule)?.meta.allow ?? 'never';
const tracks = (finding: Finding): boolean => RULE_BY_ID.get(finding.rule)?.meta.tracking ?? false;

/**
 * Findings whose rule allows "with-tracking" (a banner is only owed for what tracks) are allowed
 * when every tracking finding of the same visit is. One tracker the policy does not cover keeps them.
 */
function allowWithTracking(findings: Finding[]): Finding[] {
  return findings.map((finding) => {
    if (allowMode(finding) !== 'with-tracking') return finding;
    const tracking = findings.filter((f) => f.page === finding.page && f.phase === finding.phase && tracks(f));
    if (tracking.length === 0 || tracking.some((f) => f.because === null)) return finding;
    return { ...finding, status: 'allowed', because: 'everything that tracks on this page is allowed by the policy' };
  });
}

/**
 * Marks findings the policy allows. Analytics is where jurisdictions differ: only an analytics
 * exemption (nl) lets an allow entry apply, and then third-party analytics stays a warning.
 */
export function applyAllowList(findings: Finding[], policy: Policy): Finding[] {
  const preset = PRESETS[policy.jurisdiction];
  const judged = findings.map((finding): Finding => {
    if (allowMode(finding) !== 'subject') return finding;
    const reason = matchingReason(finding, allowFor(policy, finding.page));
    if (reason === null) return finding;
    if (finding.category !== 'analytics') return { ...finding, status: 'allowed', because: reason };
    if (preset.analyticsExemption === 'none') {
      return { ...finding, notes: [...finding.notes, `allow entry not applied under jurisdiction "${policy.jurisdiction}": ${preset.basis}`] };
    }
    if (finding.party === 'first') return { ...finding, status: 'allowed', because: reason };
    return {
      ...finding,
      severity: 'warn',
      because: reason,
      notes: [...finding.notes, `allowed as analytics under "${policy.jurisdiction}", but third-party analytics stays a warning: ${preset.basis}`],
    };
  });
  return allowWithTracking(judged);
}
