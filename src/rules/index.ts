import { bannerDismissedWithoutChoice } from './banner-dismissed-without-choice.js';
import { choiceNotRemembered } from './choice-not-remembered.js';
import { consentBannerMissing } from './consent-banner-missing.js';
import { consentBannerUndetected } from './consent-banner-undetected.js';
import { consentSignalBeforeChoice } from './consent-signal-before-choice.js';
import { cookielessPingBeforeChoice } from './cookieless-ping-before-choice.js';
import { cookieLifetimeTooLong } from './cookie-lifetime-too-long.js';
import { cookieNotDeclared } from './cookie-not-declared.js';
import { cookiePolicyLinkMissing } from './cookie-policy-link-missing.js';
import { fingerprintingBeforeConsent } from './fingerprinting-before-consent.js';
import { identifierSentToThirdParty } from './identifier-sent-to-third-party.js';
import { pretickedConsent } from './preticked-consent.js';
import { rejectHarderThanAccept } from './reject-harder-than-accept.js';
import { rejectNotOnFirstLayer } from './reject-not-on-first-layer.js';
import type { Rule } from './rule.js';
import type { RuleDescription } from '../types.js';
import { DOCS_URL } from '../shared/version.js';
import { scanError } from './scan-error.js';
import { socialPluginBeforeConsent } from './social-plugin-before-consent.js';
import { trackerRequestBeforeConsent } from './tracker-request-before-consent.js';
import { trackingAfterImplicitAction } from './tracking-after-implicit-action.js';
import { trackingAfterReject } from './tracking-after-reject.js';
import { trackingAfterSavingDefaults } from './tracking-after-saving-defaults.js';
import { trackingCookieBeforeConsent } from './tracking-cookie-before-consent.js';
import { trackingStorageBeforeConsent } from './tracking-storage-before-consent.js';
import { unknownThirdPartyBeforeConsent } from './unknown-third-party-before-consent.js';
import { withdrawalNotEffective } from './withdrawal-not-effective.js';
import { withdrawalUnavailable } from './withdrawal-unavailable.js';

export type { Rule, RuleMeta, RuleEntry, RuleSetting } from './rule.js';

/** The registry, and nothing else: adding a rule is its module plus one line here. Order is report order. */
export const RULES: readonly Rule<never>[] = [
  scanError,
  trackingCookieBeforeConsent,
  trackingStorageBeforeConsent,
  trackerRequestBeforeConsent,
  socialPluginBeforeConsent,
  fingerprintingBeforeConsent,
  consentSignalBeforeChoice,
  cookielessPingBeforeChoice,
  identifierSentToThirdParty,
  unknownThirdPartyBeforeConsent,
  trackingAfterImplicitAction,
  trackingAfterReject,
  trackingAfterSavingDefaults,
  withdrawalNotEffective,
  withdrawalUnavailable,
  choiceNotRemembered,
  consentBannerMissing,
  consentBannerUndetected,
  rejectNotOnFirstLayer,
  rejectHarderThanAccept,
  pretickedConsent,
  bannerDismissedWithoutChoice,
  cookiePolicyLinkMissing,
  cookieNotDeclared,
  cookieLifetimeTooLong,
];

export const RULE_BY_ID: ReadonlyMap<string, Rule<never>> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

/** What the reports need of a rule, without its code. */
export function describeRule({ meta }: Rule<never>): RuleDescription {
  const { id, title, description, legalBasis, plainWords, defaultSeverity, failClosed } = meta;
  return { id, title, description, legalBasis, plainWords, defaultSeverity, failClosed, docsUrl: `${DOCS_URL}#rule-${id}` };
}
