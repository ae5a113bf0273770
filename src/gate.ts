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
import { accepted, afterForgotten, bannerKey, emptyScan, gatherSession, isTransient, offersChoice, offersSave, sessionsOf, type SessionListener, type SessionResult, type StoredPlan, type StoredVisit } from './gather/visit/session.js';
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
import { PHASES, type ActionStep, type Finding, type GateResult, type PageProgress, type PageResult, type Phase, type PhaseScan, type VisitProgress } from './types.js';
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

/** A page of the scan, as the plan tracks it. */
interface Planned {
  page: PageResult;
  /** Its first look as gathered, once known (undefined: it failed): what its later visits build on. */
  initial: PhaseScan | undefined;
  known: boolean;
  /** What must end before the page is judged: the sessions that make its later visits. */
  work: Promise<unknown>[];
}

/**
 * The plan. Each page's first session ([initial, after-scroll]) in a browser of its own. Then, once
 * every page of a site (an origin) has had its first look, the visits that make a choice, once per
 * distinct banner (see bannerKey): on the first page that shows it, as a visitor makes them, after
 * which the same browser loads each other page with that banner once, the choice stored, as that
 * page's visit. A page that shows the banner again did not remember the choice: it gets its own
 * visit, as does every page when the choice could not be made or stored on the first one.
 */
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
  // Each visit that makes a choice, with the visits of its session before it (after-withdraw: after-accept).
  const choices = later.flatMap((session) => session.map((_, i) => session.slice(0, i + 1)));
  // A page is named with the user's secrets taken out, as its visits are (a crawled link may echo one).
  const shown = secretRedactor(gather.secrets);
  // Sessions, not pages, share the browser: a page's visits after the first run side by side, and a
  // slot one page's visits leave idle takes the next page's first visit.
  const slots = new Slots(options.concurrency ?? defaultConcurrency());
  const pages: Planned[] = urls.map((url) => ({ page: { url: shown(url), phases: [], skipped: [] }, initial: undefined, known: false, work: [] }));
  const indexOf = new Map(urls.map((url, index) => [url, index]));
  const originOf = (index: number): string => new URL(urls[index]!).origin;
  let done = 0;

  const record = (index: number, raw: PhaseScan): void => {
    const { page } = pages[index]!;
    const scan = classifyScan(raw, { firstPartyDomains: policy.firstPartyDomains });
    page.phases.push(scan);
    options.onVisit?.({ url: page.url, phase: scan.phase, scan });
  };
  const skip = (index: number, phase: Phase, reason: string): void => {
    pages[index]!.page.skipped.push({ phase, reason });
  };

  /** One browser session on a page; with `others`, it then loads them with its last visit's choice stored. */
  const session = (index: number, visits: VisitDeclaration[], listener: SessionListener, plan?: StoredPlan): Promise<SessionResult> =>
    slots.run(index, () =>
      // After a Ctrl-C no new session starts; the ones under way end as the browser closes.
      stopping()
        ? Promise.resolve({ scans: [] })
        : budget.session(urls[index]!, visits[0]!.id as Phase, () => gatherSession(browser, urls[index]!, visits, gather, listener, plan)),
    );
  const heardStart = (url: string, phase: Phase, scan: PhaseScan | null): void => {
    if (!scan) options.onVisit?.({ url: shown(url), phase, scan: null });
  };

  // A page with a banner is planned once every page of its site (origin) had its first look: only then
  // is the first page with each banner known. A page with nothing to answer needs no other page.
  const waiting = new Map<string, number>();
  for (const index of urls.keys()) waiting.set(originOf(index), (waiting.get(originOf(index)) ?? 0) + 1);
  const know = (index: number, initial: PhaseScan | undefined): void => {
    const page = pages[index]!;
    if (page.known) return;
    // A copy: the session's closing steps go on to add the settings layer to its banner facts.
    page.initial = initial && { ...initial };
    page.known = true;
    for (const visits of choices) {
      const reason = skipReason(visits[0]!, page.initial, []);
      if (reason !== null) skip(index, visits.at(-1)!.id as Phase, reason);
    }
    const origin = originOf(index);
    waiting.set(origin, waiting.get(origin)! - 1);
    if (waiting.get(origin) === 0) planSite([...urls.keys()].filter((i) => originOf(i) === origin));
  };
  /** Whether a page makes a choice visit: then its plan waits for its site's. */
  const chooses = (index: number): boolean => choices.some((visits) => skipReason(visits[0]!, pages[index]!.initial, []) === null);
  const plannedSite = new Map(urls.map((_, index) => [originOf(index), settleable()]));

  /** The visit a session was for, from its scans: the last one; what went wrong before it is said, never left out. */
  const keep = (index: number, visits: VisitDeclaration[], scans: PhaseScan[], forgotten?: ActionStep): void => {
    const visit = visits.at(-1)!;
    const scan = scans.find((s) => s.phase === visit.id);
    if (scan) return record(index, forgotten ? afterForgotten(scan, forgotten) : scan);
    const failed = scans.find((s) => s.error !== null);
    if (failed) return record(index, { ...emptyScan(visit.id as Phase, failed.url), error: `${failed.phase}, the visit before it in its session, failed: ${failed.error}` });
    skip(index, visit.id as Phase, skipReason(visit, pages[index]!.initial, scans) ?? 'the visit before it in its session could not be made');
  };

  /** A page's own session for a choice, as when it is the first page with its banner. */
  const own = async (index: number, visits: VisitDeclaration[], forgotten?: ActionStep): Promise<void> => {
    const { scans } = await session(index, visits, { onVisit: heardStart });
    keep(index, visits, scans, forgotten);
  };

  /**
   * One choice on the first page of a group, then the group's other pages with it stored. Returns
   * when each page's visit is in: a page loaded with the choice stored is done before the session is.
   */
  const choose = (visits: VisitDeclaration[], [flow, ...others]: number[]): Map<number, Promise<void>> => {
    const ends = new Map(others.map((index) => [index, settleable()]));
    const over = (index: number, work: Promise<void> = Promise.resolve()): void => {
      const end = ends.get(index)!;
      ends.delete(index);
      work.then(end.resolve, end.reject);
    };
    let cutOff = false;
    const onStored = ({ url, scan, bannerAgain }: StoredVisit): void => {
      const index = indexOf.get(url)!;
      // A session cut off by the run's time limit goes on until the browser closes: what it sees then counts for nothing.
      if (cutOff || !ends.has(index)) return;
      if (bannerAgain) return over(index, own(index, visits, scan.action?.steps[0]));
      // A load that failed for the network's sake is retried as the page's own session, which retries.
      if (scan.error !== null && gather.retries > 0 && isTransient(scan.error)) return over(index, own(index, visits));
      record(index, scan);
      over(index);
    };
    const notice = pages[flow!]!.initial?.banner ? 'banner' : 'unrecognised';
    const first = (async () => {
      const result = await session(flow!, visits, { onVisit: heardStart, onStored }, { pages: others.map((i) => urls[i]!), notice });
      cutOff = true;
      keep(flow!, visits, result.scans);
      // The pages it did not load with the choice stored make their own.
      for (const index of [...ends.keys()]) over(index, own(index, visits));
    })();
    // Never leave the group's other pages waiting on a session that failed.
    first.catch((error: unknown) => {
      for (const index of [...ends.keys()]) over(index, Promise.reject(error));
    });
    return new Map([[flow!, first], ...[...ends].map(([index, end]) => [index, end.promise] as const)]);
  };

  /** A site's choice visits: per choice, the pages that can make it, grouped by banner. */
  const planSite = (indexes: number[]): void => {
    for (const visits of choices) {
      const groups = new Map<string, number[]>();
      for (const index of indexes) {
        const { initial } = pages[index]!;
        if (skipReason(visits[0]!, initial, []) !== null) continue;
        const key = bannerKey(initial!)!;
        groups.set(key, [...(groups.get(key) ?? []), index]);
      }
      for (const group of groups.values()) {
        for (const [index, end] of choose(visits, group)) {
          // Awaited with its page; until then a failure must not count as unhandled.
          end.catch(() => undefined);
          pages[index]!.work.push(end);
        }
      }
    }
    plannedSite.get(originOf(indexes[0]!))!.resolve();
  };

  const scanPage = async (index: number): Promise<{ page: PageResult; findings: Finding[] }> => {
    const { page, work } = pages[index]!;
    try {
      const { scans } = await session(index, first!, {
        onVisit: (url, phase, scan) => {
          heardStart(url, phase, scan);
          // The other visits need only the first look's facts (is there a banner to answer?).
          if (scan?.phase === first![0]!.id && scan.error === null) know(index, scan);
        },
      });
      for (const raw of scans) record(index, raw);
      // A visit that continues another may depend on how that one went (after-scroll on the first look).
      for (const next of first!.slice(1)) {
        const reason = page.phases.some((scan) => scan.phase === next.id) ? null : skipReason(next, scans[0], page.phases);
        if (reason !== null) skip(index, next.id as Phase, reason);
      }
      know(index, scans.find((scan) => scan.phase === first![0]!.id));
    } finally {
      // Never leave the site's plan waiting on this page.
      know(index, undefined);
    }
    if (chooses(index)) await plannedSite.get(originOf(index))!.promise;
    await Promise.all(work);
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

/** A promise settled from outside (Promise.withResolvers, which Node 20 lacks). */
function settleable(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
