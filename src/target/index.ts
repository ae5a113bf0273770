import { GateError } from '../shared/errors.js';
import { onShutdown } from '../shared/lifecycle.js';
import { startCommand } from './start.js';
import { startStatic } from './static.js';

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
  cwd: string;
}

export interface RunningTarget {
  /** The start page, and where pages given as paths are resolved; null when only full URLs were given. */
  baseUrl: string | null;
  /** The served folder, for discovering pages by glob. */
  staticRoot: string | null;
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

/** Starts what is to be scanned (or nothing, for a deployed URL); stop() leaves nothing running. */
export async function startTarget(spec: TargetSpec): Promise<RunningTarget> {
  if (spec.static !== undefined && spec.url !== undefined) throw new GateError('--static and --url name two different targets: give one.');
  if (spec.static !== undefined && spec.start !== undefined) throw new GateError('--static and --start name two different targets: give one.');
  const url = spec.url !== undefined ? checkUrl('--url', spec.url) : undefined;
  const waitOn = spec.waitOn !== undefined ? checkUrl('--wait-on', spec.waitOn) : undefined;

  if (spec.static !== undefined) {
    const server = await startStatic(spec.static, { spa: spec.spa ?? false });
    const stop = server.close;
    const forget = onShutdown(stop);
    return { baseUrl: server.url, staticRoot: server.root, stop: () => (forget(), stop()) };
  }
  if (spec.start !== undefined) {
    const server = await startCommand({
      command: spec.start,
      ...(waitOn ? { waitOn } : {}),
      ...(spec.readyPattern ? { readyPattern: spec.readyPattern } : {}),
      timeoutMs: spec.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      cwd: spec.cwd,
    });
    // The URL that says the preview is ready is the page the user cares about first: the start page.
    return { baseUrl: url ?? waitOn ?? null, staticRoot: null, stop: server.stop };
  }
  return { baseUrl: url ?? null, staticRoot: null, stop: async () => undefined };
}
