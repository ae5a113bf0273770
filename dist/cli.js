#!/usr/bin/env node
import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  DECLARATION_FORMATS,
  DECLARATION_WORDS,
  DEFAULT_REPORT_DIR,
  OPTIONS,
  SCANNING,
  checkReportTargets,
  convert,
  gateOptions,
  keepWatchIssue,
  mergeReports,
  needsScreenshots,
  outputKind,
  progressOutput,
  reportPlace,
  siteName,
  takes,
  writeReports
} from "./chunks/chunk-RED3TAPA.js";
import {
  DEFAULT_BASELINE,
  GateError,
  POLICY_FILES,
  RunSecrets,
  TOOL_VERSION,
  declaredVisit,
  defaultPolicy,
  didYouMean,
  errorText,
  exitCleanlyOnSignals,
  findPolicyFile,
  formatConsole,
  judgeReport,
  lifetimeWords,
  loadPolicy,
  nothingSecret,
  onShutdown,
  pageLabel,
  plural,
  runGate,
  stopping,
  storageLifetimeWords,
  writeFileAtomic
} from "./chunks/chunk-EXPOU2S5.js";
import "./chunks/chunk-KJFGTTMY.js";

// src/entry/cli.ts
import { relative as relative4, resolve as resolve3 } from "node:path";

