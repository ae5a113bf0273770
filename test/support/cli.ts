import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { startVendors } from '../../examples/vendors/serve.mjs';
import { CLI, ROOT } from './fixtures.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed by `timeoutMs`: a CLI busy in a loop may not even answer SIGTERM. */
  killed: boolean;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  /** The Node that runs it: the one running the tests unless given. */
  node?: string;
}

export interface RunningCli {
  child: ChildProcess;
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
  done: Promise<CliRun>;
}

/** Starts the built CLI (dist/cli.js) as a user would. */
function launch(args: string[], options: CliOptions): RunningCli {
  const child = spawn(options.node ?? process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killed = false;
  const limit = options.timeoutMs === undefined ? undefined : setTimeout(() => (killed = child.kill('SIGKILL')), options.timeoutMs);
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr, killed });
    });
  });
  return { child, output: () => ({ stdout, stderr }), done };
}

/**
 * Starts the built CLI for a test that acts while it runs (signals it, watches its processes). Killed
 * when the test ends, however it ends: a bounded wait that gives up, or the test's own time-out, leaves
 * nothing running. Call it inside a test.
 */
export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  const run = launch(args, options);
  onTestFinished(() => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  });
  return run;
}

/**
 * Runs the built CLI (dist/cli.js) as a user would, with its real exit code. `timeoutMs` bounds a run
 * that could spin forever, which a test's own time-out cannot stop when the spinning is in-process.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return launch(args, options).done;
}

export const browserFlags = (args: string[]): string[] => args.map((a) => `--browser-arg=${a}`);

/** The vendor stand-ins for a whole test file, as CLI flags: call at the file's top level. */
export function vendorFlagsForFile(): () => string[] {
  let flags: string[] = [];
  let close: () => Promise<unknown> = async () => undefined;
  beforeAll(async () => {
    const vendors = await startVendors();
    flags = browserFlags(vendors.browserArgs);
    close = vendors.close;
  });
  afterAll(() => close());
  return () => flags;
}
