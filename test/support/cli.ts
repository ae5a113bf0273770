import { spawn } from 'node:child_process';
import { CLI, ROOT } from './fixtures.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed by `timeoutMs`: a CLI busy in a loop may not even answer SIGTERM. */
  killed: boolean;
}

/**
 * Runs the built CLI (dist/cli.js) as a user would, with its real exit code. `timeoutMs` bounds a run
 * that could spin forever, which a test's own time-out cannot stop when the spinning is in-process.
 */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const limit = options.timeoutMs === undefined ? undefined : setTimeout(() => (killed = child.kill('SIGKILL')), options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr, killed });
    });
  });
}

export const browserFlags = (args: string[]): string[] => args.map((a) => `--browser-arg=${a}`);
