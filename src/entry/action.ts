// The GitHub Action: the same runGate() as the CLI, fed from INPUT_* and reporting through the
// runner's outputs, job summary and annotations.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { gateOptions, parseFailOn, parseFormats, parsePhases, type RunFlags } from './config.js';
import { GateError, errorText } from '../shared/errors.js';
import { runGate } from '../gate.js';
import { exitCleanlyOnSignals, stopping } from '../shared/lifecycle.js';
import { defaultPolicy, findPolicyFile, loadPolicy } from '../policy/load.js';
import { formatConsole, progressLine } from '../report/console.js';
import { needsScreenshots } from '../report/index.js';
import { markdown } from '../report/markdown.js';
import { visitLine } from '../report/progress.js';
import { anchorFile } from '../report/text/location.js';
import { subjectLabel } from '../report/text/subject.js';
import { findingSentence } from '../report/text/sentence.js';
import { writeReports } from '../report/write.js';
import type { GateResult } from '../types.js';

const MAX_ANNOTATIONS = 50;

const text = (name: string): string | undefined => core.getInput(name) || undefined;
const list = (name: string): string[] | undefined => {
  const items = core.getMultilineInput(name).flatMap((line) => line.split(',')).map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
};
const number = (name: string): number | undefined => {
  const value = text(name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new GateError(`Input "${name}" takes a whole number; got "${value}".`);
  return Number(value);
};
const flag = (name: string): boolean | undefined => (text(name) === undefined ? undefined : core.getBooleanInput(name));

function headerInputs(): Record<string, string> | undefined {
  const lines = core.getMultilineInput('headers');
  if (lines.length === 0) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at <= 0) throw new GateError('Input "headers" takes one "Name: value" per line.');
    const value = line.slice(at + 1).trim();
    // Masked before anything could print it.
    if (value) core.setSecret(value);
    headers[line.slice(0, at).trim()] = value;
  }
  return headers;
}

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

function flags(): RunFlags {
  const given = {
    url: text('url'),
    start: text('start-command'),
    waitOn: text('wait-on'),
    readyPattern: text('ready-pattern'),
    startTimeout: number('start-timeout'),
    static: text('static-dir'),
    spa: flag('spa'),
    headers: headerInputs(),
    pages: list('pages'),
    sitemap: text('sitemap'),
    crawl: flag('crawl'),
    maxPages: number('max-pages'),
    baseline: text('baseline'),
    failOn: parseFailOn(text('fail-on'), 'Input "fail-on"'),
    browserPath: text('browser-path'),
    browserArgs: core.getMultilineInput('browser-args').length > 0 ? core.getMultilineInput('browser-args') : undefined,
    timeoutMs: number('timeout'),
    maxTimeMs: number('max-time'),
    phases: parsePhases(text('phases'), 'Input "phases"'),
    retries: number('retries'),
  };
  if (given.url === undefined && given.start === undefined && given.static === undefined) {
    const url = deploymentUrl();
    if (url) given.url = url;
  }
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as RunFlags;
}

async function summarize(result: GateResult, reports: Map<string, string>): Promise<void> {
  await core.summary.addRaw(markdown.render(result)).write();
  const anchor = anchorFile(result);
  const fresh = result.findings.filter((f) => f.status === 'new');
  for (const f of fresh.slice(0, MAX_ANNOTATIONS)) {
    const say = f.severity === 'error' ? core.error : core.warning;
    say(findingSentence(f, f.page), { title: `${f.rule}: ${subjectLabel(f)}`, file: anchor });
  }
  if (fresh.length > MAX_ANNOTATIONS) core.warning(`${fresh.length - MAX_ANNOTATIONS} more new finding(s) are in the reports.`);
  core.setOutput('result', result.verdict.status);
  core.setOutput('new-findings', String(result.verdict.errors + result.verdict.warnings));
  core.setOutput('exit-code', String(result.verdict.exitCode));
  for (const [name, path] of reports) core.setOutput(`report-${name}`, path);
}

async function main(): Promise<number> {
  const cwd = resolve(text('working-directory') ?? process.env['GITHUB_WORKSPACE'] ?? process.cwd());
  const file = findPolicyFile(cwd, text('config'), 'Input "config":');
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  const formats = parseFormats((list('formats') ?? ['json', 'sarif', 'markdown']).join(','), 'Input "formats"');
  const result = await runGate({
    ...gateOptions(flags(), policy, cwd),
    screenshots: needsScreenshots(formats),
    onPlan: ({ urls, notes }) => {
      core.info(`scanning ${urls.length} page(s)`);
      for (const note of notes) core.notice(note);
    },
    onPage: (progress) => core.info(progressLine(progress)),
    // Shown when the workflow runs with step debug logging on.
    onVisit: ({ url, scan }) => scan && core.debug(visitLine(url, scan)),
  });
  core.info(formatConsole(result));
  const reports = writeReports(result, formats, { reportDir: text('report-dir') ?? 'consent-gate-report' }, cwd);
  await summarize(result, reports);
  if (result.verdict.exitCode !== 0) core.setFailed(`consent-gate ${result.verdict.status}: ${result.verdict.reason}`);
  return result.verdict.exitCode;
}

exitCleanlyOnSignals();
main().then(
  (code) => {
    if (!stopping()) process.exitCode = code;
  },
  (error: unknown) => {
    // Stopped by a signal: what failed since is the stop itself; the signal handler has said so.
    if (stopping()) return;
    core.setOutput('result', 'error');
    if (error instanceof GateError) {
      core.setFailed(error.message);
      process.exitCode = error.exitCode;
    } else {
      core.setFailed(`consent-gate: internal error, the scan did not complete: ${error instanceof Error ? (error.stack ?? error.message) : errorText(error)}`);
      process.exitCode = 3;
    }
  },
);