// src/entry/args.ts
import { parseArgs } from "node:util";
var COMMANDS = ["scan", "baseline", "judge", "merge-reports", "declaration", "init", "pre-push"];
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
      const with_ = (spec.commands ?? SCANNING).join(" or ");
      throw new GateError(`--${spec.flag} goes with the ${with_} command, not ${command}: consent-gate ${spec.commands?.[0] ?? "scan"} --${spec.flag}.`);
    }
    given[spec.key] = convert(spec, typeof value === "boolean" ? [String(value)] : Array.isArray(value) ? value.map(String) : [String(value)], `--${spec.flag}`, command);
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
  if (command === "pre-push") return { command };
  const given = readGiven(values, command);
  if (command === "init") return { command, hook: given.hook ?? false, force: given.force ?? false };
  const updating = command === "baseline" || given.updateBaseline !== void 0;
  if (given.prune && !updating) {
    const instead = { judge: "judge REPORT --update-baseline", "merge-reports": "merge-reports DIR\u2026 --update-baseline" }[command] ?? "baseline";
    throw new GateError(`--prune goes with the baseline command (or --update-baseline): consent-gate ${instead} --prune.`);
  }
  const { config, formats, output, reportDir, quiet: _quiet, verbose: _verbose, prune, hook: _hook, force: _force, updateBaseline: _update, gitlabIssue, ...flags } = given;
  if (gitlabIssue && flags.shard) {
    throw new GateError("--gitlab-issue keeps one issue for the whole site, and a shard sees part of it: give it to the merge-reports command that judges every shard, not to a shard's scan.");
  }
  const common = {
    flags: { ...flags, ...updating ? { updateBaseline: { prune: prune ?? false } } : {} },
    ...config !== void 0 ? { config } : {},
    ...output !== void 0 ? { output } : {},
    ...reportDir !== void 0 ? { reportDir } : {},
    formats: formats ?? [command === "declaration" ? "markdown" : "console"],
    progress: progressLevel(given),
    ...gitlabIssue ? { gitlabIssue } : {}
  };
  if (command === "judge") {
    const [report2, ...extra] = rest;
    if (report2 === void 0 || extra.length > 0) throw new GateError("judge takes one saved JSON report: consent-gate judge consent-gate-report/consent-gate-report.json");
    return { command, report: report2, ...common };
  }
  if (command === "declaration") {
    const [report2, ...extra] = rest;
    if (extra.length > 0 || report2 !== void 0 && !report2.endsWith(".json")) {
      throw new GateError("declaration takes at most one saved JSON report (consent-gate declaration consent-gate-report/consent-gate-report.json); without one it scans the target as scan does (--url, --static, --start or the policy's target).");
    }
    return { command, ...report2 !== void 0 ? { report: report2 } : {}, ...common };
  }
  if (command === "merge-reports") {
    if (rest.length === 0) throw new GateError("merge-reports takes the JSON reports of every shard, or the folders they were downloaded to: consent-gate merge-reports shards/");
    return { command, reports: rest, ...common };
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
       consent-gate merge-reports DIR|REPORT.json\u2026 [options]
       consent-gate declaration [REPORT.json] [--format markdown,html,csv,json] [--lang nl|fr|en]
       consent-gate init [--hook] [--force]
       consent-gate pre-push

scan opens each page in Chromium as a first-time visitor: without touching anything, after
scrolling and browsing, after rejecting and after accepting the consent banner. It fails when
tracking cookies, storage, tracker requests or social plugins load before consent or after a
refusal, and when the banner does not offer a fair choice. Settings not given as flags come from
the policy file.
baseline scans the same way and records every finding that is not allowed in the baseline file,
so only new findings fail later scans; --prune also drops entries no longer seen.
judge reads a JSON report a scan wrote and judges it again with the current policy and baseline,
without a browser: tune an allow list in seconds.
merge-reports reads the JSON reports of the shards of one run (scan --shard I/N, one CI job each;
folders are searched for consent-gate-report.json), checks that shards 1 to N are all there, and
judges them as one run, as judge does: one verdict, every format, the baseline applied once. A
missing shard stops it with exit 3; a duplicate, a mix of runs or an unreadable report with exit 2.
declaration writes the site's cookie declaration from what it stores once the visitor accepts, per
purpose (strictly necessary, preferences, statistics, marketing, social media): each cookie and
storage key, its provider, first or third party, what it is for, how long it is kept and who receives
it, in Dutch, French or English (--lang), as markdown, an HTML fragment for the policy page, CSV or
JSON. From a saved JSON report without a browser, or else from a scan (the first visit and the one
after accepting). One format goes to stdout unless -o or --report-dir is given.
init writes a starter consent-gate.json (never over an existing one without --force); with --hook
it also installs a git pre-push hook that runs the gate (or prints the husky/lefthook line).
pre-push is what that hook runs: it skips pushes that delete or add no commits, builds the site
first (the policy's target.build, else npm run build) or refuses a build folder older than its
sources, scans quietly, and says how to go on when the push is blocked.

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

// src/entry/pre-push.ts
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
var ZERO = /^0+$/;
var SAME_MOMENT_MS = 2e3;
var NAMED = 5;
var MAX_BUILT_FILES = 5e4;
var git = (cwd, ...args) => {
  const run = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ok: run.status === 0, out: run.stdout ?? "" };
};
function nothingToScan(stdin, cwd) {
  if (stdin === null) return null;
  const refs = stdin.split("\n").map((line) => line.trim().split(/\s+/)).filter((parts) => parts.length === 4);
  if (refs.length === 0) return "nothing is pushed";
  const kept = refs.filter(([, local]) => !ZERO.test(local));
  if (kept.length === 0) return "this push only deletes";
  const adds = ([, local, , remote]) => {
    const range = ZERO.test(remote) ? [local, "--not", "--remotes"] : [`${remote}..${local}`];
    const count = git(cwd, "rev-list", "--count", ...range);
    return !count.ok || Number(count.out.trim()) > 0;
  };
  return kept.some(adds) ? null : "this push adds no commits the remote lacks";
}
function newestFile(folder) {
  let newest = 0;
  let seen = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (++seen > MAX_BUILT_FILES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(folder);
  return newest;
}
var NOT_SOURCES = /^(consent-gate(\.baseline)?\.json|\.consent-gate\.json|.*\.md|\.git\w*|\.github\/.*|\.husky\/.*|\.gitlab-ci\.yml|lefthook\.ya?ml|\.lefthook\.ya?ml|LICENSE.*)$/i;
function newerSources(cwd, folder) {
  const root = join(cwd, folder);
  const builtAt = newestFile(root);
  const listed = git(cwd, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
  if (!listed.ok) return [];
  const inside = relative(cwd, root).split(sep).join("/");
  const isSource = (file) => file !== "" && inside !== "" && file !== inside && !file.startsWith(`${inside}/`) && !NOT_SOURCES.test(file);
  const changedSince = (file) => existsSync(join(cwd, file)) && statSync(join(cwd, file)).mtimeMs > builtAt + SAME_MOMENT_MS;
  return listed.out.split("\0").filter(isSource).filter(changedSince).sort();
}
function buildCommand(cwd, target) {
  if (target.build !== void 0) return target.build;
  if (target.url !== void 0) return null;
  try {
    const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
    return pkg.scripts?.["build"] ? "npm run build" : null;
  } catch {
    return null;
  }
}
function prepareTarget(cwd, target, say) {
  const build = buildCommand(cwd, target);
  if (build !== null) {
    say(`consent-gate: building first: ${build}`);
    const run = spawnSync(build, { shell: true, cwd, stdio: ["ignore", 2, 2] });
    if (run.status !== 0) {
      throw new GateError(`the build command "${build}" failed (${run.signal ? `stopped by ${run.signal}` : `exit ${run.status}`}; its output is above). Fix the build: a site that does not build cannot be checked.`);
    }
    return;
  }
  if (target.static === void 0 || !existsSync(join(cwd, target.static))) return;
  const newer = newerSources(cwd, target.static);
  if (newer.length === 0) return;
  const named = newer.slice(0, NAMED).join(", ") + (newer.length > NAMED ? ` and ${newer.length - NAMED} more` : "");
  throw new GateError(
    `${target.static}/ is older than its sources: ${named} changed after its last build, so scanning it would judge an old site. Build the site first, or set "target": {"build": "npm run build", \u2026} in ${POLICY_FILES[0]} so the hook builds before it scans.`
  );
}
function guidance(code) {
  const anyway = "To push anyway: git push --no-verify";
  if (code === 1) {
    return `consent-gate: push blocked (exit 1): the site tracks before consent (findings above). Fix them, or record them as known with
  npx consent-gate baseline   (and commit ${DEFAULT_BASELINE}).
${anyway}`;
  }
  if (code === 2) {
    return `consent-gate: push blocked (exit 2): the check could not run because of its configuration or setup (above), not because of a finding. Fix ${POLICY_FILES[0]} or the setup as the message says; npx consent-gate scan shows the same.
${anyway}`;
  }
  if (code === 3) return `consent-gate: push blocked (exit 3): a page could not be scanned (above), so nothing is known about it. Check that the site builds and its pages load.
${anyway}`;
  return `consent-gate: push blocked (exit ${code}): the check was interrupted.
${anyway}`;
}
async function prePush({ cwd, stdin, scan: scan2, say }) {
  const skip = nothingToScan(stdin, cwd);
  if (skip) {
    say(`consent-gate: ${skip}; not scanned.`);
    return 0;
  }
  let code;
  try {
    const file = findPolicyFile(cwd);
    if (file) prepareTarget(cwd, loadPolicy(file).target, say);
    code = await scan2();
  } catch (error) {
    if (!(error instanceof GateError)) throw error;
    say(`consent-gate: ${error.message}`);
    code = error.exitCode;
  }
  if (code !== 0) say(`
${guidance(code)}`);
  return code;
}

// src/entry/cli.ts
import { readFileSync as readFileSync4 } from "node:fs";

// src/entry/init.ts
import { spawnSync as spawnSync2 } from "node:child_process";
import { chmodSync, existsSync as existsSync3, readFileSync as readFileSync3 } from "node:fs";
import { join as join3, relative as relative2, resolve } from "node:path";

// src/entry/framework.ts
import { existsSync as existsSync2, readFileSync as readFileSync2, readdirSync as readdirSync2, statSync as statSync2 } from "node:fs";
import { join as join2 } from "node:path";
var NEXT_CONFIG = ["next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs"];
var nextExports = (p) => /output\s*:\s*["']export["']/.test(p.read(...NEXT_CONFIG));
var FRAMEWORKS = [
  {
    name: "Next.js",
    dependency: "next",
    output: (p) => nextExports(p) ? "out" : null,
    build: "npx next build",
    preview: { script: "start", command: "npx next start", port: 3e3 },
    mode: (p) => nextExports(p) ? ' with output: "export" in its next.config' : ', served by next start (no output: "export" in its next.config)'
  },
  {
    name: "Nuxt",
    dependency: "nuxt",
    output: (p) => p.pkg.scripts?.["generate"] ? ".output/public" : null,
    build: "npx nuxi build",
    preview: { script: "preview", command: "npx nuxi preview", port: 3e3 },
    mode: (p) => p.pkg.scripts?.["generate"] ? ', generated as static pages (package.json has a "generate" script)' : ", served by its own server"
  },
  {
    name: "SvelteKit",
    dependency: "@sveltejs/kit",
    output: (p) => p.has("@sveltejs/adapter-static") ? "build" : null,
    build: "npx vite build",
    preview: { script: "preview", command: "npx vite preview", port: 4173 },
    mode: (p) => p.has("@sveltejs/adapter-static") ? " with @sveltejs/adapter-static" : ", served by its preview server (no @sveltejs/adapter-static)"
  },
  { name: "Astro", dependency: "astro", output: () => "dist", build: "npx astro build", preview: { script: "preview", command: "npx astro preview", port: 4321 } },
  { name: "Gatsby", dependency: "gatsby", output: () => "public", build: "npx gatsby build", preview: { script: "serve", command: "npx gatsby serve", port: 9e3 } },
  { name: "Docusaurus", dependency: "@docusaurus/core", output: () => "build", build: "npx docusaurus build", preview: { script: "serve", command: "npx docusaurus serve", port: 3e3 } },
  { name: "Eleventy", dependency: "@11ty/eleventy", output: () => "_site", build: "npx @11ty/eleventy", preview: { script: "serve", command: "npx @11ty/eleventy --serve", port: 8080 } },
  { name: "VitePress", dependency: "vitepress", output: () => "docs/.vitepress/dist", build: "npx vitepress build docs", preview: { script: "docs:preview", command: "npx vitepress preview docs", port: 4173 } },
  { name: "Create React App", dependency: "react-scripts", output: () => "build", build: "npx react-scripts build", preview: null },
  { name: "Parcel", dependency: "parcel", output: () => "dist", build: "npx parcel build", preview: null },
  { name: "Vite", dependency: "vite", output: () => "dist", build: "npx vite build", preview: { script: "preview", command: "npx vite preview", port: 4173 } }
];
function runner(cwd) {
  if (existsSync2(join2(cwd, "pnpm-lock.yaml"))) return (s) => `pnpm run ${s}`;
  if (existsSync2(join2(cwd, "yarn.lock"))) return (s) => `yarn ${s}`;
  if (existsSync2(join2(cwd, "bun.lock")) || existsSync2(join2(cwd, "bun.lockb"))) return (s) => `bun run ${s}`;
  return (s) => `npm run ${s}`;
}
function readPackage(cwd) {
  try {
    return JSON.parse(readFileSync2(join2(cwd, "package.json"), "utf8"));
  } catch {
    return null;
  }
}
function fromPackage(project) {
  const framework = FRAMEWORKS.find((f) => project.has(f.dependency));
  if (!framework) return null;
  const run = runner(project.cwd);
  const scripts = project.pkg.scripts ?? {};
  const generate = framework.name === "Nuxt" && scripts["generate"];
  const build = generate ? run("generate") : scripts["build"] ? run("build") : framework.build;
  const where = project.pkg.dependencies?.[framework.dependency] !== void 0 ? "dependencies" : "devDependencies";
  const preview = framework.preview && {
    start: scripts[framework.preview.script] ? run(framework.preview.script) : framework.preview.command,
    waitOn: `http://localhost:${framework.preview.port}/`
  };
  const output = framework.output(project);
  const because = `"${framework.dependency}" is in package.json's ${where}${framework.mode?.(project) ?? ""}`;
  if (output !== null) return { name: framework.name, because, target: { build, static: output }, preview };
  return preview ? { name: framework.name, because, target: { build, start: preview.start, waitOn: preview.waitOn }, preview: null } : null;
}
var isFolder = (path) => existsSync2(path) && statSync2(path).isDirectory();
var hasHtml = (folder) => isFolder(folder) && readdirSync2(folder).some((f) => /\.html?$/.test(f));
function fromFiles(cwd) {
  const hugo = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"].find((f) => existsSync2(join2(cwd, f)));
  if (hugo) return { name: "Hugo", because: `${hugo} is here`, target: { build: "hugo", static: "public" }, preview: { start: "hugo server", waitOn: "http://localhost:1313/" } };
  if (existsSync2(join2(cwd, "_config.yml")) && (isFolder(join2(cwd, "_layouts")) || /jekyll/.test(existsSync2(join2(cwd, "Gemfile")) ? readFileSync2(join2(cwd, "Gemfile"), "utf8") : ""))) {
    return { name: "Jekyll", because: "_config.yml is here, with a Gemfile naming jekyll or a _layouts folder", target: { build: "bundle exec jekyll build", static: "_site" }, preview: { start: "bundle exec jekyll serve", waitOn: "http://localhost:4000/" } };
  }
  return null;
}
function fromFolders(cwd) {
  for (const folder of ["dist", "build", "out", "_site"]) {
    if (isFolder(join2(cwd, folder))) return { name: `a built site in ${folder}/`, because: `the folder ${folder}/ is here`, target: { static: folder }, preview: null };
  }
  if (hasHtml(join2(cwd, "public"))) return { name: "a static site in public/", because: "public/ holds HTML pages", target: { static: "public" }, preview: null };
  if (hasHtml(cwd)) return { name: "a static site in this folder", because: "this folder holds HTML pages", target: { static: "." }, preview: null };
  return null;
}
function detectSite(cwd) {
  const pkg = readPackage(cwd);
  if (pkg) {
    const deps = { ...pkg.devDependencies, ...pkg.dependencies };
    const found = fromPackage({
      cwd,
      pkg,
      has: (d) => deps[d] !== void 0,
      read: (...files) => {
        const file = files.map((f) => join2(cwd, f)).find((f) => existsSync2(f));
        return file ? readFileSync2(file, "utf8") : "";
      }
    });
    if (found) return found;
  }
  const guess = fromFiles(cwd) ?? fromFolders(cwd);
  if (guess && guess.target.build === void 0 && pkg?.scripts?.["build"]) return { ...guess, target: { build: runner(cwd)("build"), ...guess.target } };
  return guess;
}

// src/entry/init.ts
function starterPolicy(guess) {
  const policy = {
    $schema: "./node_modules/consent-gate/schema/policy.schema.json",
    ...guess ? { target: guess.target } : {},
    jurisdiction: "eu",
    allow: { cookies: [], storage: [], hosts: [], urls: [] },
    failOn: "error"
  };
  return JSON.stringify(policy, null, 2) + "\n";
}
function explain(guess) {
  if (!guess) {
    return ['found no site here (no framework in package.json, no build folder, no HTML): the policy has no target yet. Set "target" in it (e.g. {"static": "dist"}) once the site exists.'];
  }
  const { target } = guess;
  const what = target.static !== void 0 ? `scan the built folder ${target.static}/` : `scan through its server (${target.start}, ${target.waitOn})`;
  const build = target.build === void 0 ? "" : `build with "${target.build}" (the pre-push hook does this first), then `;
  const lines = [`guessed ${guess.name}: ${guess.because}.`, `target: ${build}${what}.`];
  if (guess.preview) lines.push(`to scan through its preview server instead, set "target": ${JSON.stringify({ build: target.build, start: guess.preview.start, waitOn: guess.preview.waitOn })}`);
  return lines;
}
var HOOK_MARK = "# consent-gate pre-push hook";
var HOOK_SCRIPT = `#!/bin/sh
${HOOK_MARK}: blocks a push that makes the site track visitors before they consent.
exec npx --no-install consent-gate pre-push
`;
var HUSKY = `Husky is in use: add this line to .husky/pre-push

  npx --no-install consent-gate pre-push
`;
var LEFTHOOK = `Lefthook is in use: add this to lefthook.yml

  pre-push:
    commands:
      consent-gate:
        run: npx --no-install consent-gate pre-push
        use_stdin: true
`;
function hooksFolder(cwd) {
  const git2 = spawnSync2("git", ["rev-parse", "--git-path", "hooks"], { cwd, encoding: "utf8" });
  if (git2.status !== 0) throw new GateError(`--hook: ${cwd} is not inside a git repository (git rev-parse failed). Run it from the site's repository.`);
  return resolve(cwd, git2.stdout.trim());
}
function init(options) {
  const { cwd } = options;
  const done = [];
  const existing = POLICY_FILES.map((name) => join3(cwd, name)).find((path) => existsSync3(path));
  const guess = detectSite(cwd);
  if (existing && !options.force) {
    done.push(`${relative2(cwd, existing)} exists; left as it is (--force overwrites it).`);
  } else {
    const path = join3(cwd, POLICY_FILES[0]);
    writeFileAtomic(path, nothingSecret(starterPolicy(guess), "json"));
    done.push(`wrote ${relative2(cwd, path)}: check its target, then run npx consent-gate scan.`, ...explain(guess));
  }
  if (!options.hook) return done;
  if (!guess && !existing) return [...done, "no pre-push hook installed: with no site to scan it would block every push. Run consent-gate init --hook again once the site exists."];
  if (existsSync3(join3(cwd, ".husky"))) return [...done, HUSKY];
  if (["lefthook.yml", "lefthook.yaml", ".lefthook.yml"].some((f) => existsSync3(join3(cwd, f)))) return [...done, LEFTHOOK];
  const hook = join3(hooksFolder(cwd), "pre-push");
  if (existsSync3(hook) && !options.force && !readFileSync3(hook, "utf8").includes(HOOK_MARK)) {
    throw new GateError(`${relative2(cwd, hook)} already exists and is not ours. Add "npx --no-install consent-gate pre-push" to it, or overwrite it with --force.`);
  }
  writeFileAtomic(hook, nothingSecret(HOOK_SCRIPT, "text"));
  chmodSync(hook, 493);
  done.push(`installed ${relative2(cwd, hook)}: every git push now runs the gate first.`);
  return done;
}

// src/entry/gitlab.ts
import { relative as relative3 } from "node:path";
var TOKEN_VARIABLE = "CONSENT_GATE_GITLAB_TOKEN";
function gitlabProject(cwd, env = process.env) {
  const missing = ["CI_API_V4_URL", "CI_PROJECT_ID", TOKEN_VARIABLE].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new GateError(
      `--gitlab-issue needs ${missing.join(", ")}. GitLab sets CI_API_V4_URL and CI_PROJECT_ID in every job; ${TOKEN_VARIABLE} is a CI/CD variable you add (Settings \u2192 CI/CD \u2192 Variables, masked): a project access token with the api scope and at least the Reporter role.`
    );
  }
  return {
    api: env["CI_API_V4_URL"].replace(/\/+$/, ""),
    project: env["CI_PROJECT_ID"],
    token: env[TOKEN_VARIABLE],
    ...env["CI_JOB_URL"] ? { jobUrl: env["CI_JOB_URL"] } : {},
    dir: relative3(env["CI_PROJECT_DIR"] ?? cwd, cwd).split("\\").join("/") || "."
  };
}
function gitlabIssues(project) {
  const base = `${project.api}/projects/${encodeURIComponent(project.project)}`;
  async function call(method, path, body) {
    let response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { "PRIVATE-TOKEN": project.token, ...body ? { "content-type": "application/json" } : {} },
        ...body ? { body: JSON.stringify(body) } : {}
      });
    } catch (error) {
      throw new Error(`${method} ${base}${path} failed: ${errorText(error.cause ?? error)}`);
    }
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 200);
      try {
        const said = JSON.parse(text) ?? {};
        const what = said.message ?? said.error ?? said;
        message = typeof what === "string" ? what : JSON.stringify(what);
      } catch {
      }
      throw new Error(`GitLab answered ${response.status} to ${method} ${path.split("?")[0]}: ${message}`);
    }
    return { data: text ? JSON.parse(text) : null, headers: response.headers };
  }
  const ref = (issue) => ({ number: issue.iid, url: issue.web_url });
  return {
    findOpen: async (marker) => {
      for (let page = "1"; page; ) {
        const { data, headers } = await call("GET", `/issues?state=opened&per_page=100&page=${page}`);
        const found = data.find((issue) => issue.description?.includes(marker));
        if (found) return ref(found);
        page = headers.get("x-next-page") ?? "";
      }
      return null;
    },
    open: async (title, description) => ref((await call("POST", "/issues", { title, description })).data),
    update: async (issue, title, description) => {
      await call("PUT", `/issues/${issue.number}`, { title, description });
    },
    close: async (issue, comment) => {
      await call("POST", `/issues/${issue.number}/notes`, { body: comment });
      await call("PUT", `/issues/${issue.number}`, { state_event: "close" });
    }
  };
}

