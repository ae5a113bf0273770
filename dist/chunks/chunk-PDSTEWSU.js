import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  FORMAT_NAMES,
  GateError,
  PHASES,
  didYouMean,
  pagePath,
  progressLine
} from "./chunk-NTXLO5CI.js";

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
function parseFormats(value, name) {
  const list = value.split(",").map((f) => f.trim()).filter(Boolean);
  for (const f of list) {
    if (!FORMAT_NAMES.includes(f)) throw new GateError(`${name}: unknown format "${f}".${didYouMean(f, FORMAT_NAMES)} Choose from: ${FORMAT_NAMES.join(", ")}.`);
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

// src/report/progress.ts
function duration(ms) {
  const s = Math.round(ms / 1e3);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}
var PHASE_WIDTH = Math.max(...PHASES.map((p) => p.length));
function visitLine(url, scan) {
  const what = scan.error ? `could not scan: ${scan.error}` : [scan.action?.detail, `${scan.requests.length} requests, ${scan.cookies.length} cookies, ${scan.storage.length} storage keys`].filter(Boolean).join(" \xB7 ");
  return `      ${scan.phase.padEnd(PHASE_WIDTH)}  ${(scan.durationMs / 1e3).toFixed(1).padStart(5)} s  ${pagePath({ page: url })}  ${what}`;
}
function progressOutput(stream, verbose, now = Date.now) {
  const live = stream.isTTY === true;
  const started = now();
  const running = /* @__PURE__ */ new Map();
  let total = 0;
  let done = 0;
  let drawn = false;
  const status = () => {
    const elapsed = now() - started;
    const left = done > 0 && done < total ? ` \xB7 about ${duration(elapsed / done * (total - done))} left` : "";
    const visiting = [...running].map(([url, phase]) => `${pagePath({ page: url })} ${phase}`).join(", ");
    return `${done}/${total} pages \xB7 ${duration(elapsed)}${left}${visiting ? ` \xB7 ${visiting}` : ""}`;
  };
  const draw = () => {
    if (!live) return;
    stream.write(`\r\x1B[2K${status().slice(0, Math.max(40, (stream.columns || 100) - 1))}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) stream.write("\r\x1B[2K");
    drawn = false;
  };
  const say = (text) => {
    clear();
    stream.write(`${text}
`);
    draw();
  };
  const ticker = live ? setInterval(draw, 1e3) : null;
  ticker?.unref();
  return {
    onPlan: ({ urls, notes }) => {
      total = urls.length;
      say([`scanning ${urls.length} page(s)`, ...notes.map((n) => `note: ${n}`)].join("\n"));
    },
    onVisit: (visit) => {
      if (visit.scan === null) {
        running.set(visit.url, visit.phase);
        draw();
      } else if (verbose) {
        say(visitLine(visit.url, visit.scan));
      }
    },
    onPage: (progress) => {
      done = progress.done;
      running.delete(progress.page.url);
      say(progressLine(progress));
    },
    stop: () => {
      if (ticker) clearInterval(ticker);
      clear();
    }
  };
}

export {
  parseFailOn,
  parsePhases,
  parseFormats,
  gateOptions,
  visitLine,
  progressOutput
};
