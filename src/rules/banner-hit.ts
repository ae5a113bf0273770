import type { BannerControl } from '../types.js';
import type { MessageData, RuleHit } from './rule.js';

/** A finding about the banner or the page itself: one subject per site, whatever page shows it. */
export function bannerHit(name: string, messageId: string, evidence: string[], data: MessageData = {}): RuleHit {
  return { subject: { kind: 'banner', name }, category: 'unknown', vendor: null, party: null, messageId, data, evidence, chain: [] };
}

export function describeControl(control: BannerControl | null): string {
  return control ? `"${control.text}" (${control.kind}${control.layer === 2 ? ', in the settings layer' : ''})` : 'none';
}
