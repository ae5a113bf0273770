import type { ActionStep, Category, FindingStatus, Lang, LeftOut, Phase, PhaseAction, Reopened, Severity, StoredChoice, Verdict } from '../../types.js';

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
  /** A visit the page bounded (see SettleRecord): the windows it followed and refused past the cap. */
  windowsRefused(visit: string, opened: number, refused: number): string;
  /** A visit whose waits reached their budget: recorded as the page then stood. */
  waitsCut(visit: string): string;
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
  /** What a visit did ("clicked "Alles weigeren", then "Opslaan", reloaded"), and why it could not go on. */
  action(action: PhaseAction): string;
  rulesHeading: string;
  fixedHeading(n: number): string;
  baselineWritten(path: string): string;
  headline: Record<Verdict['status'], string>;
  newErrors(n: number): string;
  newWarnings(n: number): string;
  /** Why the verdict is what it is, from its counts. */
  reason(verdict: Verdict, failOn: Severity): string;
  exit(code: number): string;
  /** What a card of the reports is about (see CauseGroup): where the fix goes, in a few words. */
  cause: {
    /** A tag in a page's HTML: whose, the file (or page) and line, and how many other pages have it too. */
    tag(vendor: string | null, file: string, line: number | null, otherPages: number): string;
    container(vendor: string | null, id: string): string;
    /** A script (or other file) of the site's own, by its path. */
    script(path: string): string;
    /** The site's own server setting cookies with Set-Cookie, by its host. */
    server(host: string): string;
    /** Findings with no cause the browser could trace, by vendor (or host; null: neither known). */
    vendor(name: string | null): string;
    /** The consent banner's own findings, or the lack of one. */
    banner(found: boolean): string;
    page(path: string): string;
  };
  /** A time on a visit's clock: "350 ms", "2.4 s". */
  time(ms: number): string;
  /** The markdown and job summary. */
  markdown: {
    verdict(status: Verdict['status'], errors: number, warnings: number, pages: number, reason: string): string;
    pagesLabel: string;
    /** One row per cause: the cause, its pages, its visits, what it causes, the companies. */
    headings: [string, string, string, string, string];
    /** What a cause causes: its counts, then each thing once. */
    caused(counts: string, what: string): string;
    andMore(named: string, more: number): string;
    moreRows(n: number): string;
    counts(baselined: number, allowed: number, fixed: number): string;
    pruneHint: string;
    fullReport(path: string): string;
    onRunPage(url: string, dir: string): string;
  };
  /** The pull-request comment and the watch issue: one body, and the job summary's line about each. */
  comment: {
    /** Before the pages a thing to fix was seen on: "on". */
    on: string;
    /** Before the chain of what loaded it. */
    loadedVia: string;
    fixedHeading(n: number): string;
    /** New findings past those named. */
    moreFindings(n: number): string;
    moreFixed(n: number): string;
    /** When the scan ran (ISO date and time, UTC). */
    checked(when: string): string;
    /** The run's page, when no report file names it already. */
    run(url: string): string;
    posted(action: 'created' | 'updated', url: string): string;
    notPosted(reason: string): string;
    watched(action: 'opened' | 'updated' | 'closed', url: string): string;
    watchFailed(reason: string): string;
    /** A passing watch run with no issue open: nothing to open or close. */
    nothingToWatch: string;
  };
  html: {
    title(status: Verdict['status'], site: string): string;
    counts: [string, string, string, string, string];
    meta(pages: number, jurisdiction: string, defaults: boolean): string;
    builtWith(tool: string, chromium: string): string;
    visitedHeading: string;
    visitedSummary: string;
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
    findingsIntro(findings: number, causes: number): string;
    /** The table of what one cause causes. */
    causesCaption: string;
    causeHeadings: [string, string, string, string, string, string];
    /** The summary of a card's collapsed details. */
    detailsOf(findings: number): string;
    seeRule: string;
    rulesHeading: string;
    rulesIntro: string;
    timelineIntro: string;
    timelineTitle(page: string, visit: string): string;
    bannerSeen: string;
    action: Record<'scroll' | 'reject' | 'save' | 'accept' | 'withdraw', string>;
    band: Record<'beforeBanner' | 'noBanner' | 'afterRefusal' | 'afterScroll', string>;
    /** One tracker mark in the timeline's text alternative. */
    mark(vendor: string, what: string, time: string, band: string | null): string;
    at(what: string, time: string): string;
    nothingAnywhere: string;
    pagesHeading: string;
    screenshotPage: [alt: string, caption: string];
    screenshotBanner: [alt: string, caption: string];
    nothingOnPage: string;
    storedHeading: string;
    noInventory: string;
    storedIntro: string;
    storedCaption: string;
    /** The collapsed table's line: how many cookies and storage keys it lists. */
    storedSummary(n: number): string;
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

/** How a language says each step of a visit; the reason a visit could not go on stays as gathered (English). */
export interface ActionPhrases {
  browse: string;
  /** asShown: a save clicked with no switch touched. */
  click(control: string, layer: 1 | 2, asShown: boolean): string;
  /** A click that finishes the one before it ("then "Opslaan""). */
  thenClick(control: string): string;
  /** The first click after reopening the choice, or after a stored choice the page did not remember. */
  clickAfterReopen(control: string, layer: 1 | 2): string;
  autoconsent(cmp: string, choice: 'reject' | 'accept'): string;
  reopen(reopened: Reopened): string;
  reload: string;
  follow(path: string, afterBrowsing: boolean): string;
  noLink: string;
  /** The page loaded with the choice made on `on` stored ("refused on /, stored"); bannerAgain: it showed the banner again. */
  stored(choice: StoredChoice, on: string, bannerAgain: boolean): string;
  notDone(failure: string): string;
}

/** A visit's steps in a language other than the gatherer's English (PhaseAction.detail is that one). */
export function actionSentence({ steps, failure }: Pick<PhaseAction, 'steps' | 'failure'>, say: ActionPhrases): string {
  const step = (s: ActionStep, before: ActionStep | undefined): string => {
    switch (s.do) {
      case 'browse':
        return say.browse;
      case 'click':
        if (before?.do === 'click') return say.thenClick(s.control);
        return before?.do === 'reopen' || before?.do === 'stored' ? say.clickAfterReopen(s.control, s.layer) : say.click(s.control, s.layer, s.asShown === true);
      case 'autoconsent':
        return say.autoconsent(s.cmp, s.choice);
      case 'reopen':
        return say.reopen(s.reopened);
      case 'reload':
        return say.reload;
      case 'follow':
        return say.follow(s.path, before?.do === 'browse');
      case 'noLink':
        return say.noLink;
      case 'stored':
        return say.stored(s.choice, s.on, s.bannerAgain === true);
    }
  };
  const done = steps.map((s, i) => step(s, steps[i - 1])).join(', ');
  return failure === null ? done : [done, say.notDone(failure)].filter(Boolean).join(' ');
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
