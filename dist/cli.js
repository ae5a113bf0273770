#!/usr/bin/env node
import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  OPTIONS,
  checkReportTargets,
  convert,
  gateOptions,
  needsScreenshots,
  progressOutput,
  takes,
  writeReports
} from "./chunks/chunk-BNUNWBGQ.js";
import {
  judgeReport
} from "./chunks/chunk-N2MXDFGA.js";
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
  loadPolicy,
  onShutdown,
  runGate,
  writeFileAtomic
} from "./chunks/chunk-UBGRFCTJ.js";

// src/entry/cli.ts
import { relative as relative2, resolve as resolve2 } from "node:path";

// src/entry/args.ts
import { parseArgs } from "node:util";
var COMMANDS = ["scan", "baseline", "judge", "init"];
var PARSE_OPTIONS = {
  ...Object.fromEntries(
    OPTIONS.map((o) => [o.flag, { type: o.kind === "boolean" ? "boolean" : "string", ...o.kind === "strings" ? { multiple: true } : {}, ...o.short ? { short: o.short } : {} }])
  ),
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" }
};
var FLAGS = Object.entries(PARSE_OPTIONS).flatMap(([name, o]) => ["--" + name, ...o.short ? ["-" + o.short] : []]);
function progressLevel(given) {
  if (given.quiet && given.verbose) throw new GateError("--quiet and --verbose ask for opposite things; give one of them.");
  return given.quiet ? "quiet" : given.verbose ? "verbose" : "normal";
}
function readGiven(values, command) {
  const given = {};
  for (const spec of OPTIONS) {
    const value = values[spec.flag];
    if (value === void 0) continue;
    if (!takes(spec, command)) {
      const with_ = (spec.commands ?? ["scan", "baseline"]).join(" or ");
      throw new GateError(`--${spec.flag} goes with the ${with_} command, not ${command}: consent-gate ${spec.commands?.[0] ?? "scan"} --${spec.flag}.`);
    }
    given[spec.key] = convert(spec, typeof value === "boolean" ? [String(value)] : Array.isArray(value) ? value.map(String) : [String(value)], `--${spec.flag}`);
  }
  return given;
}
function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: PARSE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = errorText(error).replace(/\. To specify.*$/s, ".");
    const unknown = /Unknown option '(--[^']+)'/.exec(message)?.[1];
    const hint = unknown ? didYouMean(unknown, Object.keys(PARSE_OPTIONS).map((o) => `--${o}`)) : "";
    throw new GateError(`${message}${hint} Run consent-gate --help for the options.`);
  }
  const { positionals } = parsed;
  const values = parsed.values;
  if (values["help"]) return { command: "help" };
  if (values["version"]) return { command: "version" };
  const [command, ...rest] = positionals;
  if (command === void 0) return { command: "help" };
  if (!COMMANDS.includes(command)) {
    throw new GateError(`Unknown command "${command}".${didYouMean(command, COMMANDS)} Commands: ${COMMANDS.join(", ")}.`);
  }
  const given = readGiven(values, command);
  if (command === "init") return { command, hook: given.hook ?? false, force: given.force ?? false };
  const updating = command === "baseline" || given.updateBaseline !== void 0;
  if (given.prune && !updating) {
    throw new GateError(`--prune goes with the baseline command (or --update-baseline): consent-gate ${command === "judge" ? "judge REPORT --update-baseline" : "baseline"} --prune.`);
  }
  const { config, formats, output, reportDir, quiet: _quiet, verbose: _verbose, prune, hook: _hook, force: _force, updateBaseline: _update, ...flags } = given;
  const common = {
    flags: { ...flags, ...updating ? { updateBaseline: { prune: prune ?? false } } : {} },
    ...config !== void 0 ? { config } : {},
    ...output !== void 0 ? { output } : {},
    ...reportDir !== void 0 ? { reportDir } : {},
    formats: formats ?? ["console"],
    progress: progressLevel(given)
  };
  if (command === "judge") {
    const [report2, ...extra] = rest;
    if (report2 === void 0 || extra.length > 0) throw new GateError("judge takes one saved JSON report: consent-gate judge consent-gate-report/consent-gate-report.json");
    return { command, report: report2, ...common };
  }
  if (rest.length > 0) common.flags.pages = [...rest, ...common.flags.pages ?? []];
  return { command, ...common };
}
function wrap(text, indent, width = 100) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
function optionLines(group) {
  const COLUMN = 25;
  return OPTIONS.filter((o) => o.group === group).flatMap((o) => {
    const names = `${o.short ? `-${o.short}, ` : ""}--${o.flag}${o.arg ? ` ${o.arg}` : ""}`;
    const [first, ...more] = wrap(o.help, COLUMN);
    const lead = `  ${names}`.padEnd(COLUMN - 1);
    return [`${lead} ${first}`, ...more.map((line) => `${" ".repeat(COLUMN)}${line}`)];
  });
}
var HELP = `Usage: consent-gate scan [url\u2026] [options]
       consent-gate baseline [url\u2026] [--prune] [options]
       consent-gate judge REPORT.json [options]
       consent-gate init [--hook] [--force]

scan opens each page in Chromium as a first-time visitor: without touching anything, after
scrolling and browsing, after rejecting and after accepting the consent banner. It fails when
tracking cookies, storage, tracker requests or social plugins load before consent or after a
refusal, and when the banner does not offer a fair choice. Settings not given as flags come from
the policy file.
baseline scans the same way and records every finding that is not allowed in the baseline file,
so only new findings fail later scans; --prune also drops entries no longer seen.
judge reads a JSON report a scan wrote and judges it again with the current policy and baseline,
without a browser: tune an allow list in seconds.
init writes a starter consent-gate.json (never over an existing one without --force); with --hook
it also installs a git pre-push hook that runs the gate (or prints the husky/lefthook line).

Target (one):
${optionLines("Target").join("\n")}

Pages (default: the start page plus up to 10 found by sitemap, else by a one-level crawl; with
--static: every HTML file):
${optionLines("Pages").join("\n")}

Policy and baseline:
${optionLines("Policy and baseline").join("\n")}

Output and browser:
${optionLines("Output and browser").join("\n")}
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 passed \xB7 1 new findings at or above failOn \xB7 2 usage, configuration or environment
            error \xB7 3 a page could not be scanned, or none was (never a pass)
`;

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
function loadPolicyFor(args, cwd) {
  const file = findPolicyFile(cwd, args.config);
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  return gateOptions(args.flags, policy, cwd).policy;
}
var targetsOf = (args) => ({
  ...args.output ? { output: args.output } : {},
  ...args.reportDir ? { reportDir: args.reportDir } : {}
});
function report(result, args, cwd) {
  const { files, stdout } = writeReports(result, args.formats, targetsOf(args), cwd);
  if (stdout) process.stdout.write(stdout.render(result));
  (stdout ? process.stderr : process.stdout).write(formatConsole(result));
  for (const [name, path] of files) process.stderr.write(`report (${name}): ${relative2(cwd, path) || path}
`);
  if (args.flags.updateBaseline && !result.baseline.updated) {
    process.stderr.write(`consent-gate: the baseline was not written: pages that could not be scanned would record a partial truth. Fix the scan errors, then run it again.
`);
  }
  return result.verdict.exitCode;
}
async function scan(args) {
  const cwd = process.cwd();
  const options = gateOptions(args.flags, loadPolicyFor(args, cwd), cwd);
  checkReportTargets(args.formats, targetsOf(args));
  const progress = args.progress === "quiet" ? null : progressOutput(process.stderr, args.progress === "verbose");
  const forgetProgress = onShutdown(async () => progress?.stop());
  let result;
  try {
    result = await runGate({
      ...options,
      screenshots: needsScreenshots(args.formats),
      ...progress ? { onPlan: progress.onPlan, onVisit: progress.onVisit, onPage: progress.onPage } : {}
    });
  } finally {
    progress?.stop();
    forgetProgress();
  }
  return report(result, args, cwd);
}
function judge(args) {
  const cwd = process.cwd();
  checkReportTargets(args.formats, targetsOf(args));
  const result = judgeReport(resolve2(cwd, args.report), loadPolicyFor(args, cwd), args.flags.updateBaseline ? { updateBaseline: args.flags.updateBaseline } : {});
  return report(result, args, cwd);
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
  return args.command === "judge" ? judge(args) : scan(args);
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
