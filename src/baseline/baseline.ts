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

export const emptyBaseline = (): Baseline => ({ version: 1, findings: {} });

/** Labels findings already in the baseline, and lists entries that were not seen where they used to be. */
export function labelWithBaseline(
  findings: Finding[],
  baseline: Baseline,
  scannedPages: readonly string[],
): { findings: Finding[]; fixed: FixedEntry[] } {
  const labelled = findings.map((f): Finding => {
    const entry = f.status === 'new' && f.rule !== 'scan-error' ? baseline.findings[f.fingerprint] : undefined;
    return entry ? { ...f, status: 'baselined', because: entry.note || null } : f;
  });
  const seen = new Set(findings.map((f) => f.fingerprint));
  const scanned = new Set(scannedPages.map(urlPath));
  const fixed = Object.entries(baseline.findings)
    // An entry for pages this run did not visit is unchecked, not fixed.
    .filter(([fingerprint, entry]) => !seen.has(fingerprint) && entry.pages.some((p) => scanned.has(p)))
    .map(([fingerprint, entry]) => ({ fingerprint, rule: entry.rule, phase: entry.phase, subject: entry.subject, pages: entry.pages }));
  return { findings: labelled, fixed };
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
    if (f.status === 'allowed' || f.rule === 'scan-error') continue;
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
