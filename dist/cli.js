#!/usr/bin/env node
import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  checkReportTargets,
  gateOptions,
  needsScreenshots,
  parseFailOn,
  parseFormats,
  parsePhases,
  progressOutput,
  writeReports
} from "./chunks/chunk-MFBMQQB4.js";
import {
  GateError,
  POLICY_FILES,
  TOOL_VERSION,
  defaultPolicy,
  didYouMean,
  errorText,
  exitCleanlyOnSignals,
  findPolicyFile,
  formatConsole,
  formatJson,
  loadPolicy,
  onShutdown,
  runGate,
  writeFileAtomic
} from "./chunks/chunk-6A6K3BLV.js";

// src/entry/args.ts
import { parseArgs } from "node:util";
var OPTIONS = {
  config: { type: "string", short: "c" },
  url: { type: "string" },
  header: { type: "string", multiple: true },
  start: { type: "string" },
  "wait-on": { type: "string" },
  "ready-pattern": { type: "string" },
  "start-timeout": { type: "string" },
  static: { type: "string" },
  spa: { type: "boolean" },
  page: { type: "string", multiple: true },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  sitemap: { type: "string" },
  "sitemap-find": { type: "string" },
  "sitemap-replace": { type: "string" },
  crawl: { type: "boolean" },
  depth: { type: "string" },
  "max-pages": { type: "string" },
  baseline: { type: "string" },
  "update-baseline": { type: "boolean" },
  "fail-on": { type: "string" },
  prune: { type: "boolean" },
  hook: { type: "boolean" },
  force: { type: "boolean" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  "report-dir": { type: "string" },
  "browser-path": { type: "string" },
  "browser-arg": { type: "string", multiple: true },
  timeout: { type: "string" },
  concurrency: { type: "string" },
  "fast-forward": { type: "string" },
  phases: { type: "string" },
  retries: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" }
};
var FLAGS = Object.entries(OPTIONS).flatMap(([name, o]) => ["--" + name, ..."short" in o ? ["-" + o.short] : []]);
function progressLevel(quiet, verbose2) {
  if (quiet && verbose2) throw new GateError("--quiet and --verbose ask for opposite things; give one of them.");
  return quiet ? "quiet" : verbose2 ? "verbose" : "normal";
}
function wholeNumber(flag, value, min) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new GateError(`--${flag} takes a whole number of at least ${min}; got "${value}".`);
  return Number(value);
}
function headers(list) {
  if (!list) return void 0;
  const result = {};
  for (const item of list) {
    const at = item.indexOf(":");
    const name = item.slice(0, Math.max(at, 0)).trim();
    if (at <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new GateError(`--header takes "Name: value" (e.g. --header "x-vercel-protection-bypass: $TOKEN"); the header named "${name || "(none)"}" is not one.`);
    }
    result[name] = item.slice(at + 1).trim();
  }
  return result;
}
function defined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = errorText(error).replace(/\. To specify.*$/s, ".");
    const unknown = /Unknown option '(--[^']+)'/.exec(message)?.[1];
    const hint = unknown ? didYouMean(unknown, Object.keys(OPTIONS).map((o) => `--${o}`)) : "";
    throw new GateError(`${message}${hint} Run consent-gate --help for the options.`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { command: "help" };
  if (v.version) return { command: "version" };
  const [command, ...urls] = positionals;
  if (command === void 0) return { command: "help" };
  if (command === "init") return { command, hook: v.hook ?? false, force: v.force ?? false };
  if (command !== "scan" && command !== "baseline") {
    throw new GateError(`Unknown command "${command}".${didYouMean(command, ["scan", "baseline", "init"])} Commands: scan, baseline, init.`);
  }
  if (v.hook || v.force) throw new GateError("--hook and --force go with the init command: consent-gate init --hook.");
  if (v.prune && command !== "baseline" && !v["update-baseline"]) {
    throw new GateError("--prune goes with the baseline command (or scan --update-baseline): consent-gate baseline --prune.");
  }
  const flags = defined({
    url: v.url,
    start: v.start,
    waitOn: v["wait-on"],
    readyPattern: v["ready-pattern"],
    startTimeout: wholeNumber("start-timeout", v["start-timeout"], 1e3),
    static: v.static,
    spa: v.spa,
    headers: headers(v.header),
    pages: urls.length > 0 || v.page ? [...urls, ...v.page ?? []] : void 0,
    include: v.include,
    exclude: v.exclude,
    sitemap: v.sitemap,
    sitemapFind: v["sitemap-find"],
    sitemapReplace: v["sitemap-replace"],
    crawl: v.crawl,
    depth: wholeNumber("depth", v.depth, 1),
    maxPages: wholeNumber("max-pages", v["max-pages"], 1),
    baseline: v.baseline,
    failOn: parseFailOn(v["fail-on"], "--fail-on"),
    updateBaseline: command === "baseline" || v["update-baseline"] ? { prune: v.prune ?? false } : void 0,
    browserPath: v["browser-path"],
    browserArgs: v["browser-arg"],
    timeoutMs: wholeNumber("timeout", v.timeout, 1e3),
    concurrency: wholeNumber("concurrency", v.concurrency, 1),
    fastForwardMs: wholeNumber("fast-forward", v["fast-forward"], 0),
    phases: parsePhases(v.phases, "--phases"),
    retries: wholeNumber("retries", v.retries, 0)
  });
  return {
    command,
    flags,
    ...defined({ config: v.config, output: v.output, reportDir: v["report-dir"] }),
    formats: v.format === void 0 ? ["console"] : parseFormats(v.format, "--format"),
    progress: progressLevel(v.quiet, v.verbose)
  };
}
var HELP = `Usage: consent-gate scan [url\u2026] [options]
       consent-gate baseline [url\u2026] [--prune] [options]
       consent-gate init [--hook] [--force]

scan opens each page in Chromium as a first-time visitor: without touching anything, after
scrolling and browsing, after rejecting and after accepting the consent banner. It fails when
tracking cookies, storage, tracker requests or social plugins load before consent or after a
refusal, and when the banner does not offer a fair choice. Settings not given as flags come from
the policy file.
baseline scans the same way and records every finding that is not allowed in the baseline file,
so only new findings fail later scans; --prune also drops entries no longer seen.
init writes a starter consent-gate.json (never over an existing one without --force); with --hook
it also installs a git pre-push hook that runs the gate (or prints the husky/lefthook line).

Target (one):
  --url URL              an already running site (a deployed preview, a local server)
  --start CMD            run the project's preview command; with --wait-on and/or --ready-pattern
  --wait-on URL          with --start: ready once this URL answers; also the start page
  --ready-pattern RE     with --start: ready once the command prints a line matching RE
  --start-timeout MS     how long the preview may take to get ready (default 60000)
  --static DIR           serve a built site (dist/, build/, out/, public/) on a free loopback port
  --spa                  with --static: serve index.html for paths that match no file
  --header "N: V"        request header for the target only, repeatable (bypass tokens, basic auth);
                         values are never printed

Pages (default: the start page plus up to 10 found by sitemap, else by a one-level crawl; with
--static: every HTML file):
  --page PATH            a page to scan, repeatable; URLs given as arguments count too
  --include GLOB         with --static: HTML files to take (default **/*.html), repeatable
  --exclude GLOB         with --static: HTML files to leave out, repeatable
  --sitemap URL          read pages from a sitemap (or sitemap index); "auto" for /sitemap.xml
  --sitemap-find TEXT    rewrite sitemap URLs: replace TEXT (e.g. the production host) \u2026
  --sitemap-replace TEXT \u2026 with this (e.g. the preview host)
  --crawl                follow same-site links from the start page
  --depth N              crawl depth (default 1)
  --max-pages N          most pages found by glob, sitemap or crawl to scan (default 10)

Policy and baseline:
  -c, --config FILE      policy file (default: consent-gate.json or .consent-gate.json here)
  --baseline FILE        baseline file (default: the policy's, else consent-gate.baseline.json)
  --update-baseline      scan, then record the findings in the baseline (as the baseline command)
  --prune                with baseline: drop entries whose findings are gone
  --fail-on LEVEL        error or warn: the lowest severity of a new finding that fails (default:
                         the policy's failOn, else error)

Output and browser:
  --format LIST          console (default), json, html, sarif, junit, codequality, markdown;
                         comma-separated; html is one self-contained file with screenshots
  --report-dir DIR       write each report format there (default: consent-gate-report when more
                         than one file format is asked for)
  -o, --output FILE      write the one report format asked for to FILE (json alone: default stdout)
  --browser-path PATH    Chrome/Chromium to use (else $CONSENT_GATE_BROWSER, Playwright's, system)
  --browser-arg FLAG     extra Chromium flag, repeatable (proxies, --host-resolver-rules=\u2026)
  --timeout MS           time a page may take to reach "load" (default 30000)
  --concurrency N        pages scanned in parallel (default: cores, at most 3)
  --fast-forward MS      fake-clock time run after load to fire delayed trackers (default 10000;
                         0 waits 5 s in real time instead, for sites the fake clock disturbs)
  --phases LIST          visits per page (default all): initial (no interaction), after-scroll,
                         after-reject, after-accept; initial always runs
  --retries N            retry a page load that failed for network reasons N times (default 0);
                         findings are never retried away
  -q, --quiet            no progress output, only the summary
  --verbose              a line per visit (page \xD7 phase) while scanning, stack traces on errors
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 passed \xB7 1 new findings at or above failOn \xB7 2 usage, configuration or environment
            error \xB7 3 a page could not be scanned (never a pass)
`;

