import { availableParallelism } from 'node:os';
import { emptyBaseline, type Baseline } from './baseline/baseline.js';
import { readBaseline, writeBaseline } from './baseline/file.js';
import { launchBrowser, type OpenBrowser } from './browser/launch.js';
import { resolveBrowser } from './browser/resolve.js';
import { classifyScan, OPEN_COOKIE_DATABASE_VERSION, THIRD_PARTY_WEB_VERSION } from './classify/index.js';
import { coverageOf, DEFAULT_MAX_PAGES, DEFAULT_DEPTH, discoverPages, type DiscoverSpec } from './discover/index.js';
import { checkShardRun, shardLine, takeShard, type Shard } from './discover/shard.js';
import { DEFAULT_SETTINGS } from './config/settings.js';
import { VISITS, type VisitDeclaration } from './config/visits.js';
import type { GatherOptions } from './gather/visit/context.js';
import { accepted, gatherSession, offersChoice, offersSave, sessionsOf } from './gather/visit/session.js';
import { secretRedactor } from './gather/redact.js';
import { defaultMaxTimeMs, RunBudget } from './gather/max-time.js';
import { Interrupted, onShutdown, stopping } from './shared/lifecycle.js';
import { defaultPolicy } from './policy/load.js';
import type { Policy } from './policy/policy.js';
import { checkTargetSpec, startTarget, targetFacts, type RunningTarget, type TargetSpec } from './target/index.js';
import { checkTargetGiven } from './target/missing.js';
import { givenSecrets, takeUserinfo, targetAccess, targetOrigin } from './target/access.js';
import { RunSecrets } from './shared/secrets.js';
import { gateNetwork } from './shared/network.js';
import { PHASES, type Finding, type GateResult, type PageProgress, type PageResult, type Phase, type PhaseScan, type VisitProgress } from './types.js';
import { concludeRun, judgePage, resultOf } from './verdict/judge.js';
import { TOOL_NAME, TOOL_VERSION } from './shared/version.js';
import { Slots } from './shared/slots.js';

export type { PageProgress, VisitProgress } from './types.js';

export interface GateOptions {
  /** What to scan: a URL, a start command or a static folder. Full page URLs alone need no target. */
  target?: Omit<TargetSpec, 'cwd'>;
  /** Which pages: an explicit list (paths or URLs), a glob, a sitemap, a crawl. */
  discover?: Partial<DiscoverSpec>;
  /** Request headers for the target's own origin only (a preview bypass token, basic auth). */
  headers?: Record<string, string>;
  browserPath?: string;
  /** Extra Chromium flags (proxies, host mapping). */
  browserArgs?: string[];
  /** How long the browser may take to start (default 30 s). */
  launchTimeoutMs?: number;
  timeoutMs?: number;
  /** The whole run's time limit, after which it stops and reports incomplete (default: by page count). */
  maxTimeMs?: number;
  concurrency?: number;
  /** Fake-clock fast-forward after load, in ms; 0 waits in real time instead. */
  fastForwardMs?: number;
  /** Extra attempts for a page load that failed for network reasons (default 0). */
  retries?: number;
  /** Take pictures of each page before consent and of its banner (for the HTML report). */
  screenshots?: boolean;
  /** Which visits to make per page; default all four. initial always runs: the others build on it. */
  phases?: Phase[];
  /** Scan only this shard of the pages found; merge-reports combines the shards' JSON reports. */
  shard?: Shard;
  /** What the site allows and how strict the gate is; defaults to the strict "eu" policy. */
  policy?: Policy;
  /** Record this run's findings in the baseline file (with prune: drop entries no longer seen). */
  updateBaseline?: { prune: boolean };
  /** Working folder for the start command and relative paths. */
  cwd?: string;
  onPage?: (progress: PageProgress) => void;
  /** Each visit (one page, one phase) as it starts, and again with its data when it ends. */
  onVisit?: (visit: VisitProgress) => void;
  /** Said once the pages are known: how many, and anything found but not scanned. */
  onPlan?: (plan: { urls: string[]; notes: string[] }) => void;
  /**
   * Filled with every secret the run meets (the user's header values and credentials from the start,
   * then the identifiers held in the cookies and storage of each page scanned), for the caller's
   * writers to check what they write against (shared/secrets.ts). In memory only, never in the result.
   */
  secrets?: RunSecrets;
}

/**
 * One context more than cores: a visit spends a good part of its time waiting for the network to go
 * quiet, and another visit's work fills it. On two cores (npm run bench, 24 pages) three contexts
 * made all visits 25% faster than two; four were no faster than three and slower on a small site.
 */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism() + 1));
}

