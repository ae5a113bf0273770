import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  GateError,
  PHASES,
  didYouMean
} from "./chunk-DRWGCARU.js";

// src/config.ts
import { resolve } from "node:path";
function parseFailOn(value, name) {
  if (value === void 0 || value === "error" || value === "warn") return value;
  throw new GateError(`${name} takes "error" or "warn"; got "${value}".${didYouMean(value, ["error", "warn"])}`);
}
function parsePhases(value, name) {
  if (value === void 0) return void 0;
  const list = value.split(",").map((p) => p.trim()).filter(Boolean);
  for (const phase of list) {
    if (!PHASES.includes(phase)) throw new GateError(`${name}: unknown phase "${phase}".${didYouMean(phase, PHASES)} Phases: ${PHASES.join(", ")}.`);
  }
  return list;
}
var TARGET_KEYS = ["url", "start", "static"];
function gateOptions(flags, policy, cwd) {
  const fromFile = TARGET_KEYS.some((key) => flags[key] !== void 0) ? {} : policy.target;
  const keys = ["url", "start", "waitOn", "readyPattern", "static", "spa"];
  const startTimeoutMs = flags.startTimeout ?? fromFile.startTimeout;
  const target = { ...pick(fromFile, keys), ...pick(flags, keys), ...startTimeoutMs !== void 0 ? { startTimeoutMs } : {} };
  return {
    policy: {
      ...policy,
      ...flags.baseline !== void 0 ? { baselinePath: resolve(cwd, flags.baseline) } : {},
      ...flags.failOn !== void 0 ? { failOn: flags.failOn } : {}
    },
    target,
    discover: {
      ...policy.discover,
      ...pick(flags, ["include", "exclude", "sitemap", "sitemapFind", "sitemapReplace", "crawl", "depth", "maxPages"]),
      pages: flags.pages ?? policy.pages
    },
    cwd,
    ...pick(flags, ["headers", "updateBaseline", "browserPath", "browserArgs", "timeoutMs", "concurrency", "fastForwardMs", "phases", "retries"])
  };
}
function pick(value, keys) {
  return Object.fromEntries(keys.filter((k) => value[k] !== void 0).map((k) => [k, value[k]]));
}

export {
  parseFailOn,
  parsePhases,
  gateOptions
};