// src/entry/cli.ts
import { relative as relative2 } from "node:path";

// src/entry/init.ts
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
var BUILD_FOLDERS = ["dist", "build", "out", "public", "_site"];
function guessTarget(cwd) {
  const folder = BUILD_FOLDERS.find((f) => existsSync(join(cwd, f)) && statSync(join(cwd, f)).isDirectory());
  return folder ? { static: folder } : { url: "http://localhost:4173/" };
}
function starterPolicy(cwd) {
  const policy = {
    $schema: "./node_modules/consent-gate/schema/policy.schema.json",
    target: guessTarget(cwd),
    jurisdiction: "eu",
    allow: { cookies: [], storage: [], hosts: [], urls: [] },
    failOn: "error"
  };
  return JSON.stringify(policy, null, 2) + "\n";
}
var HOOK_MARK = "# consent-gate pre-push hook";
var HOOK_SCRIPT = `#!/bin/sh
${HOOK_MARK}: blocks a push that makes the site track visitors before they consent.
npx --no-install consent-gate scan --quiet
status=$?
if [ "$status" -ne 0 ]; then
  echo "" >&2
  echo "consent-gate: push blocked (exit $status). Fix the findings above, or record them as known with" >&2
  echo "  npx consent-gate baseline   (and commit consent-gate.baseline.json)." >&2
  echo "To push anyway: git push --no-verify" >&2
fi
exit "$status"
`;
var HUSKY = `Husky is in use: add this line to .husky/pre-push

  npx --no-install consent-gate scan --quiet
`;
var LEFTHOOK = `Lefthook is in use: add this to lefthook.yml

  pre-push:
    commands:
      consent-gate:
        run: npx --no-install consent-gate scan --quiet
`;
function hooksFolder(cwd) {
  const git = spawnSync("git", ["rev-parse", "--git-path", "hooks"], { cwd, encoding: "utf8" });
  if (git.status !== 0) throw new GateError(`--hook: ${cwd} is not inside a git repository (git rev-parse failed). Run it from the site's repository.`);
  return resolve(cwd, git.stdout.trim());
}
function init(options) {
  const { cwd } = options;
  const done = [];
  const existing = POLICY_FILES.map((name) => join(cwd, name)).find((path) => existsSync(path));
  if (existing && !options.force) {
    done.push(`${relative(cwd, existing)} exists; left as it is (--force overwrites it).`);
  } else {
    const path = join(cwd, POLICY_FILES[0]);
    writeFileAtomic(path, starterPolicy(cwd));
    done.push(`wrote ${relative(cwd, path)}: check its target, then run npx consent-gate scan.`);
  }
  if (!options.hook) return done;
  if (existsSync(join(cwd, ".husky"))) return [...done, HUSKY];
  if (["lefthook.yml", "lefthook.yaml", ".lefthook.yml"].some((f) => existsSync(join(cwd, f)))) return [...done, LEFTHOOK];
  const hook = join(hooksFolder(cwd), "pre-push");
  if (existsSync(hook) && !options.force && !readFileSync(hook, "utf8").includes(HOOK_MARK)) {
    throw new GateError(`${relative(cwd, hook)} already exists and is not ours. Add "npx --no-install consent-gate scan --quiet" to it, or overwrite it with --force.`);
  }
  writeFileAtomic(hook, HOOK_SCRIPT);
  chmodSync(hook, 493);
  done.push(`installed ${relative(cwd, hook)}: every git push now runs the gate first.`);
  return done;
}

