// The GitHub Action: the same runGate() as the CLI, fed from INPUT_* and reporting through the
// runner's outputs, job summary and annotations.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { gateOptions } from './config.js';
import { OPTIONS, convert, type Given } from './options.js';
import { inInputWords } from './input-names.js';
import { GateError, errorText } from '../shared/errors.js';
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
import type { GateResult, Lang } from '../types.js';
import { RunSecrets } from '../shared/secrets.js';
import { actionOutlet, type ActionOutlet } from './action-outlet.js';

const MAX_ANNOTATIONS = 50;

const text = (name: string): string | undefined => core.getInput(name) || undefined;

/** Vercel, Netlify and others announce previews as deployment_status events. */
function deploymentUrl(): string | undefined {
  if (process.env['GITHUB_EVENT_NAME'] !== 'deployment_status' || !process.env['GITHUB_EVENT_PATH']) return undefined;
  const event = JSON.parse(readFileSync(process.env['GITHUB_EVENT_PATH'], 'utf8')) as {
    deployment_status?: { state?: string; target_url?: string; environment_url?: string };
  };
  const status = event.deployment_status;
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

/** The run's page on GitHub, where the artifacts a workflow uploads are listed. */
function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = process.env;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}

async function summarize(out: ActionOutlet, result: GateResult, reports: Map<string, string>, lang: Lang): Promise<void> {
  await out.summary(inInputWords(markdown.render(result, reportPlace(reports, runUrl()), lang)));
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

async function main(out: ActionOutlet): Promise<number> {
  const cwd = resolve(text('working-directory') ?? process.env['GITHUB_WORKSPACE'] ?? process.cwd());
  const file = findPolicyFile(cwd, text('config'), 'Input "config":');
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  const { formats = ['json', 'sarif', 'markdown'], config: _config, reportDir, ...flags } = inputs();
  const options = gateOptions(flags, policy, cwd);
  const { lang } = options.policy;
  const result = await runGate({
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
  out.info(inInputWords(formatConsole(result, lang)));
  const url = runUrl();
  const reports = writeReports(result, formats, { reportDir: reportDir ?? 'consent-gate-report', ...(url ? { runUrl: url } : {}), lang }, cwd, out.secrets).files;
  await summarize(out, result, reports, lang);
  if (result.verdict.exitCode !== 0) out.failed(`consent-gate ${result.verdict.status}: ${result.verdict.reason}`);
  return result.verdict.exitCode;
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
