import type { Category, FindingStatus, Lang, LeftOut, Phase, Severity, Verdict } from '../../types.js';

/**
 * Everything the people's reports (console, markdown, job summary, HTML) say that is not a rule's own
 * words: one catalogue per language (en.ts, nl.ts, fr.ts), so a sentence is translated in one place.
 * Counts are functions, since each language has its own plurals and word order.
 */
export interface Words {
  lang: Lang;
  pages(n: number): string;
  errors(n: number): string;
  warnings(n: number): string;
  /** "2 baselined", "1 allowed", "3 fixed". */
  known(n: number, status: FindingStatus | 'fixed'): string;
  clean: string;
  redirectedTo(url: string): string;
  /** The other visits in which a finding's subject was seen too, already named. */
  alsoSeen(visits: string): string;
  policyFile(path: string, jurisdiction: string): string;
  noPolicyFile(jurisdiction: string): string;
  /** The label before the coverage line. */
  pagesLabel: string;
  coverage(found: number, scanned: number, leftOut: number, unreadSitemap: boolean): string;
  leftOut(part: LeftOut): string;
  severity: Record<Severity, string>;
  category: Record<Category, string>;
  /** A tracker's vendor with its purpose, or the purpose alone: a report's vendor column. */
  vendor(vendor: string | null, category: Category): string;
  /** The same in a message's running text, where a missing vendor is said ("unknown analytics vendor"). */
  messageVendor(vendor: string | null, category: Category): string;
  /** A duration a rule put in its message data ("13 months", "365 days"). */
  duration(n: number, unit: 'days' | 'months'): string;
  phase: Record<Phase, { short: string; label: string; summary: string }>;
  rulesHeading: string;
  fixedHeading(n: number): string;
  baselineWritten(path: string): string;
  headline: Record<Verdict['status'], string>;
  newErrors(n: number): string;
  newWarnings(n: number): string;
  /** Why the verdict is what it is, from its counts. */
  reason(verdict: Verdict, failOn: Severity): string;
  exit(code: number): string;
  /** The markdown and job summary. */
  markdown: {
    verdict(status: Verdict['status'], errors: number, warnings: number, pages: number, reason: string): string;
    pagesLabel: string;
    headings: [string, string, string, string, string, string];
    andMore(named: string, more: number): string;
    moreRows(n: number): string;
    counts(baselined: number, allowed: number, fixed: number): string;
    pruneHint: string;
    fullReport(path: string): string;
    onRunPage(url: string, dir: string): string;
  };
  html: {
    title(status: Verdict['status'], site: string): string;
    counts: [string, string, string, string, string];
    meta(pages: number, jurisdiction: string, defaults: boolean): string;
    builtWith(tool: string, chromium: string): string;
    visitedHeading: string;
    visitedIntro(summaries: string): string;
    visitsCaption: string;
    pageHeading: string;
    notAskedFor: string;
    notScanned: string;
    noFindings: string;
    on: string;
    onPages(n: number): string;
    badge: Record<Severity | 'baselined' | 'allowed', string>;
    found: string;
    company: string;
    notKnown: string;
    party: Record<'first' | 'third', string>;
    purpose: Record<Category, string>;
    allowedBecause: string;
    knownBecause: string;
    note: string;
    howItGotThere: string;
    onPage(page: string): string;
    whatTheLawAsks: string;
    evidence(rule: string, fingerprint: string): string;
    findingsHeading: string;
    nothingAnywhere: string;
    pagesHeading: string;
    screenshotPage: [alt: string, caption: string];
    screenshotBanner: [alt: string, caption: string];
    nothingOnPage: string;
    storedHeading: string;
    noInventory: string;
    storedIntro: string;
    storedCaption: string;
    storedHeadings: [string, string, string, string, string, string, string, string];
    /** Whether the site's own cookie declaration names it (cookie-not-declared), or could not be read. */
    declared: Record<'yes' | 'no' | 'unknown', string>;
    kind: Record<'cookie' | 'storage', string>;
    thirdParty(domain: string): string;
    nothingStored: string;
    lifetime: { storage: string; session: string; years(years: number, days: number): string; days(n: number): string };
    fixedHeading: string;
    fixedEntry(rule: string, subject: string, pages: string): string;
    footer(tool: string, seconds: string, thirdPartyWeb: string, openCookieDatabase: string): string;
    chain: Record<'page' | 'html' | 'script' | 'redirect' | 'frame' | 'unknown', string>;
    chainAt(line: number, where: 'page' | 'document' | 'script'): string;
    setByAbove: string;
    writtenByAbove: string;
  };
}

/** Which of the verdict's reasons applies, read back from its counts, for languages that word it anew. */
export type ReasonKind = 'nothing-scanned' | 'not-scanned' | 'failing' | 'no-new' | 'no-errors' | 'no-findings';

export function reasonOf(verdict: Verdict, failOn: Severity): { kind: ReasonKind; n: number } {
  if (verdict.status === 'incomplete') return verdict.scanErrors > 0 ? { kind: 'not-scanned', n: verdict.scanErrors } : { kind: 'nothing-scanned', n: 0 };
  if (verdict.status === 'failed') return { kind: 'failing', n: failOn === 'warn' ? verdict.errors + verdict.warnings : verdict.errors };
  if (verdict.baselined + verdict.allowed > 0) return { kind: 'no-new', n: 0 };
  return { kind: verdict.warnings > 0 ? 'no-errors' : 'no-findings', n: 0 };
}

/** "1 pagina", "3 pagina's": a count with the word that fits it. */
export const count = (n: number, one: string, many: string, locale: string): string => `${n.toLocaleString(locale)} ${n === 1 ? one : many}`;
