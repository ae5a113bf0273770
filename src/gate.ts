import { availableParallelism } from 'node:os';
import { launchBrowser } from './browser/launch.js';
import { resolveBrowser } from './browser/resolve.js';
import { classifyScan, OPEN_COOKIE_DATABASE_VERSION, THIRD_PARTY_WEB_VERSION } from './classify/index.js';
import { GateError } from './errors.js';
import { DEFAULT_GATHER, gatherPhase } from './gather/phase.js';
import { labelWithBaseline, updateBaseline, emptyBaseline } from './baseline/baseline.js';
import { readBaseline, writeBaseline } from './baseline/file.js';
import { applyAllowList, ruleSettingsFor } from './policy/apply.js';
import { defaultPolicy } from './policy/load.js';
import type { Policy } from './policy/policy.js';
import { runRules } from './rules/index.js';
import type { Finding, GateResult, PageResult } from './types.js';
import { decideVerdict } from './verdict.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface GateOptions {
  urls: string[];
  browserPath?: string;
  /** Extra Chromium flags (proxies, host mapping). */
  browserArgs?: string[];
  timeoutMs?: number;
  concurrency?: number;
  /** Fake-clock fast-forward after load, in ms; 0 waits in real time instead. */
  fastForwardMs?: number;
  /** What the site allows and how strict the gate is; defaults to the strict "eu" policy. */
  policy?: Policy;
  /** Record this run's findings in the baseline file (with prune: drop entries no longer seen). */
  updateBaseline?: { prune: boolean };
  onPage?: (progress: PageProgress) => void;
}

export interface PageProgress {
  done: number;
  total: number;
  page: PageResult;
  findings: Finding[];
}

/** Two to three parallel contexts saturate two cores; more only queue on the renderer. */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(3, availableParallelism()));
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GateError(`"${url}" is not a URL. Give a full address such as http://localhost:4173/.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new GateError(`"${url}" is not an http(s) URL. consent-gate scans web pages served over http or https.`);
  }
  return parsed.href;
}

/** The whole gate: open each page in a real browser, classify what it stored and loaded, judge it. */
export async function runGate(options: GateOptions): Promise<GateResult> {
  const started = Date.now();
  const urls = [...new Set(options.urls.map(checkUrl))];
  if (urls.length === 0) throw new GateError('No pages to scan. Give at least one URL, e.g. consent-gate scan http://localhost:4173/.');
  const gather = {
    ...DEFAULT_GATHER,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.fastForwardMs !== undefined ? { fastForwardMs: options.fastForwardMs } : {}),
  };
  const policy = options.policy ?? defaultPolicy(process.cwd());
  // Read before scanning: a broken baseline is a configuration error, found in a second, not a minute.
  const baseline = readBaseline(policy.baselinePath);
  const resolved = resolveBrowser(options.browserPath);
  const browser = await launchBrowser({ browser: resolved, extraArgs: options.browserArgs ?? [] });

  const pages: PageResult[] = new Array(urls.length);
  const findings: Finding[][] = new Array(urls.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const index = next++;
      const url = urls[index]!;
      const scan = classifyScan(await gatherPhase(browser, url, 'initial', gather), { firstPartyDomains: policy.firstPartyDomains });
      pages[index] = { url, phases: [scan] };
      findings[index] = applyAllowList(runRules(scan, ruleSettingsFor(policy, url)), policy);
      done++;
      options.onPage?.({ done, total: urls.length, page: pages[index], findings: findings[index] });
    }
  };
  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), urls.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await browser.close();
  }

  const judged = findings.flat();
  let known = baseline ?? emptyBaseline();
  let { findings: all, fixed } = labelWithBaseline(judged, known, urls);
  // A partial scan would record (and with --prune, erase) a partial truth: then the file stays as it was.
  const update = options.updateBaseline && !judged.some((f) => f.rule === 'scan-error') ? options.updateBaseline : null;
  if (update) {
    known = updateBaseline(known, judged, { prune: update.prune, fixed, today: new Date(started).toISOString().slice(0, 10) });
    writeBaseline(policy.baselinePath, known);
    ({ findings: all, fixed } = labelWithBaseline(judged, known, urls));
  }
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    data: { thirdPartyWeb: THIRD_PARTY_WEB_VERSION, openCookieDatabase: OPEN_COOKIE_DATABASE_VERSION },
    browser: { executable: browser.executable, version: browser.version },
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    target: { urls },
    pages,
    findings: all,
    policy: { path: policy.path, jurisdiction: policy.jurisdiction, failOn: policy.failOn },
    baseline: { path: policy.baselinePath, found: baseline !== null, updated: update !== null, fixed },
    verdict: decideVerdict(all, fixed.length, policy.failOn),
  };
}
