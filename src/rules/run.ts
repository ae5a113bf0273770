import { createHash } from 'node:crypto';
import { causeOf } from '../derive/cause.js';
import { firstSeenMs } from '../derive/first-seen.js';
import { urlPath } from '../shared/url.js';
import type { ClassifiedScan, Finding, PageResult, Phase, Severity, Subject } from '../types.js';
import { allTracking, hitKey } from './hits.js';
import { RULES } from './index.js';
import { renderMessage, type PageContext, type Rule, type RuleHit, type RuleSetting } from './rule.js';

/** A rule's severity (or off) and its options, as the policy sets them for one page. */
export interface RuleConfig {
  severity: RuleSetting;
  options: Readonly<Record<string, unknown>>;
}

/** Long hex runs and UUIDs in names are per-visitor or per-deploy noise, not identity. */
function stableName(name: string): string {
  return name.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '*').replace(/[0-9a-f]{16,}/gi, '*');
}

/**
 * Stable across runs, preview hosts, query strings and cookie values: the site's own host becomes
 * "(site)", and the page is left out so one tracker on many pages is one baseline entry.
 */
export function fingerprint(rule: string, hit: Pick<RuleHit, 'subject' | 'party'>, phase: string): string {
  const { kind, name, host, storage }: Subject = hit.subject;
  const where = hit.party === 'first' ? '(site)' : (host ?? '');
  const subject = kind === 'page' ? 'page' : [kind, storage ?? '', stableName(name ?? ''), where].join('|');
  return createHash('sha256').update([rule, phase, subject].join('\n')).digest('hex').slice(0, 16);
}

const sortKey = (hit: RuleHit): string => `${hit.subject.name ?? ''}\u0000${hit.subject.host ?? ''}\u0000${hit.subject.url ?? ''}`;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function judges(rule: Rule<never>, phase: Phase): boolean {
  return rule.meta.visits === 'every' || rule.meta.visits.includes(phase);
}

/** The severity a rule runs at: fail-closed rules are errors whatever the policy says. */
function severityOf(rule: Rule<never>, config: RuleConfig | undefined): RuleSetting {
  if (rule.meta.failClosed) return 'error';
  return config?.severity ?? rule.meta.defaultSeverity;
}

/** One hit as a finding: the message rendered from the rule's template, the identity computed. */
function toFinding(rule: Rule<never>, hit: RuleHit, severity: Severity, page: string, scan: ClassifiedScan): Finding {
  const { phase } = scan;
  const template = rule.meta.messages[hit.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${hit.messageId}"`);
  return {
    rule: rule.meta.id,
    severity,
    page,
    phase,
    subject: hit.subject,
    category: hit.category,
    vendor: hit.vendor,
    party: hit.party,
    message: renderMessage(template, hit.data),
    messageId: hit.messageId,
    data: { ...hit.data },
    evidence: hit.evidence,
    chain: hit.chain,
    cause: causeOf(scan, hit.subject, hit.chain),
    firstSeenMs: firstSeenMs(scan, hit.subject),
    seenIn: [phase],
    fingerprint: fingerprint(rule.meta.id, hit, phase),
    status: 'new',
    because: null,
    notes: [],
  };
}

/** Every rule over every visit of one page, with the other visits at hand for comparisons. */
export function runRules(page: PageResult, configs: Readonly<Record<string, RuleConfig>> = {}, rules: readonly Rule<never>[] = RULES): Finding[] {
  const visits = new Map<Phase, ClassifiedScan>(page.phases.map((scan) => [scan.phase, scan]));
  const path = urlPath(page.url);
  const context: PageContext = { phase: (phase) => visits.get(phase), isHome: path === '/' || path === '' };
  const findings: Finding[] = [];
  for (const scan of page.phases) {
    for (const rule of rules) {
      const config = configs[rule.meta.id];
      const severity = severityOf(rule, config);
      if (severity === 'off' || !judges(rule, scan.phase)) continue;
      // A visit that failed has no data: only fail-closed rules may speak about it.
      if (scan.error !== null && !rule.meta.failClosed) continue;
      const options = { ...rule.meta.options?.defaults, ...config?.options } as never;
      // Sorted (bytewise, not by locale), so two scans of the same site list findings in the same order.
      for (const hit of rule.check(scan, context, options).sort((a, b) => compare(sortKey(a), sortKey(b)))) {
        findings.push(toFinding(rule, hit, hit.maxSeverity === 'warn' ? 'warn' : severity, page.url, scan));
      }
    }
  }
  return withVisitsSeen(findings, page);
}

/** Each finding about something that tracks lists every visit in which the same thing tracked. */
function withVisitsSeen(findings: Finding[], page: PageResult): Finding[] {
  const tracking = page.phases.filter((scan) => scan.error === null).map((scan) => ({ phase: scan.phase, keys: new Set(allTracking(scan).map(hitKey)) }));
  return findings.map((finding) => {
    if (finding.subject.kind === 'page' || finding.subject.kind === 'banner') return finding;
    const key = hitKey(finding);
    const seenIn = tracking.filter(({ phase, keys }) => phase === finding.phase || keys.has(key)).map(({ phase }) => phase);
    return { ...finding, seenIn };
  });
}
