#!/usr/bin/env node
import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  GateError,
  TOOL_VERSION,
  defaultPolicy,
  didYouMean,
  errorText,
  findPolicyFile,
  formatConsole,
  formatJson,
  loadPolicy,
  runGate,
  writeFileAtomic
} from "./chunks/chunk-7YPDZ3RM.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
var FORMATS = ["console", "json"];
var OPTIONS = {
  config: { type: "string", short: "c" },
  baseline: { type: "string" },
  "update-baseline": { type: "boolean" },
  prune: { type: "boolean" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  "browser-path": { type: "string" },
  "browser-arg": { type: "string", multiple: true },
  timeout: { type: "string" },
  concurrency: { type: "string" },
  "fast-forward": { type: "string" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" }
};
function wholeNumber(flag, value, min) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new GateError(`--${flag} takes a whole number of at least ${min}; got "${value}".`);
  return Number(value);
}
function formats(value) {
  if (value === void 0) return ["console"];
  const list = value.split(",").map((f) => f.trim()).filter(Boolean);
  for (const f of list) {
    if (!FORMATS.includes(f)) throw new GateError(`--format: unknown format "${f}". Choose from: ${FORMATS.join(", ")}.`);
  }
  return list;
}
function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new GateError(`${errorText(error).replace(/\. To specify.*$/s, ".")} Run consent-gate --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  const [command, ...rest] = positionals;
  if (command === void 0) return { command: "help" };
  if (command !== "scan" && command !== "baseline") {
    throw new GateError(`Unknown command "${command}".${didYouMean(command, ["scan", "baseline"])} Commands: scan, baseline.`);
  }
  if (values.prune && command !== "baseline" && !values["update-baseline"]) {
    throw new GateError("--prune goes with the baseline command (or scan --update-baseline): consent-gate baseline --prune.");
  }
  const timeoutMs = wholeNumber("timeout", values.timeout, 1e3);
  const concurrency = wholeNumber("concurrency", values.concurrency, 1);
  const fastForwardMs = wholeNumber("fast-forward", values["fast-forward"], 0);
  return {
    command,
    urls: rest,
    ...values.config !== void 0 ? { config: values.config } : {},
    ...values.baseline !== void 0 ? { baseline: values.baseline } : {},
    updateBaseline: command === "baseline" || (values["update-baseline"] ?? false),
    prune: values.prune ?? false,
    formats: formats(values.format),
    ...values.output !== void 0 ? { output: values.output } : {},
    ...values["browser-path"] !== void 0 ? { browserPath: values["browser-path"] } : {},
    browserArgs: values["browser-arg"] ?? [],
    ...timeoutMs !== void 0 ? { timeoutMs } : {},
    ...concurrency !== void 0 ? { concurrency } : {},
    ...fastForwardMs !== void 0 ? { fastForwardMs } : {},
    quiet: values.quiet ?? false
  };
}
var HELP = `Usage: consent-gate scan [url\u2026] [options]
       consent-gate baseline [url\u2026] [--prune] [options]

scan opens each page in Chromium as a first-time visitor who has not consented, and fails when
tracking cookies, tracking storage, tracker requests or social plugins load. Without URLs it scans
the policy's target.url with its pages.
baseline scans the same way and records every finding that is not allowed in the baseline file,
so only new findings fail later scans; --prune also drops entries no longer seen.

Options:
  -c, --config FILE      policy file (default: consent-gate.json or .consent-gate.json here)
  --baseline FILE        baseline file (default: the policy's, else consent-gate.baseline.json)
  --update-baseline      scan, then record the findings in the baseline (as the baseline command)
  --prune                with baseline: drop entries whose findings are gone
  --format LIST          console (default), json; comma-separated
  -o, --output FILE      write the JSON report to FILE (default: stdout when --format json)
  --browser-path PATH    Chrome/Chromium to use (else $CONSENT_GATE_BROWSER, Playwright's, system)
  --browser-arg FLAG     extra Chromium flag, repeatable (proxies, --host-resolver-rules=\u2026)
  --timeout MS           time a page may take to reach "load" (default 30000)
  --concurrency N        pages scanned in parallel (default: cores, at most 3)
  --fast-forward MS      fake-clock time run after load to fire delayed trackers (default 10000;
                         0 waits 5 s in real time instead, for sites the fake clock disturbs)
  -q, --quiet            no per-page progress lines
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 passed \xB7 1 error findings \xB7 2 usage, configuration or environment error \xB7
            3 a page could not be scanned (never a pass)
`;

// src/cli.ts
import { resolve } from "node:path";

// src/target/pages.ts
function pageUrls(given, policy) {
  if (given.length > 0) return [...given];
  const base = policy.target.url;
  if (!base) {
    throw new GateError(
      `No pages to scan. Give URLs (consent-gate scan http://localhost:4173/) or set "target": {"url": \u2026} in ${policy.path ?? "consent-gate.json"}.`
    );
  }
  const pages = policy.pages.length > 0 ? policy.pages : ["/"];
  return pages.map((page) => {
    try {
      return new URL(page, base).href;
    } catch {
      throw new GateError(`${policy.path}: /target/url ${JSON.stringify(base)} is not a URL; give a full address such as http://localhost:4173/.`);
    }
  });
}

// src/cli.ts
function progressLine({ done, total, page, findings }) {
  const scan2 = page.phases[0];
  const errors = findings.filter((f) => f.severity === "error").length;
  const state = scan2.error ? `could not scan: ${scan2.error}` : errors ? `${errors} error(s)` : "ok";
  const width = String(total).length;
  return `[${String(done).padStart(width)}/${total}] ${page.url}  ${(scan2.durationMs / 1e3).toFixed(1)} s  ${state}
`;
}
async function scan(args) {
  const jsonToStdout = args.formats.includes("json") && args.output === void 0;
  const cwd = process.cwd();
  const file = findPolicyFile(cwd, args.config);
  const loaded = file ? loadPolicy(file) : defaultPolicy(cwd);
  const policy = args.baseline ? { ...loaded, baselinePath: resolve(cwd, args.baseline) } : loaded;
  const result = await runGate({
    urls: pageUrls(args.urls, policy),
    policy,
    ...args.updateBaseline ? { updateBaseline: { prune: args.prune } } : {},
    browserArgs: args.browserArgs,
    ...args.browserPath !== void 0 ? { browserPath: args.browserPath } : {},
    ...args.timeoutMs !== void 0 ? { timeoutMs: args.timeoutMs } : {},
    ...args.concurrency !== void 0 ? { concurrency: args.concurrency } : {},
    ...args.fastForwardMs !== void 0 ? { fastForwardMs: args.fastForwardMs } : {},
    ...args.quiet ? {} : { onPage: (p) => process.stderr.write(progressLine(p)) }
  });
  if (args.formats.includes("json")) {
    if (args.output === void 0) process.stdout.write(formatJson(result));
    else writeFileAtomic(args.output, formatJson(result));
  }
  (jsonToStdout ? process.stderr : process.stdout).write(formatConsole(result));
  if (args.updateBaseline && !result.baseline.updated) {
    process.stderr.write(`consent-gate: the baseline was not written: pages that could not be scanned would record a partial truth. Fix the scan errors, then run it again.
`);
  }
  return result.verdict.exitCode;
}
async function main(argv) {
  const args = parseCli(argv);
  if (args.command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.command === "version") {
    process.stdout.write(`${TOOL_VERSION}
`);
    return 0;
  }
  return scan(args);
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof GateError) {
      process.stderr.write(`consent-gate: ${error.message}
`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`consent-gate: internal error, the scan did not complete:
${error instanceof Error ? error.stack : String(error)}
`);
      process.exitCode = 3;
    }
  }
);
