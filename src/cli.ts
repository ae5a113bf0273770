#!/usr/bin/env node
import { HELP, parseCli, type ScanArgs } from './cli/args.js';
import { relative } from 'node:path';
import { GateError } from './errors.js';
import { init } from './init.js';
import { defaultPolicy, findPolicyFile, loadPolicy } from './policy/load.js';
import { gateOptions } from './config.js';
import { exitCleanlyOnSignals } from './lifecycle.js';
import { runGate, type PageProgress } from './gate.js';
import { formatConsole, progressLine } from './report/console.js';
import { formatJson } from './report/json.js';
import { checkReportTargets, writeReports } from './report/write.js';
import { TOOL_VERSION } from './version.js';

function planLine({ urls, notes }: { urls: string[]; notes: string[] }): string {
  return [`scanning ${urls.length} page(s)`, ...notes.map((n) => `note: ${n}`)].join('\n') + '\n';
}

async function scan(args: ScanArgs): Promise<number> {
  const cwd = process.cwd();
  const file = findPolicyFile(cwd, args.config);
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  const where = { ...(args.output ? { output: args.output } : {}), ...(args.reportDir ? { reportDir: args.reportDir } : {}) };
  checkReportTargets(args.formats, where);
  const result = await runGate({
    ...gateOptions(args.flags, policy, cwd),
    ...(args.quiet ? {} : { onPage: (p: PageProgress) => process.stderr.write(`${progressLine(p)}\n`), onPlan: (p) => process.stderr.write(planLine(p)) }),
  });
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
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof GateError) {
      process.stderr.write(`consent-gate: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`consent-gate: internal error, the scan did not complete:\n${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 3;
    }
  },
);
