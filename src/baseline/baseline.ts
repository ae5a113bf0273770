import { RULE_BY_ID } from '../rules/index.js';
import { urlPath } from '../shared/url.js';
import type { Finding, FixedEntry, Phase, Subject } from '../types.js';

export interface BaselineEntry {
  rule: string;
  phase: Phase;
  subject: Subject;
  vendor: string | null;
  /** Paths, not URLs: preview hosts change on every deploy. */
  pages: string[];
  firstSeen: string;
  /** Free text for people: why this is accepted for now, who follows it up. */
  note: string;
}

export interface Baseline {
  version: 1;
  findings: Record<string, BaselineEntry>;
}

/** A page that was not looked at is not debt to record: it is a failure every time. */
const failsClosed = (f: Finding): boolean => RULE_BY_ID.get(f.rule)?.meta.failClosed ?? false;

export const emptyBaseline = (): Baseline => ({ version: 1, findings: {} });

/** Marks findings the baseline already records as known debt; fail-closed findings are never known. */
export function labelWithBaseline(findings: readonly Finding[], baseline: Baseline): Finding[] {
  return findings.map((f): Finding => {
    const entry = f.status === 'new' && !failsClosed(f) ? baseline.findings[f.fingerprint] : undefined;
    return entry ? { ...f, status: 'baselined', because: entry.note || null } : f;
  });
}

/** Baseline entries not seen on the pages they were recorded for: fixed, or to prune. */
export function fixedEntries(findings: readonly Finding[], baseline: Baseline, scannedPages: readonly string[]): FixedEntry[] {
  const seen = new Set(findings.map((f) => f.fingerprint));
  const scanned = new Set(scannedPages.map(urlPath));
  return (
    Object.entries(baseline.findings)
      // An entry for pages this run did not visit is unchecked, not fixed.
      .filter(([fingerprint, entry]) => !seen.has(fingerprint) && entry.pages.some((p) => scanned.has(p)))
      .map(([fingerprint, entry]) => ({ fingerprint, rule: entry.rule, phase: entry.phase, subject: entry.subject, pages: entry.pages }))
  );
}

/**
 * The baseline after this run: every finding that is not allowed is recorded (first-seen dates and
 * notes kept); with `prune`, entries reported fixed are dropped.
 */
export function updateBaseline(
  baseline: Baseline,
  findings: Finding[],
  options: { prune: boolean; fixed: FixedEntry[]; today: string },
): Baseline {
  const next: Record<string, BaselineEntry> = { ...baseline.findings };
  if (options.prune) for (const entry of options.fixed) delete next[entry.fingerprint];
  for (const f of findings) {
    if (f.status === 'allowed' || failsClosed(f)) continue;
    const previous = next[f.fingerprint];
    const pages = new Set(previous?.pages ?? []);
    pages.add(urlPath(f.page));
    next[f.fingerprint] = {
      rule: f.rule,
      phase: f.phase,
      subject: baselineSubject(f),
      vendor: f.vendor,
      pages: [...pages].sort(),
      firstSeen: previous?.firstSeen ?? options.today,
      note: previous?.note ?? '',
    };
  }
  return { version: 1, findings: next };
}

/** The subject as it reads in a diff: first-party hosts are the preview's, so they are left out. */
function baselineSubject(f: Finding): Subject {
  const { kind, name, host, storage } = f.subject;
  return {
    kind,
    ...(storage ? { storage } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(host !== undefined && f.party === 'third' ? { host } : {}),
  };
}
