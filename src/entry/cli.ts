#!/usr/bin/env node
import { HELP, parseCli, type ScanArgs } from './args.js';
import { relative } from 'node:path';
import { GateError } from '../shared/errors.js';
import { init } from './init.js';
import { defaultPolicy, findPolicyFile, loadPolicy } from '../policy/load.js';
import { gateOptions } from './config.js';
import { exitCleanlyOnSignals, onShutdown, stopping } from '../shared/lifecycle.js';
import { runGate } from '../gate.js';
import { formatConsole } from '../report/console.js';
import { progressOutput } from '../report/progress.js';
import { needsScreenshots } from '../report/index.js';
import { formatJson } from '../report/json.js';
import { checkReportTargets, writeReports } from '../report/write.js';
import { TOOL_VERSION } from '../shared/version.js';

/** Set once the arguments are read: whether an error should come with its stack. */
let verbose = false;

/** The stack, and the stacks of what caused it: what a bug report needs. */
function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return [error.stack ?? error.message, ...(error.cause === undefined ? [] : [`caused by: ${stackOf(error.cause)}`])].join('\n');
}

async function scan(args: ScanArgs): Promise<number> {
  const cwd = process.cwd();
  const file = findPolicyFile(cwd, args.config);
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  const where = { ...(args.output ? { output: args.output } : {}), ...(args.reportDir ? { reportDir: args.reportDir } : {}) };
  checkReportTargets(args.formats, where);
  const progress = args.progress === 'quiet' ? null : progressOutput(process.stderr, args.progress === 'verbose');
  // Ctrl-C mid-scan: the shell prompt should not land on the live line.
  const forgetProgress = onShutdown(async () => progress?.stop());
  let result;
  try {
    result = await runGate({
      ...gateOptions(args.flags, policy, cwd),
      screenshots: needsScreenshots(args.formats),
      ...(progress ? { onPlan: progress.onPlan, onVisit: progress.onVisit, onPage: progress.onPage } : {}),
    });
  } finally {
    progress?.stop();
    forgetProgress();
  }
  const written = writeReports(result, args.formats, where, cwd);
  const jsonToStdout = args.formats.includes('json') && !written.has('json');
  if (jsonToStdout) process.stdout.write(formatJson(result));
  // The summary always reaches the log; with JSON on stdout it goes to stderr, so `> report.json`
  // stays valid JSON.
  (jsonToStdout ? process.stderr : process.stdout).write(formatConsole(result));
  for (const [name, path] of written) process.stderr.write(`report (${name}): ${relative(cwd, path) || path}\n`);
  if (args.flags.updateBaseline && !result.baseline.updated) {
    process.stderr.write(`consent-gate: the baseline was not written: pages that could not be scanned would record a partial truth. Fix the scan errors, then run it again.\n`);
  }
  return result.verdict.exitCode;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  verbose = 'progress' in args && args.progress === 'verbose';
  if (args.command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.command === 'init') {
    for (const line of init({ cwd: process.cwd(), hook: args.hook, force: args.force })) process.stdout.write(`${line}\n`);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  return scan(args);
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
      process.stderr.write(`consent-gate: ${error.message}\n`);
      if (verbose) process.stderr.write(`${stackOf(error)}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`consent-gate: internal error, the scan did not complete:\n${stackOf(error)}\n`);
      process.exitCode = 3;
    }
  },
);
