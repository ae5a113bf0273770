import { hostOf, placeOf } from '../../shared/url.js';
import type { Cause, Finding, GateResult } from '../../types.js';
import { isScanFailure } from './rules.js';

/** Findings that differ only in their page: one thing to fix, with every page it was seen on. */
export interface FindingGroup {
  /** The first one seen: its rule, subject, vendor, chain and evidence stand for all. */
  finding: Finding;
  /** Page URLs, in the order first seen. */
  pages: string[];
}

/**
 * A tag in the shared layout is seen on every page: one entry, not one per page. The fingerprint
 * names the rule, the visit and the subject but never the page; status and severity are kept apart,
 * since a policy may allow or grade the same thing differently on some pages. A finding about the
 * page itself (it could not be scanned) stays its own: each page failed for its own reason.
 */
export function groupAcrossPages(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = [finding.fingerprint, finding.status, finding.severity, finding.subject.kind === 'page' ? finding.page : ''].join('\n');
    const group = groups.get(key);
    if (!group) groups.set(key, { finding, pages: [finding.page] });
    else if (!group.pages.includes(finding.page)) group.pages.push(finding.page);
  }
  return [...groups.values()];
}

/**
 * What one card of the reports is about. tag, container, script, server: a cause the site controls
 * (see Cause); vendor: a vendor whose findings lead to nothing the site controls; banner: the consent
 * banner (or its absence) and what the page's consent setup claims; page: a page that was not scanned.
 */
export type CauseKind = Cause['kind'] | 'vendor' | 'banner' | 'page';

export interface CauseGroup {
  kind: CauseKind;
  /** The cause as its first finding has it; null for vendor, banner and page groups. */
  cause: Cause | null;
  /**
   * vendor: the vendor, or the host when the vendor is not known; banner: the banner's text, or
   * null where none was found; page: the page's URL.
   */
  label: string | null;
  /** Each thing it causes once, with the pages it was seen on: worst first. */
  entries: FindingGroup[];
  /** Every finding in it, one per page. */
  findings: Finding[];
  /** Page URLs, in the order first seen. */
  pages: string[];
}

/** New errors first, then new warnings, then what the baseline knows, then what the policy allows. */
export const findingOrder = (f: Finding): number => (f.status === 'new' ? (f.severity === 'error' ? 0 : 1) : f.status === 'baselined' ? 2 : 3);

/** The banner a page showed a first-time visitor, by its text: the same banner on every page is one group. */
function bannerOf(gate: GateResult, page: string): string | null {
  const initial = gate.pages.find((p) => p.url === page)?.phases.find((s) => s.phase === 'initial');
  const text = initial?.banner?.text ?? initial?.bannerUnrecognised ?? null;
  return text === null ? null : text.replace(/\s+/g, ' ').trim().slice(0, 160);
}

/** The card a finding belongs on, and the key that makes two findings share it. */
function cardOf(gate: GateResult, f: Finding): { key: string; kind: CauseKind; label: string | null } {
  const { cause } = f;
  if (cause) {
    // A tag is one cause on every page that has it (a shared layout); the line is the page's own.
    const what = cause.kind === 'container' ? cause.id : cause.kind === 'server' ? hostOf(cause.url) : cause.kind === 'tag' ? cause.url : placeOf(cause.url);
    return { key: `${cause.kind}\n${what}`, kind: cause.kind, label: null };
  }
  if (isScanFailure(gate, f)) return { key: `page\n${f.page}`, kind: 'page', label: f.page };
  if (f.subject.kind === 'banner' || f.subject.kind === 'page') {
    const banner = bannerOf(gate, f.page);
    return { key: `banner\n${banner ?? ''}`, kind: 'banner', label: banner };
  }
  const label = f.vendor ?? f.subject.host ?? null;
  return { key: `vendor\n${label ?? ''}`, kind: 'vendor', label };
}

/**
 * One group per thing to fix where it is fixed: each cause the site controls (the tag in the HTML,
 * the tag-manager container, the site's own script or server), with every finding it causes across
 * pages and visits; findings with no traceable cause by vendor; the banner's own findings per banner;
 * each page not scanned alone. Worst first, then the one causing most.
 */
export function groupByCause(gate: GateResult, findings: readonly Finding[] = gate.findings): CauseGroup[] {
  const groups = new Map<string, { kind: CauseKind; cause: Cause | null; label: string | null; findings: Finding[] }>();
  for (const finding of findings) {
    const { key, kind, label } = cardOf(gate, finding);
    const group = groups.get(key) ?? { kind, cause: finding.cause, label, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  const worst = (group: CauseGroup): number => Math.min(...group.findings.map(findingOrder));
  return [...groups.values()]
    .map((group): CauseGroup => {
      const sorted = [...group.findings].sort((a, b) => findingOrder(a) - findingOrder(b));
      return { ...group, entries: groupAcrossPages(sorted), pages: [...new Set(group.findings.map((f) => f.page))] };
    })
    .sort((a, b) => worst(a) - worst(b) || b.findings.length - a.findings.length);
}
