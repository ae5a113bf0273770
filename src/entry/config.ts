import { resolve } from 'node:path';
import type { GateOptions } from '../gate.js';
import type { DiscoverSettings, Policy, TargetSettings } from '../policy/policy.js';
import type { Lang, Phase, Severity } from '../types.js';
import type { Shard } from '../discover/shard.js';

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
  lang?: Lang;
  browserPath?: string;
  browserArgs?: string[];
  timeoutMs?: number;
  maxTimeMs?: number;
  concurrency?: number;
  fastForwardMs?: number;
  phases?: Phase[];
  retries?: number;
  shard?: Shard;
}

const TARGET_KEYS = ['url', 'start', 'static'] as const;

/**
 * Flags win over the policy file. A target given as a flag replaces the policy's target as a whole:
 * mixing a flag's --static with the file's url would scan something nobody asked for.
 */
export function gateOptions(flags: RunFlags, policy: Policy, cwd: string): GateOptions & { policy: Policy } {
  const fromFile = TARGET_KEYS.some((key) => flags[key] !== undefined) ? {} : policy.target;
  const keys = ['url', 'start', 'waitOn', 'readyPattern', 'static', 'spa', 'basePath'] as const;
  const startTimeoutMs = flags.startTimeout ?? fromFile.startTimeout;
  const target = { ...pick(fromFile, keys), ...pick(flags, keys), ...(startTimeoutMs !== undefined ? { startTimeoutMs } : {}) };
  return {
    policy: {
      ...policy,
      ...(flags.baseline !== undefined ? { baselinePath: resolve(cwd, flags.baseline) } : {}),
      ...(flags.failOn !== undefined ? { failOn: flags.failOn } : {}),
      ...(flags.lang !== undefined ? { lang: flags.lang } : {}),
    },
    target,
    discover: {
      ...policy.discover,
      ...pick(flags, ['include', 'exclude', 'sitemap', 'sitemapFind', 'sitemapReplace', 'crawl', 'depth', 'maxPages']),
      pages: flags.pages ?? policy.pages,
    },
    cwd,
    ...pick(flags, ['headers', 'updateBaseline', 'browserPath', 'browserArgs', 'timeoutMs', 'maxTimeMs', 'concurrency', 'fastForwardMs', 'phases', 'retries', 'shard']),
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Partial<Pick<T, K>>;
}
