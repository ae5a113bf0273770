#!/usr/bin/env node
import { relative, resolve } from 'node:path';
import { HELP, parseCli, type DeclarationArgs, type JudgeArgs, type MergeArgs, type ScanArgs } from './args.js';
import { judgeReport } from './judge.js';
import { mergeReports } from './merge-reports.js';
import { prePush } from './pre-push.js';
import { readFileSync } from 'node:fs';
import type { Policy } from '../policy/policy.js';
import type { GateResult, Lang } from '../types.js';
import { GateError, errorText } from '../shared/errors.js';
import { init } from './init.js';
import { defaultPolicy, findPolicyFile, loadPolicy } from '../policy/load.js';
import { gateOptions } from './config.js';
import { exitCleanlyOnSignals, onShutdown, stopping } from '../shared/lifecycle.js';
import { runGate, type GateOptions } from '../gate.js';
import { formatConsole } from '../report/console.js';
import { progressOutput } from '../report/progress.js';
import { needsScreenshots } from '../report/index.js';
import { checkReportTargets, outputKind, reportPlace, writeReports, type ReportTargets } from '../report/write.js';
import { TOKEN_VARIABLE, gitlabIssues, gitlabProject, type GitLabProject } from './gitlab.js';
import { keepWatchIssue } from './watch-issue.js';
import { TOOL_VERSION } from '../shared/version.js';
import { Outlet } from '../shared/outlet.js';
import { RunSecrets } from '../shared/secrets.js';

/** Everything this process writes, through the run's secret check; runGate fills the check as it goes. */
const out = new Outlet(new RunSecrets());
import { plural } from '../shared/text.js';
import { missingPages } from '../report/declaration/build.js';
import { checkDeclarationTargets, writeDeclaration } from '../report/declaration/write.js';

/** What git wrote for a pre-push hook; null on a terminal, where reading would wait for a person. */
function stdinText(): string | null {
  if (process.stdin.isTTY) return null;
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return null;
  }
}

/** Set once the arguments are read: whether an error should come with its stack. */
let verbose = false;

/** The stack, and the stacks of what caused it: what a bug report needs. */
function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return [error.stack ?? error.message, ...(error.cause === undefined ? [] : [`caused by: ${stackOf(error.cause)}`])].join('\n');
}

type ReportArgs = ScanArgs | JudgeArgs | MergeArgs | DeclarationArgs;

function loadPolicyFor(args: ReportArgs, cwd: string): Policy {
  const file = findPolicyFile(cwd, args.config);
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  return gateOptions(args.flags, policy, cwd).policy;
}

const targetsOf = (args: ReportArgs, lang?: Lang): ReportTargets => ({
  ...(args.output ? { output: args.output } : {}),
  ...(args.reportDir ? { reportDir: args.reportDir } : {}),
  ...(lang ? { lang } : {}),
});

/** Writes the reports and the summary, in the policy's language, and keeps the watch issue; the exit code is the verdict's. */
async function report(result: GateResult, args: ReportArgs, cwd: string, lang: Lang, gitlab: GitLabProject | null): Promise<number> {
  const { files, stdout } = writeReports(result, args.formats, targetsOf(args, lang), cwd, out.secrets);
  if (stdout) out.stdout(stdout.render(result, undefined, lang), outputKind(stdout));
  // The summary always reaches the log; with a report on stdout it goes to stderr, so
  // `> report.json` stays valid JSON.
  if (stdout) out.stderr(formatConsole(result, lang));
  else out.stdout(formatConsole(result, lang));
  for (const [name, path] of files) out.stderr(`report (${name}): ${relative(cwd, path) || path}\n`);
  if (args.flags.updateBaseline && !result.baseline.updated) {
    out.stderr(`consent-gate: the baseline was not written: pages that could not be scanned would record a partial truth. Fix the scan errors, then run it again.\n`);
  }
  if (gitlab) await watchOnGitLab(result, gitlab, files, lang);
  return result.verdict.exitCode;
}

/** A watch whose issue cannot be written tells no one: that fails the job, as bad settings do. */
async function watchOnGitLab(result: GateResult, gitlab: GitLabProject, files: ReadonlyMap<string, string>, lang: Lang): Promise<void> {
  const place = reportPlace(files, gitlab.jobUrl);
  try {
    const kept = await keepWatchIssue(gitlabIssues(gitlab), result, { lang, dir: gitlab.dir, ...(place ? { place } : {}), ...(gitlab.jobUrl ? { runUrl: gitlab.jobUrl } : {}) }, out.secrets);
    out.stderr(kept.action === 'none' ? 'watch issue: none open, none needed\n' : `watch issue ${kept.action}: ${kept.issue.url}\n`);
  } catch (error) {
    throw new GateError(`--gitlab-issue: the watch issue could not be kept up to date: ${errorText(error)}. ${TOKEN_VARIABLE} must be a project access token with the api scope and at least the Reporter role.`, 2, error);
  }
}