// src/entry/cli.ts
var verbose = false;
function stackOf(error) {
  if (!(error instanceof Error)) return String(error);
  return [error.stack ?? error.message, ...error.cause === void 0 ? [] : [`caused by: ${stackOf(error.cause)}`]].join("\n");
}
async function scan(args) {
  const cwd = process.cwd();
  const file = findPolicyFile(cwd, args.config);
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  const where = { ...args.output ? { output: args.output } : {}, ...args.reportDir ? { reportDir: args.reportDir } : {} };
  checkReportTargets(args.formats, where);
  const progress = args.progress === "quiet" ? null : progressOutput(process.stderr, args.progress === "verbose");
  const forgetProgress = onShutdown(async () => progress?.stop());
  let result;
  try {
    result = await runGate({
      ...gateOptions(args.flags, policy, cwd),
      screenshots: needsScreenshots(args.formats),
      ...progress ? { onPlan: progress.onPlan, onVisit: progress.onVisit, onPage: progress.onPage } : {}
    });
  } finally {
    progress?.stop();
    forgetProgress();
  }
  const written = writeReports(result, args.formats, where, cwd);
  const jsonToStdout = args.formats.includes("json") && !written.has("json");
  if (jsonToStdout) process.stdout.write(formatJson(result));
  (jsonToStdout ? process.stderr : process.stdout).write(formatConsole(result));
  for (const [name, path] of written) process.stderr.write(`report (${name}): ${relative2(cwd, path) || path}
`);
  if (args.flags.updateBaseline && !result.baseline.updated) {
    process.stderr.write(`consent-gate: the baseline was not written: pages that could not be scanned would record a partial truth. Fix the scan errors, then run it again.
`);
  }
  return result.verdict.exitCode;
}
async function main(argv) {
  const args = parseCli(argv);
  verbose = "progress" in args && args.progress === "verbose";
  if (args.command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.command === "init") {
    for (const line of init({ cwd: process.cwd(), hook: args.hook, force: args.force })) process.stdout.write(`${line}
`);
    return 0;
  }
  if (args.command === "version") {
    process.stdout.write(`${TOOL_VERSION}
`);
    return 0;
  }
  return scan(args);
}
exitCleanlyOnSignals();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof GateError) {
      process.stderr.write(`consent-gate: ${error.message}
`);
      if (verbose) process.stderr.write(`${stackOf(error)}
`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`consent-gate: internal error, the scan did not complete:
${stackOf(error)}
`);
      process.exitCode = 3;
    }
  }
);
