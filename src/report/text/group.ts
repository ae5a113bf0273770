import type { Finding } from '../../types.js';

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
