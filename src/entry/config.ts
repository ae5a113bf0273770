import { resolve } from 'node:path';
import { GateError } from '../shared/errors.js';
import type { GateOptions } from '../gate.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { FORMAT_NAMES } from '../report/index.js';
import type { DiscoverSettings, Policy, TargetSettings } from '../policy/policy.js';
import { PHASES, type Phase, type Severity } from '../types.js';

/**
 * Settings as a person gives them on a command line or as Action inputs: all optional. The target and
 * discovery settings are the policy file's own, so a flag and a policy key always mean the same.
 */
export interface RunFlags extends TargetSettings, DiscoverSettings {
  headers?: Record<string, string>;
  pages?: string[];
  baseline?: string;
  updateBaseline?: { prune: boolean };
  failOn?: Severity;
  browserPath?: string;
  browserArgs?: string[];
  timeoutMs?: number;
  maxTimeMs?: number;
  concurrency?: number;
  fastForwardMs?: number;
  phases?: Phase[];
  retries?: number;
}

export function parseFailOn(value: string | undefined, name: string): Severity | undefined {
  if (value === undefined || value === 'error' || value === 'warn') return value;
  throw new GateError(`${name} takes "error" or "warn"; got "${value}".${didYouMean(value, ['error', 'warn'])}`);
}

/** "initial,after-reject" → phases; initial is always scanned, since the others compare with it. */
export function parsePhases(value: string | undefined, name: string): Phase[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((p) => p.trim()).filter(Boolean);
  for (const phase of list) {
    if (!(PHASES as readonly string[]).includes(phase)) throw new GateError(`${name}: unknown phase "${phase}".${didYouMean(phase, PHASES)} Phases: ${PHASES.join(', ')}.`);
  }
  return list as Phase[];
}

/** "json,html" → format names, each one we can write. */
export function parseFormats(value: string, name: string): string[] {
  const list = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of list) {
    if (!FORMAT_NAMES.includes(f)) throw new GateError(`${name}: unknown format "${f}".${didYouMean(f, FORMAT_NAMES)} Choose from: ${FORMAT_NAMES.join(', ')}.`);
  }
  return list;
}

const TARGET_KEYS = ['url', 'start', 'static'] as const;

/**
 * Flags win over the policy file. A target given as a flag replaces the policy's target as a whole:
 * mixing a flag's --static with the file's url would scan something nobody asked for.
 */
export function gateOptions(flags: RunFlags, policy: Policy, cwd: string): GateOptions & { policy: Policy } {
  const fromFile = TARGET_KEYS.some((key) => flags[key] !== undefined) ? {} : policy.target;
  const keys = ['url', 'start', 'waitOn', 'readyPattern', 'static', 'spa'] as const;
  const startTimeoutMs = flags.startTimeout ?? fromFile.startTimeout;
  const target = { ...pick(fromFile, keys), ...pick(flags, keys), ...(startTimeoutMs !== undefined ? { startTimeoutMs } : {}) };
  return {
    policy: {
      ...policy,
      ...(flags.baseline !== undefined ? { baselinePath: resolve(cwd, flags.baseline) } : {}),
      ...(flags.failOn !== undefined ? { failOn: flags.failOn } : {}),
    },
    target,
    discover: {
      ...policy.discover,
      ...pick(flags, ['include', 'exclude', 'sitemap', 'sitemapFind', 'sitemapReplace', 'crawl', 'depth', 'maxPages']),
      pages: flags.pages ?? policy.pages,
    },
    cwd,
    ...pick(flags, ['headers', 'updateBaseline', 'browserPath', 'browserArgs', 'timeoutMs', 'maxTimeMs', 'concurrency', 'fastForwardMs', 'phases', 'retries']),
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Partial<Pick<T, K>>;
}