/** A scan with progress lines as asked for; `extra` says what the command needs of it (screenshots, visits). */
async function scanned(args: ScanArgs | DeclarationArgs, options: ReturnType<typeof gateOptions>, extra: Pick<GateOptions, 'screenshots' | 'phases'>): Promise<GateResult> {
  const progress = args.progress === 'quiet' ? null : progressOutput(out.checkedStderr(), args.progress === 'verbose');
  // Ctrl-C mid-scan: the shell prompt should not land on the live line.
  const forgetProgress = onShutdown(async () => progress?.stop());
  try {
    return await runGate({ ...options, ...extra, secrets: out.secrets, ...(progress ? { onPlan: progress.onPlan, onVisit: progress.onVisit, onPage: progress.onPage } : {}) });
  } finally {
    progress?.stop();
    forgetProgress();
  }
}

async function scan(args: ScanArgs): Promise<number> {
  const cwd = process.cwd();
  const options = gateOptions(args.flags, loadPolicyFor(args, cwd), cwd);
  checkReportTargets(args.formats, targetsOf(args));
  const gitlab = args.gitlabIssue ? gitlabProject(cwd) : null;
  const result = await scanned(args, options, { screenshots: needsScreenshots(args.formats) });
  return report(result, args, cwd, options.policy.lang, gitlab);
}

/**
 * The site's cookie declaration, from a saved report (judged again, as judge does) or a scan of the
 * first visit and the one after accepting. Written even when pages are missing, but then exit 3:
 * a declaration that leaves out what some page stores is not one to publish.
 */
async function declaration(args: DeclarationArgs): Promise<number> {
  const cwd = process.cwd();
  const where = { ...(args.output ? { output: args.output } : {}), ...(args.reportDir ? { reportDir: args.reportDir } : {}) };
  checkDeclarationTargets(args.formats, where);
  const options = gateOptions(args.flags, loadPolicyFor(args, cwd), cwd);
  const result = args.report ? judgeReport(resolve(cwd, args.report), options.policy, { secrets: out.secrets }) : await scanned(args, options, { screenshots: false, phases: ['initial', 'after-accept'] });
  const { files, stdout } = writeDeclaration(result, args.formats, where, options.policy.lang, cwd, out.secrets);
  if (stdout !== null) out.stdout(stdout.text, stdout.kind);
  const say = (line: string): void => (stdout !== null ? out.stderr(`${line}\n`) : out.stdout(`${line}\n`));
  const count = (kind: 'cookie' | 'storage'): number => result.inventory.filter((e) => e.kind === kind).length;
  say(`consent-gate: cookie declaration (${options.policy.lang}) of ${plural(count('cookie'), 'cookie')} and ${plural(count('storage'), 'storage key')}, from ${plural(result.pages.length, 'page')}.`);
  for (const [name, path] of files) say(`declaration (${name}): ${relative(cwd, path) || path}`);
  const missing = missingPages(result);
  if (missing.length === 0) return 0;
  out.stderr(`consent-gate: the declaration is incomplete: what these pages store after accepting is not in it:\n${missing.map((m) => `  ${m}`).join('\n')}\n`);
  return 3;
}

/** judge and merge-reports: saved reports judged again with the current policy and baseline, without a browser. */
async function judge(args: JudgeArgs | MergeArgs): Promise<number> {
  const cwd = process.cwd();
  checkReportTargets(args.formats, targetsOf(args));
  const gitlab = args.gitlabIssue ? gitlabProject(cwd) : null;
  const policy = loadPolicyFor(args, cwd);
  const options = { secrets: out.secrets, ...(args.flags.updateBaseline ? { updateBaseline: args.flags.updateBaseline } : {}) };
  const result = args.command === 'judge' ? judgeReport(resolve(cwd, args.report), policy, options) : mergeReports(args.reports.map((path) => resolve(cwd, path)), policy, options);
  return report(result, args, cwd, policy.lang, gitlab);
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  verbose = 'progress' in args && args.progress === 'verbose';
  if (args.command === 'help') {
    out.stdout(HELP);
    return 0;
  }
  if (args.command === 'init') {
    for (const line of init({ cwd: process.cwd(), hook: args.hook, force: args.force })) out.stdout(`${line}\n`);
    return 0;
  }
  if (args.command === 'pre-push') {
    return prePush({
      cwd: process.cwd(),
      stdin: stdinText(),
      scan: () => scan({ command: 'scan', flags: {}, formats: ['console'], progress: 'quiet' }),
      say: (line) => out.stderr(`${line}\n`),
    });
  }
  if (args.command === 'version') {
    out.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (args.command === 'declaration') return declaration(args);
  return args.command === 'judge' || args.command === 'merge-reports' ? judge(args) : scan(args);
}

exitCleanlyOnSignals();
main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): exit() can cut short output still queued on a pipe.
    if (!stopping()) process.exitCode = code;
  },
  (error: unknown) => {
    // Stopped by a signal: what failed since is the stop itself; the signal handler has said so.
    if (stopping()) return;
    if (error instanceof GateError) {
      out.stderr(`consent-gate: ${error.message}\n`);
      if (verbose) out.stderr(`${stackOf(error)}\n`);
      process.exitCode = error.exitCode;
    } else {
      out.stderr(`consent-gate: internal error, the scan did not complete:\n${stackOf(error)}\n`);
      process.exitCode = 3;
    }
  },
);
