import { createHash } from 'node:crypto';
import type { ClassifiedScan, Finding, PageResult, Phase, Severity, Subject } from '../types.js';
import { bannerDismissedWithoutChoice } from './banner-dismissed-without-choice.js';
import { consentBannerMissing } from './consent-banner-missing.js';
import { consentBannerUndetected } from './consent-banner-undetected.js';
import { cookieLifetimeTooLong } from './cookie-lifetime-too-long.js';
import { cookiePolicyLinkMissing } from './cookie-policy-link-missing.js';
import { pretickedConsent } from './preticked-consent.js';
import { rejectHarderThanAccept } from './reject-harder-than-accept.js';
import { rejectNotOnFirstLayer } from './reject-not-on-first-layer.js';
import type { PageContext, Rule, RuleHit } from './rule.js';
import { scanError } from './scan-error.js';
import { socialPluginBeforeConsent } from './social-plugin-before-consent.js';
import { trackerRequestBeforeConsent } from './tracker-request-before-consent.js';
import { trackingAfterImplicitAction } from './tracking-after-implicit-action.js';
import { trackingAfterReject } from './tracking-after-reject.js';
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
  trackingAfterImplicitAction,
  trackingAfterReject,
  consentBannerMissing,
  consentBannerUndetected,
  rejectNotOnFirstLayer,
  rejectHarderThanAccept,
  pretickedConsent,
  bannerDismissedWithoutChoice,
  cookiePolicyLinkMissing,
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

/** Every rule over every phase of one page, with the other phases at hand for comparisons. */
export function runRules(page: PageResult, settings: Readonly<Record<string, RuleSetting>> = {}): Finding[] {
  const phases = new Map<Phase, ClassifiedScan>(page.phases.map((scan) => [scan.phase, scan]));
  let path = '';
  try {
    path = new URL(page.url).pathname;
  } catch {
    // Not a URL: not the home page either.
  }
  const context: PageContext = { phase: (phase) => phases.get(phase), isHome: path === '/' || path === '' };
  const findings: Finding[] = [];
  for (const scan of page.phases) {
    for (const rule of RULES) {
      // Fail closed: a page that could not be scanned is an error whatever the settings say.
      const severity = rule === scanError ? 'error' : (settings[rule.id] ?? rule.defaultSeverity);
      if (severity === 'off' || !rule.phases.includes(scan.phase)) continue;
      // A phase that failed has no data: only scan-error may speak about it.
      if (scan.error !== null && rule !== scanError) continue;
      // Sorted (bytewise, not by locale), so two scans of the same site list findings in the same order.
      for (const hit of rule.check(scan, context).sort((a, b) => compare(sortKey(a), sortKey(b)))) {
        findings.push({
          rule: rule.id,
          severity,
          page: page.url,
          phase: scan.phase,
          ...hit,
          fingerprint: fingerprint(rule.id, hit, scan.phase),
          status: 'new',
          because: null,
          notes: [],
        });
      }
    }
  }
  return findings;
}