// src/shared/outlet.ts
var Outlet = class {
  constructor(secrets, streams = { stdout: process.stdout, stderr: process.stderr }) {
    this.secrets = secrets;
    this.streams = streams;
  }
  secrets;
  streams;
  stdout(text, kind = "text") {
    this.streams.stdout.write(this.secrets.clear(text, kind));
  }
  stderr(text) {
    this.streams.stderr.write(this.secrets.clear(text, "text"));
  }
  /** stderr for a writer that draws (the progress line): it asks whether it is a terminal, and how wide. */
  checkedStderr() {
    const { stderr } = this.streams;
    return {
      write: (text) => this.stderr(text),
      get isTTY() {
        return stderr.isTTY === true;
      },
      get columns() {
        return stderr.columns;
      }
    };
  }
};

// src/report/declaration/build.ts
var ORDER = ["necessary", "preferences", "analytics", "marketing", "social", "unknown"];
var longer = (a, b) => a === null ? b : b === null ? a : Math.max(a, b);
var union = (a, b) => [.../* @__PURE__ */ new Set([...a, ...b])].sort();
function itemOf(entry, lang) {
  const words = DECLARATION_WORDS[lang];
  const provider = entry.vendor ?? (entry.party === "first" ? words.thisSite : entry.domain);
  return {
    name: entry.family,
    kind: entry.kind,
    storage: entry.storage ?? null,
    provider,
    party: entry.party,
    domains: [entry.domain],
    purpose: entry.description ?? words.group[entry.category].purpose,
    purposeFrom: entry.description ? "open-cookie-database" : "category",
    retention: "",
    lifetimeDays: entry.lifetimeDays,
    sentTo: union(entry.party === "third" ? [entry.domain] : [], entry.sentTo)
  };
}
function buildDeclaration(result, lang) {
  const words = DECLARATION_WORDS[lang];
  const rows = /* @__PURE__ */ new Map();
  for (const entry of result.inventory) {
    const item = itemOf(entry, lang);
    const key = [entry.category, item.kind, item.storage ?? "", item.name, item.provider, item.party].join("|");
    const row = rows.get(key);
    if (!row) rows.set(key, { ...item, category: entry.category });
    else {
      row.domains = union(row.domains, item.domains);
      row.sentTo = union(row.sentTo, item.sentTo);
      row.lifetimeDays = longer(row.lifetimeDays, item.lifetimeDays);
      if (row.purposeFrom === "category" && item.purposeFrom === "open-cookie-database") Object.assign(row, { purpose: item.purpose, purposeFrom: item.purposeFrom });
    }
  }
  const groups = ORDER.map((category) => {
    const items = [...rows.values()].filter((row) => row.category === category).map(({ category: _, ...item }) => ({ ...item, retention: item.kind === "storage" ? storageLifetimeWords(item.storage ?? "localStorage", lang) : lifetimeWords(item.lifetimeDays, lang) })).sort((a, b) => a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0);
    return { category, title: words.group[category].title, about: words.group[category].about, items };
  }).filter((group) => group.items.length > 0);
  const site = siteName(result);
  const date = result.startedAt.slice(0, 10);
  return { lang, title: words.title, intro: words.intro, site, scannedAt: result.startedAt, pages: result.pages.length, groups, removal: words.removal, madeBy: words.madeBy(`${result.tool.name} ${result.tool.version}`, site, date, result.pages.length) };
}
function missingPages(result) {
  return result.pages.flatMap((page) => {
    if (declaredVisit(page)) return [];
    const initial = page.phases.find((s) => s.phase === "initial");
    const accept = page.phases.find((s) => s.phase === "after-accept");
    const why = initial?.error ?? accept?.error ?? (accept?.action && !accept.action.done ? accept.action.detail : null) ?? page.skipped.find((s) => s.phase === "after-accept")?.reason ?? "the visit after accepting was not made";
    return [`${pageLabel(page.url)}: ${why}`];
  });
}

