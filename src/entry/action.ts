// The GitHub Action: the same runGate() as the CLI, fed from INPUT_* and reporting through the
// runner's outputs, job summary and annotations.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { gateOptions } from './config.js';
import { OPTIONS, convert, type Given } from './options.js';
import { inInputWords } from './input-names.js';
import { GateError, errorText } from '../shared/errors.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { runGate } from '../gate.js';
import { exitCleanlyOnSignals, startedAsScript, stopping } from '../shared/lifecycle.js';
import { defaultPolicy, findPolicyFile, loadPolicy } from '../policy/load.js';
import { formatConsole, progressLine } from '../report/console.js';
import { needsScreenshots } from '../report/index.js';
import { markdown } from '../report/markdown.js';
import { visitLine } from '../report/progress.js';
import { findingLocation } from '../report/text/location.js';
import { subjectLabel } from '../report/text/subject.js';
import { findingSentence } from '../report/text/sentence.js';
import { reportPlace, writeReports } from '../report/write.js';
import { hiddenMarker, reviewBody } from '../report/comment.js';
import { wordsFor } from '../report/words/index.js';
import type { GateResult, Lang } from '../types.js';
import { mergeReports } from './merge-reports.js';
import { apiReason, githubIssues, stickyComment } from './github.js';
import { commentMarker, keepWatchIssue } from './watch-issue.js';
import { RunSecrets } from '../shared/secrets.js';
import { once } from '../shared/once.js';
import { actionOutlet, type ActionOutlet } from './action-outlet.js';

const MAX_ANNOTATIONS = 50;

const text = (name: string): string | undefined => core.getInput(name) || undefined;

interface GitHubEvent {
  deployment_status?: { state?: string; target_url?: string; environment_url?: string };
  pull_request?: { number?: number };
}

/** The webhook payload the run was started by (the runner writes it to a file). */
const event = once((): GitHubEvent => {
  const path = process.env['GITHUB_EVENT_PATH'];
  return path ? (JSON.parse(readFileSync(path, 'utf8')) as GitHubEvent) : {};
});

/** Vercel, Netlify and others announce previews as deployment_status events. */
function deploymentUrl(): string | undefined {
  if (process.env['GITHUB_EVENT_NAME'] !== 'deployment_status') return undefined;
  const status = event().deployment_status;
  if (status?.state !== 'success') {
    throw new GateError(
      `This deployment_status event is "${status?.state ?? 'unknown'}": there is no preview to scan. Run the job only for successful deployments: if: github.event.deployment_status.state == 'success'`,
    );
  }
  const url = status.environment_url || status.target_url;
  if (!url) throw new GateError('The deployment_status event carries no target_url or environment_url to scan; set the "url" input.');
  return url;
}

/**
 * The step's inputs, read through the same option table as the CLI's flags: the same names, the same
 * limits, the same messages (naming the input, not a flag).
 */
function inputs(): Given {
  const given: Record<string, unknown> = {};
  for (const spec of OPTIONS) {
    if (!spec.input) continue;
    let raw = core.getMultilineInput(spec.input);
    if (raw.length === 0) continue;
    if (spec.kind === 'strings' && spec.inputCommas) raw = raw.flatMap((line) => line.split(',')).map((s) => s.trim()).filter(Boolean);
    // Header values are masked before anything could print them.
    if (spec.key === 'headers') for (const line of raw) core.setSecret(line.slice(line.indexOf(':') + 1).trim());
    const name = `Input "${spec.input}"`;
    given[spec.key] = spec.kind === 'boolean' ? core.getBooleanInput(spec.input) : convert(spec, spec.kind === 'strings' || spec.kind === 'list' ? raw : [raw.join('\n')], name);
  }
  const result = given as Given;
  if (result.url === undefined && result.start === undefined && result.static === undefined) {
    const url = deploymentUrl();
    if (url) result.url = url;
  }
  return result;
}

const COMMENT = ['always', 'on-failure', 'off'] as const;

