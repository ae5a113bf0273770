#!/usr/bin/env node
import { HELP, parseCli, type ScanArgs } from './cli/args.js';
import { resolve } from 'node:path';
import { GateError } from './errors.js';
import { defaultPolicy, findPolicyFile, loadPolicy } from './policy/load.js';
import { gateOptions } from './config.js';
import { exitCleanlyOnSignals } from './lifecycle.js';
import { runGate, type PageProgress } from './gate.js';
import { formatConsole } from './report/console.js';
import { formatJson } from './report/json.js';
import { writeFileAtomic } from './report/write.js';
import { TOOL_VERSION } from './version.js';

function progressLine({ done, total, page, findings }: PageProgress): string {
  const scan = page.phases[0]!;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const state = scan.error ? `could not scan: ${scan.error}` : errors ? `${errors} error(s)` : 'ok';
  const width = String(total).length;
  return `[${String(done).padStart(width)}/${total}] ${page.url}  ${(scan.durationMs / 1000).toFixed(1)} s  ${state}\n`;
}

function planLine({ urls, notes }: { urls: string[]; notes: string[] }): string {
  return [`scanning ${urls.length} page(s)`, ...notes.map((n) => `note: ${n}`)].join('\n') + '\n';
}

async function scan(args: ScanArgs): Promise<number> {
  const jsonToStdout = args.formats.includes('json') && args.output === undefined;
  const cwd = process.cwd();
  const file = findPolicyFile(cwd, args.config);
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  const result = await runGate({
    ...gateOptions(args.flags, policy, cwd),
    ...(args.quiet ? {} : { onPage: (p: PageProgress) => process.stderr.write(progressLine(p)), onPlan: (p) => process.stderr.write(planLine(p)) }),
  });
  if (args.formats.includes('json')) {
    if (args.output === undefined) process.stdout.write(formatJson(result));
    else writeFileAtomic(resolve(cwd, args.output), formatJson(result));
  }
  // The summary always reaches the log; with JSON on stdout it goes to stderr, so `> report.json`
  // stays valid JSON.
  (jsonToStdout ? process.stderr : process.stdout).write(formatConsole(result));
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