// src/report/declaration/write.ts
import { join as join4, resolve as resolve2 } from "node:path";
function checkDeclarationTargets(names, where) {
  const formats = names.map((name) => DECLARATION_FORMATS.find((f) => f.name === name));
  if (where.output !== void 0 && formats.length !== 1) {
    throw new GateError(`--output names one file, but ${formats.length} declaration formats were asked for (${names.join(", ")}). Use --report-dir for several.`);
  }
  return formats;
}
function writeDeclaration(result, names, where, lang, cwd, secrets) {
  const formats = checkDeclarationTargets(names, where);
  const declaration2 = buildDeclaration(result, lang);
  if (where.output === void 0 && where.reportDir === void 0 && formats.length === 1) return { files: /* @__PURE__ */ new Map(), stdout: { text: formats[0].render(declaration2), kind: outputKind(formats[0]) } };
  const dir = resolve2(cwd, where.reportDir ?? DEFAULT_REPORT_DIR);
  const files = new Map(formats.map((f) => [f.name, where.output !== void 0 ? resolve2(cwd, where.output) : join4(dir, f.file)]));
  for (const format of formats) writeFileAtomic(files.get(format.name), secrets.clear(format.render(declaration2), outputKind(format)));
  return { files, stdout: null };
}

// src/entry/cli.ts
var out = new Outlet(new RunSecrets());
function stdinText() {
  if (process.stdin.isTTY) return null;
  try {
    return readFileSync4(0, "utf8");
  } catch {
    return null;
  }
}
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
var targetsOf = (args, lang) => ({
  ...args.output ? { output: args.output } : {},
  ...args.reportDir ? { reportDir: args.reportDir } : {},
  ...lang ? { lang } : {}
});
async function report(result, args, cwd, lang, gitlab) {
  const { files, stdout } = writeReports(result, args.formats, targetsOf(args, lang), cwd, out.secrets);
  if (stdout) out.stdout(stdout.render(result, void 0, lang), outputKind(stdout));
  if (stdout) out.stderr(formatConsole(result, lang));
  else out.stdout(formatConsole(result, lang));
  for (const [name, path] of files) out.stderr(`report (${name}): ${relative4(cwd, path) || path}
`);
  if (args.flags.updateBaseline && !result.baseline.updated) {
    out.stderr(`consent-gate: the baseline was not written: pages that could not be scanned would record a partial truth. Fix the scan errors, then run it again.
`);
  }
  if (gitlab) await watchOnGitLab(result, gitlab, files, lang);
  return result.verdict.exitCode;
}
async function watchOnGitLab(result, gitlab, files, lang) {
  const place = reportPlace(files, gitlab.jobUrl);
  try {
    const kept = await keepWatchIssue(gitlabIssues(gitlab), result, { lang, dir: gitlab.dir, ...place ? { place } : {}, ...gitlab.jobUrl ? { runUrl: gitlab.jobUrl } : {} }, out.secrets);
    out.stderr(kept.action === "none" ? "watch issue: none open, none needed\n" : `watch issue ${kept.action}: ${kept.issue.url}
`);
  } catch (error) {
    throw new GateError(`--gitlab-issue: the watch issue could not be kept up to date: ${errorText(error)}. ${TOKEN_VARIABLE} must be a project access token with the api scope and at least the Reporter role.`, 2, error);
  }
}
async function scanned(args, options, extra) {
  const progress = args.progress === "quiet" ? null : progressOutput(out.checkedStderr(), args.progress === "verbose");
  const forgetProgress = onShutdown(async () => progress?.stop());
  try {
    return await runGate({ ...options, ...extra, secrets: out.secrets, ...progress ? { onPlan: progress.onPlan, onVisit: progress.onVisit, onPage: progress.onPage } : {} });
  } finally {
    progress?.stop();
    forgetProgress();
  }
}
async function scan(args) {
  const cwd = process.cwd();
  const options = gateOptions(args.flags, loadPolicyFor(args, cwd), cwd);
  checkReportTargets(args.formats, targetsOf(args));
  const gitlab = args.gitlabIssue ? gitlabProject(cwd) : null;
  const result = await scanned(args, options, { screenshots: needsScreenshots(args.formats) });
  return report(result, args, cwd, options.policy.lang, gitlab);
}
async function declaration(args) {
  const cwd = process.cwd();
  const where = { ...args.output ? { output: args.output } : {}, ...args.reportDir ? { reportDir: args.reportDir } : {} };
  checkDeclarationTargets(args.formats, where);
  const options = gateOptions(args.flags, loadPolicyFor(args, cwd), cwd);
  const result = args.report ? judgeReport(resolve3(cwd, args.report), options.policy, { secrets: out.secrets }) : await scanned(args, options, { screenshots: false, phases: ["initial", "after-accept"] });
  const { files, stdout } = writeDeclaration(result, args.formats, where, options.policy.lang, cwd, out.secrets);
  if (stdout !== null) out.stdout(stdout.text, stdout.kind);
  const say = (line) => stdout !== null ? out.stderr(`${line}
`) : out.stdout(`${line}
`);
  const count = (kind) => result.inventory.filter((e) => e.kind === kind).length;
  say(`consent-gate: cookie declaration (${options.policy.lang}) of ${plural(count("cookie"), "cookie")} and ${plural(count("storage"), "storage key")}, from ${plural(result.pages.length, "page")}.`);
  for (const [name, path] of files) say(`declaration (${name}): ${relative4(cwd, path) || path}`);
  const missing = missingPages(result);
  if (missing.length === 0) return 0;
  out.stderr(`consent-gate: the declaration is incomplete: what these pages store after accepting is not in it:
${missing.map((m) => `  ${m}`).join("\n")}
`);
  return 3;
}
async function judge(args) {
  const cwd = process.cwd();
  checkReportTargets(args.formats, targetsOf(args));
  const gitlab = args.gitlabIssue ? gitlabProject(cwd) : null;
  const policy = loadPolicyFor(args, cwd);
  const options = { secrets: out.secrets, ...args.flags.updateBaseline ? { updateBaseline: args.flags.updateBaseline } : {} };
  const result = args.command === "judge" ? judgeReport(resolve3(cwd, args.report), policy, options) : mergeReports(args.reports.map((path) => resolve3(cwd, path)), policy, options);
  return report(result, args, cwd, policy.lang, gitlab);
}
async function main(argv) {
  const args = parseCli(argv);
  verbose = "progress" in args && args.progress === "verbose";
  if (args.command === "help") {
    out.stdout(HELP);
    return 0;
  }
  if (args.command === "init") {
    for (const line of init({ cwd: process.cwd(), hook: args.hook, force: args.force })) out.stdout(`${line}
`);
    return 0;
  }
  if (args.command === "pre-push") {
    return prePush({
      cwd: process.cwd(),
      stdin: stdinText(),
      scan: () => scan({ command: "scan", flags: {}, formats: ["console"], progress: "quiet" }),
      say: (line) => out.stderr(`${line}
`)
    });
  }
  if (args.command === "version") {
    out.stdout(`${TOOL_VERSION}
`);
    return 0;
  }
  if (args.command === "declaration") return declaration(args);
  return args.command === "judge" || args.command === "merge-reports" ? judge(args) : scan(args);
}
exitCleanlyOnSignals();
main(process.argv.slice(2)).then(
  (code) => {
    if (!stopping()) process.exitCode = code;
  },
  (error) => {
    if (stopping()) return;
    if (error instanceof GateError) {
      out.stderr(`consent-gate: ${error.message}
`);
      if (verbose) out.stderr(`${stackOf(error)}
`);
      process.exitCode = error.exitCode;
    } else {
      out.stderr(`consent-gate: internal error, the scan did not complete:
${stackOf(error)}
`);
      process.exitCode = 3;
    }
  }
);
