import { spawn } from 'node:child_process';
import { GateError } from '../shared/errors.js';
import type { Network } from '../shared/network.js';
import { onShutdown } from '../shared/lifecycle.js';
import { withTimeout } from '../shared/time.js';
import { ProcessTree } from './process-tree.js';

export interface StartOptions {
  command: string;
  /** URL that answers (any HTTP status below 500) once the preview is ready. */
  waitOn?: string;
  /** Regular expression matched against the command's output, like Lighthouse CI's ready pattern. */
  readyPattern?: string;
  timeoutMs: number;
  cwd: string;
  /** Where the wait-on URL is asked: as the browser will reach it. */
  network: Network;
}

export interface StartedServer {
  pid: number;
  stop(): Promise<void>;
}

const TAIL_LINES = 20;

function tail(output: string[]): string {
  const lines = output.join('').split('\n').filter((l) => l.trim() !== '').slice(-TAIL_LINES);
  return lines.length > 0 ? `\nIts last output:\n${lines.map((l) => `  | ${l}`).join('\n')}` : '\nIt printed nothing.';
}

async function answers(url: string, network: Network): Promise<boolean> {
  try {
    const response = await network.fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
    await response.body?.cancel();
    return response.status < 500;
  } catch {
    return false;
  }
}

/**
 * Runs the project's own preview command and resolves once it is ready. On early exit or time-out the
 * error carries the command's last output; either way the whole process tree is stopped.
 */
export async function startCommand(options: StartOptions): Promise<StartedServer> {
  if (!options.waitOn && !options.readyPattern) {
    throw new GateError('--start needs --wait-on URL (or --ready-pattern REGEX) to know when the preview is ready.');
  }
  let pattern: RegExp | null = null;
  try {
    pattern = options.readyPattern ? new RegExp(options.readyPattern) : null;
  } catch (error) {
    throw new GateError(`--ready-pattern ${JSON.stringify(options.readyPattern)} is not a valid regular expression (${(error as Error).message}).`);
  }

  // detached: its own process group, so one signal reaches most of it; the tree follows the rest.
  const child = spawn(options.command, { shell: true, cwd: options.cwd, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
  const tree = new ProcessTree(child);
  const output: string[] = [];
  let sawPattern = false;
  const onData = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.splice(0, output.length - 200);
    if (pattern && pattern.test(output.slice(-5).join(''))) sawPattern = true;
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exitedEarly: string | null = null;
  child.once('exit', (code, signal) => {
    exitedEarly = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
  });
  const spawnError = new Promise<Error>((done) => child.once('error', done));

  const deadline = Date.now() + options.timeoutMs;
  // Registered at once: a Ctrl-C while we wait for readiness must stop the server too.
  const forget = onShutdown(() => tree.stop());
  const stop = (): Promise<void> => {
    forget();
    return tree.stop();
  };
  try {
    for (;;) {
      if (exitedEarly) throw new GateError(`The start command "${options.command}" ${exitedEarly} before the preview was ready.${tail(output)}`);
      const ready = (!pattern || sawPattern) && (!options.waitOn || (await answers(options.waitOn, options.network)));
      if (ready) break;
      if (Date.now() > deadline) {
        const waiting = [options.waitOn ? `${options.waitOn} to answer` : '', pattern ? `output matching /${pattern.source}/` : ''].filter(Boolean).join(' and ');
        throw new GateError(
          `The preview was not ready after ${options.timeoutMs} ms: waited for ${waiting}. Raise --start-timeout, or check the command and URL.${tail(output)}`,
        );
      }
      const failed = await withTimeout(spawnError, 200);
      if (failed) throw new GateError(`The start command "${options.command}" could not be run: ${failed.message}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid ?? 0, stop };
}
