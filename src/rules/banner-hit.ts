import type { BannerControl } from '../types.js';
import type { RuleHit } from './rule.js';

/** A finding about the banner itself: one subject per site, whatever page shows it. */
export function bannerHit(name: string, message: string, evidence: string[]): RuleHit {
  return { subject: { kind: 'banner', name }, category: 'unknown', vendor: null, party: null, message, evidence, chain: [] };
}

export function describeControl(control: BannerControl | null): string {
  return control ? `"${control.text}" (${control.kind}${control.layer === 2 ? ', in the settings layer' : ''})` : 'none';
}
