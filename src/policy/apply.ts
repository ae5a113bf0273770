import { RULES, type RuleSetting } from '../rules/index.js';
import type { Finding } from '../types.js';
import { urlPath } from '../shared/url.js';
import { globMatch, hostMatch } from '../shared/glob.js';
import type { AllowList, PageOverride, Policy } from './policy.js';
import { PRESETS } from './presets.js';

function overridesFor(policy: Policy, url: string): PageOverride[] {
  const path = urlPath(url);
  return policy.overrides.filter((o) => globMatch(o.pages, path));
}

/** Preset, then the policy's rules, then every matching per-page override, in order. */
export function ruleSettingsFor(policy: Policy, url: string): Record<string, RuleSetting> {
  return Object.assign({}, PRESETS[policy.jurisdiction].rules, policy.rules, ...overridesFor(policy, url).map((o) => o.rules));
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

const ALLOWABLE = new Set(RULES.filter((r) => r.allowable).map((r) => r.id));
const BEFORE_CONSENT = new Set(['tracking-cookie-before-consent', 'tracking-storage-before-consent', 'tracker-request-before-consent', 'social-plugin-before-consent']);

/**
 * A page whose every tracker is exempt by the policy needs no banner for them: its banner-missing
 * finding is allowed too. One tracker the policy does not cover keeps it.
 */
function allowBannerWhenAllExempt(findings: Finding[]): Finding[] {
  return findings.map((finding) => {
    if (finding.rule !== 'consent-banner-missing') return finding;
    const tracking = findings.filter((f) => f.page === finding.page && f.phase === finding.phase && BEFORE_CONSENT.has(f.rule));
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
    if (!ALLOWABLE.has(finding.rule)) return finding;
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
  return allowBannerWhenAllExempt(judged);
}
