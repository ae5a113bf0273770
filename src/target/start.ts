import { spawn, type ChildProcess } from 'node:child_process';
import { GateError } from '../shared/errors.js';
import { onShutdown } from '../shared/lifecycle.js';
import { withTimeout } from '../shared/time.js';

export interface StartOptions {
  command: string;
  /** URL that answers (any HTTP status below 500) once the preview is ready. */
  waitOn?: string;
  /** Regular expression matched against the command's output, like Lighthouse CI's ready pattern. */
  readyPattern?: string;
  timeoutMs: number;
  cwd: string;
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

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
    await response.body?.cancel();
    return response.status < 500;
  } catch {
    return false;
  }
}

/** Signals the whole process group: `npm run preview` is a shell, npm and the server, at least. */
function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
  } catch {
    // Already gone.
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
}

async function stopTree(child: ChildProcess): Promise<void> {
  signalTree(child, 'SIGTERM');
  const gone = (await withTimeout(exited(child), 5_000)) !== null;
  // Even when the shell exits, children that ignore SIGTERM may linger in the group.
  signalTree(child, 'SIGKILL');
  if (!gone) await exited(child);
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

  // detached: its own process group, so the whole tree can be stopped with one signal.
  const child = spawn(options.command, { shell: true, cwd: options.cwd, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
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
  const forget = onShutdown(() => stopTree(child));
  const stop = (): Promise<void> => {
    forget();
    return stopTree(child);
  };
  try {
    for (;;) {
      if (exitedEarly) throw new GateError(`The start command "${options.command}" ${exitedEarly} before the preview was ready.${tail(output)}`);
      const ready = (!pattern || sawPattern) && (!options.waitOn || (await answers(options.waitOn)));
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