/** The Action's own inputs, beside the option table's: what it does on GitHub besides the scan. */
interface Review {
  comment: (typeof COMMENT)[number];
  token: string;
  watchIssue: boolean;
  /** The shards' JSON reports (files, or the folders they were downloaded to), judged as one run instead of a scan. */
  merge: string[] | null;
}

function reviewInputs(given: Given): Review {
  const comment = text('comment') ?? 'always';
  if (!(COMMENT as readonly string[]).includes(comment)) {
    throw new GateError(`Input "comment" takes ${COMMENT.map((c) => `"${c}"`).join(', ')}; got "${comment}".${didYouMean(comment, COMMENT)}`);
  }
  const watch = (text('watch-issue') ?? 'false').toLowerCase();
  if (watch !== 'true' && watch !== 'false') throw new GateError(`Input "watch-issue" takes "true" or "false"; got "${watch}".`);
  const merge = core.getMultilineInput('merge-reports');
  if (merge.length > 0 && (given.url ?? given.start ?? given.static) !== undefined) {
    throw new GateError('Input "merge-reports" judges the shards\' reports and scans nothing: give "static-dir", "url" or "start-command" to the shards\' steps, not to this one.');
  }
  if (given.shard && (watch === 'true' || merge.length > 0)) {
    throw new GateError(`Input "${watch === 'true' ? 'watch-issue' : 'merge-reports'}" is for the step that sees every page, and a shard sees part of them: set it on the step that merges the shards (input "merge-reports"), not with input "shard".`);
  }
  return { comment: comment as Review['comment'], token: core.getInput('github-token'), watchIssue: watch === 'true', merge: merge.length > 0 ? merge : null };
}

/** The run's page on GitHub, where the artifacts a workflow uploads are listed. */
function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = process.env;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}

/**
 * The pull-request comment, and the watch issue: the same body, where reviewers and the people who
 * answer for privacy look. A comment that cannot be posted (a fork's read-only token, no
 * `pull-requests: write`) changes no verdict: the summary says why. A watch whose issue cannot be
 * kept is a watch that tells no one: that is returned as a failure. What is posted passes the run's
 * secret check, as everything the step writes does.
 */
async function review(out: ActionOutlet, result: GateResult, reports: Map<string, string>, lang: Lang, settings: Review, cwd: string, shard: boolean): Promise<{ notes: string[]; failure: string | null }> {
  const said = wordsFor(lang).comment;
  const url = runUrl();
  const place = reportPlace(reports, url);
  const body = { lang, ...(place ? { place } : {}), ...(url ? { runUrl: url } : {}) };
  // One comment and one issue per site of a monorepo: its folder in the repository.
  const dir = relative(process.env['GITHUB_WORKSPACE'] ?? process.cwd(), cwd).split('\\').join('/') || '.';
  const notes: string[] = [];
  const pullRequest = event().pull_request?.number;
  if (pullRequest !== undefined && settings.comment !== 'off') {
    if (shard) out.info('The pull-request comment is left to the step that merges the shards (input "merge-reports"): a shard sees part of the pages.');
    else {
      const marker = commentMarker(dir);
      try {
        const failing = result.verdict.status !== 'passed';
        const text = out.secrets.clear(reviewBody(result, { ...body, marker }), 'text');
        const posted = await stickyComment(settings.token, pullRequest, hiddenMarker(marker), text, settings.comment === 'always' || failing);
        if (posted) notes.push(said.posted(posted.action, posted.url));
      } catch (error) {
        notes.push(said.notPosted(apiReason(error)));
        out.annotate('warning', `The pull-request comment could not be posted: ${apiReason(error)}. The verdict stands.`);
      }
    }
  }
  let failure: string | null = null;
  if (settings.watchIssue) {
    try {
      const kept = await keepWatchIssue(await githubIssues(settings.token), result, { ...body, dir }, out.secrets);
      notes.push(kept.action === 'none' ? said.nothingToWatch : said.watched(kept.action, kept.issue.url));
    } catch (error) {
      failure = apiReason(error);
      notes.push(said.watchFailed(failure));
    }
  }
  return { notes, failure };
}

