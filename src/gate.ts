import { availableParallelism } from 'node:os';
import { emptyBaseline, labelWithBaseline, updateBaseline } from './baseline/baseline.js';
import { readBaseline, writeBaseline } from './baseline/file.js';
import { launchBrowser, type OpenBrowser } from './browser/launch.js';
import { resolveBrowser } from './browser/resolve.js';
import { classifyScan, OPEN_COOKIE_DATABASE_VERSION, THIRD_PARTY_WEB_VERSION } from './classify/index.js';
import { DEFAULT_MAX_PAGES, DEFAULT_DEPTH, discoverPages, type DiscoverSpec } from './discover/index.js';
import { DEFAULT_GATHER, gatherPhase, type GatherOptions } from './gather/phase.js';
import { defaultMaxTimeMs, RunBudget } from './gather/max-time.js';
import { Interrupted, onShutdown, stopping } from './shared/lifecycle.js';
import { applyAllowList, ruleSettingsFor } from './policy/apply.js';
import { defaultPolicy } from './policy/load.js';
import type { Policy } from './policy/policy.js';
import { runRules } from './rules/index.js';
import { startTarget, type RunningTarget, type TargetSpec } from './target/index.js';
import { afterAcceptInventory } from './derive/inventory.js';
import { PHASES, type Finding, type GateResult, type PageProgress, type PageResult, type Phase, type PhaseScan, type VisitProgress } from './types.js';
import { decideVerdict } from './verdict/verdict.js';
import { TOOL_NAME, TOOL_VERSION } from './shared/version.js';

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
}

/**
 * With no banner and no consent notice at all there is nothing to refuse or accept: those visits
 * could click nothing, prove nothing, and cost two fresh contexts per page.
 */
export function offersChoice(initial: PhaseScan): boolean {
  return initial.banner !== null || initial.bannerUnrecognised !== null;
}

/** Two to three parallel contexts saturate two cores; more only queue on the renderer. */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(3, availableParallelism()));
}

/** The whole gate: start the target, find its pages, open each in a real browser, judge, label. */
export async function runGate(options: GateOptions): Promise<GateResult> {
  const started = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const policy = options.policy ?? defaultPolicy(cwd);
  // Configuration first: a broken baseline or a missing browser is found in a second, not a minute.
  const baseline = readBaseline(policy.baselinePath);
  const resolved = resolveBrowser(options.browserPath);

  let target: RunningTarget | null = null;
  let browser: OpenBrowser | null = null;
  const closeBrowser = async (): Promise<void> => {
    await browser?.close();
  };
  const forgetBrowser = onShutdown(closeBrowser);
  try {
    target = await startTarget({ ...options.target, cwd });
    const headers = options.headers ?? {};
    const { urls, notes } = await discoverPages(target.baseUrl, target.staticRoot, {
      pages: [],
      include: [],
      exclude: [],
      crawl: false,
      depth: DEFAULT_DEPTH,
      maxPages: DEFAULT_MAX_PAGES,
      ...options.discover,
      headers,
    });
    options.onPlan?.({ urls, notes });

    browser = await launchBrowser({ browser: resolved, extraArgs: options.browserArgs ?? [], ...(options.launchTimeoutMs !== undefined ? { timeoutMs: options.launchTimeoutMs } : {}) });
    const gather: GatherOptions = {
      ...DEFAULT_GATHER,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.fastForwardMs !== undefined ? { fastForwardMs: options.fastForwardMs } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.screenshots !== undefined ? { screenshots: options.screenshots } : {}),
      ...(target.baseUrl && Object.keys(headers).length > 0 ? { headers: { origin: new URL(target.baseUrl).origin, values: headers } } : {}),
      consent: policy.consent,
    };
    const budget = new RunBudget(options.maxTimeMs ?? defaultMaxTimeMs(urls.length, gather.timeoutMs), started);
    const pages = await scanPages(browser, urls, gather, policy, options, budget);
    // Visits cut short by a Ctrl-C prove nothing: no verdict, no baseline written.
    if (stopping()) throw new Interrupted();
    return judge(pages, policy, baseline, options, {
      started,
      browser: { executable: browser.executable, version: browser.version },
    });
  } finally {
    await closeBrowser();
    forgetBrowser();
    await target?.stop();
  }
}

async function scanPages(
  browser: OpenBrowser,
  urls: string[],
  gather: GatherOptions,
  policy: Policy,
  options: GateOptions,
  budget: RunBudget,
): Promise<{ page: PageResult; findings: Finding[] }[]> {
  const results: { page: PageResult; findings: Finding[] }[] = new Array(urls.length);
  const wanted = new Set(options.phases ?? PHASES);
  const phases = PHASES.filter((p) => p === 'initial' || wanted.has(p));
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    // After a Ctrl-C no new page is started; the ones under way end as the browser closes.
    while (next < urls.length && !stopping()) {
      const index = next++;
      const url = urls[index]!;
      const page: PageResult = { url, phases: [] };
      for (const phase of phases) {
        const initial = page.phases[0];
        if ((phase === 'after-reject' || phase === 'after-accept') && initial && !offersChoice(initial)) continue;
        options.onVisit?.({ url, phase, scan: null });
        const scan = classifyScan(await budget.visit(url, phase, () => gatherPhase(browser, url, phase, gather)), { firstPartyDomains: policy.firstPartyDomains });
        page.phases.push(scan);
        options.onVisit?.({ url, phase, scan });
        // A page that cannot be loaded at all is one scan error, not four.
        if (phase === 'initial' && scan.error !== null) break;
      }
      const findings = applyAllowList(runRules(page, ruleSettingsFor(policy, url)), policy);
      results[index] = { page, findings };
      done++;
      options.onPage?.({ done, total: urls.length, page, findings });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), urls.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

function judge(
  results: { page: PageResult; findings: Finding[] }[],
  policy: Policy,
  baseline: ReturnType<typeof readBaseline>,
  options: GateOptions,
  run: { started: number; browser: GateResult['browser'] },
): GateResult {
  const urls = results.map((r) => r.page.url);
  const judged = results.flatMap((r) => r.findings);
  let known = baseline ?? emptyBaseline();
  let { findings, fixed } = labelWithBaseline(judged, known, urls);
  // A partial scan would record (and with --prune, erase) a partial truth: then the file stays as it was.
  const update = options.updateBaseline && !judged.some((f) => f.rule === 'scan-error') ? options.updateBaseline : null;
  if (update) {
    known = updateBaseline(known, judged, { prune: update.prune, fixed, today: new Date(run.started).toISOString().slice(0, 10) });
    writeBaseline(policy.baselinePath, known);
    ({ findings, fixed } = labelWithBaseline(judged, known, urls));
  }
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    data: { thirdPartyWeb: THIRD_PARTY_WEB_VERSION, openCookieDatabase: OPEN_COOKIE_DATABASE_VERSION },
    browser: run.browser,
    startedAt: new Date(run.started).toISOString(),
    durationMs: Date.now() - run.started,
    target: { urls },
    pages: results.map((r) => r.page),
    findings,
    inventory: afterAcceptInventory(results.map((r) => r.page)),
    policy: { path: policy.path, jurisdiction: policy.jurisdiction, failOn: policy.failOn },
    baseline: { path: policy.baselinePath, found: baseline !== null, updated: update !== null, fixed },
    verdict: decideVerdict(findings, fixed.length, policy.failOn),
  };
}
