import { CONSENT_MODE_SIGNALS, type ClassifiedScan, type ConsentModeCommand, type ConsentModeSignal, type GoogleConsentHit } from '../types.js';
import { chainTo } from '../derive/chain.js';
import { hostOf } from '../shared/url.js';
import { vendorLabel, withoutQuery } from './evidence.js';
import type { MessageData, RuleHit } from './rule.js';

/**
 * What consent-signal-before-choice and cookieless-ping-before-choice share: Consent Mode's state as
 * the page's commands left it, and Google hits grouped by host as hits of a rule.
 */

/** A Consent Mode command as the page wrote it: `gtag('consent', 'default', {ad_storage: 'granted'})`. */
export function commandText({ command, state }: ConsentModeCommand): string {
  const values = Object.entries(state).map(([key, value]) => `${key}: '${value}'`);
  return `gtag('consent', '${command}', {${values.join(', ')}})`;
}

/**
 * The Consent Mode signals that stand granted once the page's commands have run, in gtag's order:
 * defaults, then updates over them. Each with the command that last set it.
 */
export function grantedSignals(commands: readonly ConsentModeCommand[]): { signal: ConsentModeSignal; by: ConsentModeCommand }[] {
  const standing = new Map<ConsentModeSignal, ConsentModeCommand>();
  const ordered = [...commands.filter((c) => c.command === 'default'), ...commands.filter((c) => c.command === 'update')];
  for (const command of ordered) for (const signal of CONSENT_MODE_SIGNALS) if (command.state[signal]) standing.set(signal, command);
  return CONSENT_MODE_SIGNALS.flatMap((signal) => {
    const by = standing.get(signal);
    return by?.state[signal] === 'granted' ? [{ signal, by }] : [];
  });
}

const saysGranted = (hit: GoogleConsentHit): boolean => Object.values(hit.state).includes('granted');

/** Hits whose gcs and gcd say every signal they carry is denied: a cookieless ping. */
const saysDenied = (hit: GoogleConsentHit): boolean => Object.keys(hit.state).length > 0 && !saysGranted(hit);

export const grantedHits = (scan: ClassifiedScan): GoogleConsentHit[] => scan.consentSignals?.googleHits.filter(saysGranted) ?? [];
export const deniedHits = (scan: ClassifiedScan): GoogleConsentHit[] => scan.consentSignals?.googleHits.filter(saysDenied) ?? [];

/** "gcs=G111, gcd=13t3t3t3t5": what a hit carried. */
const carried = (hit: GoogleConsentHit): string => [hit.gcs !== null ? `gcs=${hit.gcs}` : '', hit.gcd !== null ? `gcd=${hit.gcd}` : ''].filter(Boolean).join(', ');

const MAX_LINES = 3;

/** One hit of a rule per Google host; its message gets `vendor`, `host`, `count` and `values` (what the hits carried). */
export function googleHitsByHost(scan: ClassifiedScan, hits: readonly GoogleConsentHit[], messageId: string): RuleHit[] {
  const groups = new Map<string, GoogleConsentHit[]>();
  for (const hit of hits) groups.set(hostOf(hit.url), [...(groups.get(hostOf(hit.url)) ?? []), hit]);
  return [...groups].map(([host, group]) => {
    const first = group[0]!;
    const request = scan.requests.find((r) => r.url === first.url);
    const category = request?.class.category ?? 'unknown';
    const vendor = request?.class.vendor ?? null;
    const data: MessageData = { vendor: vendorLabel(vendor, category), host, count: group.length, values: [...new Set(group.map(carried))].join('; ') };
    const evidence = group.slice(0, MAX_LINES).map((hit) => `hit ${withoutQuery(hit.url)} carried ${carried(hit)}`);
    if (group.length > MAX_LINES) evidence.push(`and ${group.length - MAX_LINES} more to ${host}`);
    return {
      subject: { kind: 'request', host, url: withoutQuery(first.url) },
      category,
      vendor,
      party: request?.class.party ?? 'third',
      messageId,
      data,
      evidence,
      chain: chainTo(scan, first.url),
    };
  });
}