async function summarize(out: ActionOutlet, result: GateResult, reports: Map<string, string>, lang: Lang, notes: readonly string[]): Promise<void> {
  await out.summary([inInputWords(markdown.render(result, reportPlace(reports, runUrl()), lang)).trimEnd(), ...notes].join('\n\n'));
  const fresh = result.findings.filter((f) => f.status === 'new');
  for (const f of fresh.slice(0, MAX_ANNOTATIONS)) {
    const at = findingLocation(result, f);
    out.annotate(f.severity === 'error' ? 'error' : 'warning', findingSentence(f, f.page), { title: `${f.rule}: ${subjectLabel(f)}`, ...(at ? { file: at.path, startLine: at.line } : {}) });
  }
  if (fresh.length > MAX_ANNOTATIONS) out.annotate('warning', `${fresh.length - MAX_ANNOTATIONS} more new finding(s) are in the reports.`);
  out.output('result', result.verdict.status);
  out.output('new-findings', String(result.verdict.errors + result.verdict.warnings));
  out.output('exit-code', String(result.verdict.exitCode));
  for (const [name, path] of reports) out.output(`report-${name}`, path);
}

function scan(out: ActionOutlet, options: ReturnType<typeof gateOptions>, formats: readonly string[]): Promise<GateResult> {
  return runGate({
    ...options,
    secrets: out.secrets,
    screenshots: needsScreenshots(formats),
    onPlan: ({ urls, notes }) => {
      out.info(`scanning ${urls.length} page(s)`);
      for (const note of notes) out.notice(inInputWords(note));
    },
    onPage: (progress) => out.info(progressLine(progress)),
    onVisit: ({ url, scan }) => scan && out.debug(visitLine(url, scan)),
  });
}

async function main(out: ActionOutlet): Promise<number> {
  const cwd = resolve(text('working-directory') ?? process.env['GITHUB_WORKSPACE'] ?? process.cwd());
  const file = findPolicyFile(cwd, text('config'), 'Input "config":');
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  const { formats = ['json', 'sarif', 'markdown'], config: _config, reportDir, ...flags } = inputs();
  const settings = reviewInputs(flags);
  const options = gateOptions(flags, policy, cwd);
  const { lang } = options.policy;
  const result = settings.merge ? mergeReports(settings.merge.map((path) => resolve(cwd, path)), options.policy, { secrets: out.secrets }) : await scan(out, options, formats);
  out.info(inInputWords(formatConsole(result, lang)));
  const url = runUrl();
  const reports = writeReports(result, formats, { reportDir: reportDir ?? 'consent-gate-report', ...(url ? { runUrl: url } : {}), lang }, cwd, out.secrets).files;
  const { notes, failure } = await review(out, result, reports, lang, settings, cwd, flags.shard !== undefined);
  await summarize(out, result, reports, lang, notes);
  if (result.verdict.exitCode !== 0) out.failed(`consent-gate ${result.verdict.status}: ${result.verdict.reason}`);
  if (failure === null) return result.verdict.exitCode;
  out.failed(`The watch issue could not be kept up to date: ${failure}. Give the job permissions: issues: write.`);
  return result.verdict.exitCode || 2;
}

export async function run(): Promise<void> {
  exitCleanlyOnSignals();
  const out = actionOutlet(new RunSecrets());
  try {
    const code = await main(out);
    if (!stopping()) process.exitCode = code;
  } catch (error) {
    // Stopped by a signal: what failed since is the stop itself; the signal handler has said so.
    if (stopping()) return;
    out.output('result', 'error');
    if (error instanceof GateError) {
      out.failed(inInputWords(error.message));
      process.exitCode = error.exitCode;
    } else {
      out.failed(`consent-gate: internal error, the scan did not complete: ${error instanceof Error ? (error.stack ?? error.message) : errorText(error)}`);
      process.exitCode = 3;
    }
  }
}

// The runner starts this file as a script; local-action imports it and calls run() itself, once.
if (startedAsScript(import.meta.url)) void run();