/** The whole gate: start the target, find its pages, open each in a real browser, judge, label. */
export async function runGate(options: GateOptions): Promise<GateResult> {
  const started = Date.now();
  // First of all: a message about anything below must not carry what the user gave us.
  const secrets = options.secrets ?? new RunSecrets();
  const given = takeUserinfo(options);
  const userSecrets = givenSecrets(options.headers ?? {}, given.found);
  secrets.add(...userSecrets);
  const cwd = options.cwd ?? process.cwd();
  const policy = options.policy ?? defaultPolicy(cwd);
  checkTargetGiven(options.target ?? {}, options.discover?.pages ?? [], policy.path, cwd);
  checkShardRun(options.shard, options.updateBaseline !== undefined);
  // Configuration first: a broken baseline or a missing browser is found in a second, not a minute.
  const baseline = readBaseline(policy.baselinePath);
  const resolved = resolveBrowser(options.browserPath);
  const targetSpec: TargetSpec = { ...given.target, cwd };
  const checkedTarget = checkTargetSpec(targetSpec);

  // One network for the browser and the gate's own requests (start page check, sitemap, crawl).
  const network = gateNetwork(options.browserArgs ?? []);

  let target: RunningTarget | null = null;
  // The browser starts while the target does: a preview server takes seconds, and so does the browser.
  const launching = launchBrowser({ browser: resolved, extraArgs: [...(options.browserArgs ?? []), ...network.browserFlags], ...(options.launchTimeoutMs !== undefined ? { timeoutMs: options.launchTimeoutMs } : {}) });
  // Awaited once the pages are known; a target that fails first must not leave its failure unhandled.
  launching.catch(() => undefined);
  const closeBrowser = async (): Promise<void> => {
    await (await launching.catch(() => null))?.close();
  };
  const forgetBrowser = onShutdown(closeBrowser);
  try {
    target = await startTarget(targetSpec, checkedTarget, network);
    const headers = targetAccess(targetOrigin(target.baseUrl, given.discover?.pages ?? []), options.headers ?? {}, given.found);
    const { urls: listed, leftOut, notes } = await discoverPages(target.baseUrl, target.staticRoot, {
      pages: [],
      include: [],
      exclude: [],
      crawl: false,
      depth: DEFAULT_DEPTH,
      maxPages: DEFAULT_MAX_PAGES,
      ...given.discover,
      ...(headers ? { headers } : {}),
    }, network, target.basePath);
    // Every shard finds the same list, then keeps its part.
    const shard = options.shard ? takeShard(listed, options.shard, runSettings(given, policy)) : null;
    const urls = shard?.urls ?? listed;
    options.onPlan?.({ urls, notes: [...target.notes, ...notes, ...leftOut.map((l) => l.message), ...(shard ? [shardLine(shard.coverage)] : [])] });
    const coverage = coverageOf(listed.length, leftOut, shard?.coverage);

    const browser = await launching;
    const gather: GatherOptions = {
      ...DEFAULT_SETTINGS,
      screenshots: false,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.fastForwardMs !== undefined ? { fastForwardMs: options.fastForwardMs } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.screenshots !== undefined ? { screenshots: options.screenshots } : {}),
      ...(headers ? { headers } : {}),
      secrets: userSecrets,
      runSecrets: secrets,
      consent: policy.consent,
      declaration: policy.declaration,
    };
    const known = baseline ?? emptyBaseline();
    const budget = new RunBudget(options.maxTimeMs ?? defaultMaxTimeMs(urls.length, gather.timeoutMs), started);
    const scanned = await scanPages(browser, urls, gather, policy, known, options, budget);
    // Visits cut short by a Ctrl-C prove nothing: no verdict, no baseline written.
    if (stopping()) throw new Interrupted();
    const pages = scanned.map((r) => r.page);
    const concluded = concludeRun(
      scanned.flatMap((r) => r.findings),
      urls,
      known,
      options.updateBaseline ?? null,
      new Date(started).toISOString().slice(0, 10),
    );
    if (concluded.nextBaseline) writeBaseline(policy.baselinePath, concluded.nextBaseline, secrets);
    const run = {
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      data: { thirdPartyWeb: THIRD_PARTY_WEB_VERSION, openCookieDatabase: OPEN_COOKIE_DATABASE_VERSION },
      browser: { executable: browser.executable, version: browser.version },
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      coverage,
      target: { urls, ...targetFacts(target, pages) },
    };
    return resultOf(run, pages, concluded, policy, { found: baseline !== null });
  } finally {
    await closeBrowser();
    forgetBrowser();
    await target?.stop();
  }
}

/**
 * initial always runs: the others build on it. A visit that continues another runs in that one's
 * browser after it, so asking for it asks for that one too (after-withdraw brings after-accept).
 */
function wantedPhases(options: GateOptions): Phase[] {
  const asked = new Set<Phase>(['initial', ...(options.phases ?? PHASES)]);
  for (let i = VISITS.length - 1; i > 0; i--) if (VISITS[i]!.continues && asked.has(VISITS[i]!.id)) asked.add(VISITS[i - 1]!.id);
  return PHASES.filter((phase) => asked.has(phase));
}

