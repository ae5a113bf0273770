import { GateError } from '../shared/errors.js';
import type { GateResult, PageResult } from '../types.js';
import { onShutdown } from '../shared/lifecycle.js';
import type { Network } from '../shared/network.js';
import { startCommand } from './start.js';
import { normalizeBasePath } from './base-path.js';
import { checkStaticFolder, startStatic } from './static.js';
import { decodedPath, folderName, projectName } from './name.js';

export interface TargetSpec {
  /** An already running site: a deployed preview or a local server. */
  url?: string;
  /** The project's own preview command. */
  start?: string;
  waitOn?: string;
  readyPattern?: string;
  startTimeoutMs?: number;
  /** A built site to serve from a folder. */
  static?: string;
  spa?: boolean;
  /** With static: the path the site was built for; guessed from its HTML when not given. */
  basePath?: string;
  cwd: string;
}

export interface RunningTarget {
  /** The start page, and where pages given as paths are resolved; null when only full URLs were given. */
  baseUrl: string | null;
  /** The served folder, for discovering pages by glob. */
  staticRoot: string | null;
  /** Where the site's paths start on the target: "/", or the base path a static site was built for. */
  basePath: string;
  /** What the target chose on the user's behalf, said once. */
  notes: string[];
  /** What reports call the site (see targetName); null when only full page URLs were given. */
  name: string | null;
  /** The pages come from a loopback server this run started (--static, --start): their URLs die with it. */
  ephemeral: boolean;
  /** The file a scanned page was served from, with --static; null otherwise. */
  sourceFile(url: string): string | null;
  stop(): Promise<void>;
}

export const DEFAULT_START_TIMEOUT_MS = 60_000;

function checkUrl(flag: string, url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  } catch {
    // Reported below.
  }
  throw new GateError(`${flag} "${url}" is not an http(s) URL. Give a full address such as http://localhost:4173/.`);
}

/** The target's URLs and base path as checked and normalised. */
export interface CheckedTarget {
  url?: string;
  waitOn?: string;
  basePath?: string;
}

/** The target's flags, checked before anything starts (a wrong one is found at once), as startTarget uses them. */
export function checkTargetSpec(spec: TargetSpec): CheckedTarget {
  if (spec.static !== undefined && spec.url !== undefined) throw new GateError('--static and --url name two different targets: give one.');
  if (spec.static !== undefined && spec.start !== undefined) throw new GateError('--static and --start name two different targets: give one.');
  if (spec.basePath !== undefined && spec.static === undefined) {
    throw new GateError('--base-path goes with --static. For --url or --start, put the base path in the URL itself (e.g. --url http://localhost:4173/my-repo/).');
  }
  if (spec.static !== undefined) checkStaticFolder(spec.static, spec.cwd);
  return {
    ...(spec.url !== undefined ? { url: checkUrl('--url', spec.url) } : {}),
    ...(spec.waitOn !== undefined ? { waitOn: checkUrl('--wait-on', spec.waitOn) } : {}),
    ...(spec.basePath !== undefined ? { basePath: normalizeBasePath(spec.basePath) } : {}),
  };
}

/**
 * Starts what is to be scanned (or nothing, for a deployed URL); stop() leaves nothing running.
 * `checked` is what checkTargetSpec(spec) returned, before the browser was launched.
 */
export async function startTarget(spec: TargetSpec, { url, waitOn, basePath }: CheckedTarget, network: Network): Promise<RunningTarget> {
  if (spec.static !== undefined) {
    const server = await startStatic(spec.static, { spa: spec.spa ?? false, cwd: spec.cwd, ...(basePath ? { basePath } : {}) });
    const stop = server.close;
    const forget = onShutdown(stop);
    return {
      baseUrl: server.url,
      staticRoot: server.root,
      basePath: server.basePath,
      notes: server.notes,
      name: folderName(spec.cwd, server.root),
      ephemeral: true,
      sourceFile: (page) => server.sourceOf(decodedPath(page)),
      stop: () => (forget(), stop()),
    };
  }
  if (spec.start !== undefined) {
    const server = await startCommand({
      command: spec.start,
      ...(waitOn ? { waitOn } : {}),
      ...(spec.readyPattern ? { readyPattern: spec.readyPattern } : {}),
      timeoutMs: spec.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      cwd: spec.cwd,
      network,
    });
    // The URL that says the preview is ready is the page the user cares about first: the start page.
    return { baseUrl: url ?? waitOn ?? null, staticRoot: null, basePath: '/', notes: [], name: projectName(spec.cwd), ephemeral: true, sourceFile: () => null, stop: server.stop };
  }
  return { baseUrl: url ?? null, staticRoot: null, basePath: '/', notes: [], name: url ? new URL(url).host : null, ephemeral: false, sourceFile: () => null, stop: async () => undefined };
}

/** What a result keeps of its target: the name, whether its URLs outlive the run, each page's file. */
export function targetFacts(target: RunningTarget, pages: readonly PageResult[]): Omit<GateResult['target'], 'urls'> {
  const files: Record<string, string> = {};
  for (const page of pages) {
    // A page asked for as /about is served from /about/ after a redirect.
    const file = target.sourceFile(page.url) ?? target.sourceFile(page.phases[0]?.finalUrl ?? page.url);
    if (file) files[page.url] = file;
  }
  return { name: target.name, ephemeral: target.ephemeral, files };
}
