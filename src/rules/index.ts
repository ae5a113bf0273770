import { createHash } from 'node:crypto';
import type { ClassifiedScan, Finding, Severity, Subject } from '../types.js';
import { cookieLifetimeTooLong } from './cookie-lifetime-too-long.js';
import type { Rule, RuleHit } from './rule.js';
import { scanError } from './scan-error.js';
import { socialPluginBeforeConsent } from './social-plugin-before-consent.js';
import { trackerRequestBeforeConsent } from './tracker-request-before-consent.js';
import { trackingCookieBeforeConsent } from './tracking-cookie-before-consent.js';
import { trackingStorageBeforeConsent } from './tracking-storage-before-consent.js';
import { unknownThirdPartyBeforeConsent } from './unknown-third-party-before-consent.js';

export type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  scanError,
  trackingCookieBeforeConsent,
  trackingStorageBeforeConsent,
  trackerRequestBeforeConsent,
  socialPluginBeforeConsent,
  unknownThirdPartyBeforeConsent,
  cookieLifetimeTooLong,
];

export type RuleSetting = Severity | 'off';

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

export function runRules(scan: ClassifiedScan, settings: Readonly<Record<string, RuleSetting>> = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    // Fail closed: a page that could not be scanned is an error whatever the settings say.
    const severity = rule === scanError ? 'error' : (settings[rule.id] ?? rule.defaultSeverity);
    if (severity === 'off' || !rule.phases.includes(scan.phase)) continue;
    // A page that failed has no data: only scan-error may speak about it.
    if (scan.error !== null && rule !== scanError) continue;
    // Sorted (bytewise, not by locale), so two scans of the same site list findings in the same order.
    for (const hit of rule.check(scan).sort((a, b) => compare(sortKey(a), sortKey(b)))) {
      findings.push({
        rule: rule.id,
        severity,
        page: scan.url,
        phase: scan.phase,
        ...hit,
        fingerprint: fingerprint(rule.id, hit, scan.phase),
        status: 'new',
        because: null,
        notes: [],
      });
    }
  }
  return findings;
}