/** What decides which pages are found and how each is visited: shards of one run must agree on it. */
function runSettings(options: GateOptions, policy: Policy): unknown {
  const { headers: _secret, ...discover } = options.discover ?? {};
  const { target, timeoutMs, fastForwardMs, retries } = options;
  return { target, discover, phases: wantedPhases(options), timeoutMs, fastForwardMs, retries, firstPartyDomains: policy.firstPartyDomains, consent: policy.consent, declaration: policy.declaration };
}

/**
 * Visits that answer the banner are pointless without one; a page not loaded at all has nothing more
 * to visit. `initial` is the page's first visit as gathered; `phases` the visits done so far.
 */
function skipReason(visit: VisitDeclaration, initial: PhaseScan | undefined, phases: readonly PhaseScan[]): string | null {
  if (!initial || initial.error !== null) return 'the page could not be scanned';
  if (visit.needs !== 'nothing' && !offersChoice(initial)) return 'no consent banner or notice to answer';
  if (visit.needs === 'save' && !offersSave(initial)) return "no switches with a save control on the banner's first layer";
  if (visit.needs === 'accepted' && !phases.some(accepted)) return 'accepting did not work, so there is no consent to withdraw';
  return null;
}

async function scanPages(
  browser: OpenBrowser,
  urls: string[],
  gather: GatherOptions,
  policy: Policy,
  baseline: Baseline,
  options: GateOptions,
  budget: RunBudget,
): Promise<{ page: PageResult; findings: Finding[] }[]> {
  const wanted = wantedPhases(options);
  const [first, ...later] = sessionsOf(wanted);
  // A page is named with the user's secrets taken out, as its visits are (a crawled link may echo one).
  const shown = secretRedactor(gather.secrets);
  // Sessions, not pages, share the browser: a page's visits after the first run side by side, and a
  // slot one page's visits leave idle takes the next page's first visit.
  const slots = new Slots(options.concurrency ?? defaultConcurrency());
  let done = 0;

  const scanPage = async (index: number): Promise<{ page: PageResult; findings: Finding[] }> => {
    const url = urls[index]!;
    const page: PageResult = { url: shown(url), phases: [], skipped: [] };
    // Sessions end in any order: a refusal may be in before the first session's last visit.
    const initialScan = (): PhaseScan | undefined => page.phases.find((scan) => scan.phase === first![0]!.id);
    const visit = async (session: VisitDeclaration[], onEnd?: (scan: PhaseScan) => void): Promise<void> => {
      // After a Ctrl-C no new session starts; the ones under way end as the browser closes.
      const scans = await slots.run(index, () =>
        stopping()
          ? Promise.resolve([])
          : budget.session(url, session[0]!.id as Phase, () =>
              gatherSession(browser, url, session, gather, (phase, scan) => {
                if (!scan) options.onVisit?.({ url: page.url, phase, scan: null });
                else onEnd?.(scan);
              }),
            ),
      );
      for (const raw of scans) {
        const scan = classifyScan(raw, { firstPartyDomains: policy.firstPartyDomains });
        page.phases.push(scan);
        options.onVisit?.({ url: page.url, phase: scan.phase, scan });
      }
      // A visit that continues another may depend on how that one went (after-withdraw on the accept).
      for (const next of session.slice(1)) {
        const reason = page.phases.some((scan) => scan.phase === next.id) ? null : skipReason(next, initialScan(), page.phases);
        if (reason !== null) page.skipped.push({ phase: next.id as Phase, reason });
      }
    };
    // The other sessions need only the initial visit's facts (is there a banner to answer?): they
    // start as soon as it ends, beside the visits that continue it, not after them.
    let others: Promise<unknown> | null = null;
    const startOthers = (initial: PhaseScan | undefined): Promise<unknown> => {
      if (others) return others;
      others = Promise.all(
        later.map((session) => {
          const reason = skipReason(session[0]!, initial, []);
          if (reason === null) return visit(session);
          page.skipped.push(...session.map((v) => ({ phase: v.id as Phase, reason })));
          return undefined;
        }),
      );
      // Awaited once the first session ends; until then a failure must not count as unhandled.
      others.catch(() => undefined);
      return others;
    };
    await visit(first!, (scan) => {
      if (scan.phase === first![0]!.id && scan.error === null) void startOthers(scan);
    });
    await startOthers(initialScan());
    // Sessions end in any order; reports list visits in the table's order.
    const order = (phase: Phase): number => PHASES.indexOf(phase);
    page.phases.sort((a, b) => order(a.phase) - order(b.phase));
    page.skipped.sort((a, b) => order(a.phase) - order(b.phase));
    const findings = judgePage(page, policy, baseline);
    done++;
    options.onPage?.({ done, total: urls.length, page, findings });
    return { page, findings };
  };
  return Promise.all(urls.map((_, index) => scanPage(index)));
}
