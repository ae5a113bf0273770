import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { signal } from './processes.js';
import { withTimeout } from './time.js';

/**
 * What we started must not outlive us, even when we are killed with SIGKILL and no handler of ours
 * runs. A small watcher process, in a session of its own (so a signal to our process group does not
 * reach it), holds a list of what to kill and which folders to remove. It learns of our death when
 * its stdin closes, which the kernel does for any death; then it kills the list and removes the folders.
 */
export interface Charge {
  /** Pids to kill; a negative number is a process group. */
  pids: number[];
  dirs: string[];
}

/**
 * Runs in the watcher process, sent as source text: it may use only its argument and Node's globals.
 * The last line read is the whole list; on end of input, everything on it goes.
 */
function watch(load: (id: string) => unknown): void {
  const { rmSync } = load('node:fs') as typeof import('node:fs');
  let charge: { pids: number[]; dirs: string[] } = { pids: [], dirs: [] };
  let buffered = '';
  // A terminal's Ctrl-C or hang-up is for the CLI, which tells us what to do by closing our input.
  process.on('SIGINT', () => undefined);
  process.on('SIGHUP', () => undefined);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    buffered += chunk;
    for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
      try {
        charge = JSON.parse(buffered.slice(0, at)) as typeof charge;
      } catch {
        // A torn line: the next one carries the whole list again.
      }
      buffered = buffered.slice(at + 1);
    }
  });
  process.stdin.on('end', () => {
    for (const pid of charge.pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    for (const dir of charge.dirs) {
      try {
        // A process just killed may still be flushing a file into it: retry a few times.
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch {
        // Nothing more a watcher can do.
      }
    }
    process.exit(0);
  });
}

const charges = new Map<string, Charge>();
let watcher: ChildProcess | null = null;

function everything(): Charge {
  const all = [...charges.values()];
  return { pids: [...new Set(all.flatMap((c) => c.pids))], dirs: [...new Set(all.flatMap((c) => c.dirs))] };
}

function tell(): void {
  if (!watcher) {
    watcher = spawn(process.execPath, ['-e', `(${watch.toString()})(require)`], { detached: process.platform !== 'win32', stdio: ['pipe', 'ignore', 'ignore'] });
    // Neither the watcher nor the pipe to it may keep this process alive.
    watcher.unref();
    (watcher.stdin as Socket | null)?.unref();
    watcher.stdin?.on('error', () => undefined);
    watcher.on('error', () => undefined);
  }
  watcher.stdin?.write(`${JSON.stringify(everything())}\n`);
}

/** Puts processes and folders under the watcher's care, replacing what `key` held before. */
export function guard(key: string, charge: Charge): void {
  charges.set(key, charge);
  tell();
}

/**
 * Takes `key` off the list, once its processes are stopped and its folders gone. With nothing left,
 * the watcher is sent away and awaited, so no process of ours lingers after a clean run.
 */
export async function release(key: string): Promise<void> {
  if (!charges.delete(key) || !watcher) return;
  if (charges.size > 0) return tell();
  const leaving = watcher;
  watcher = null;
  const gone = new Promise<void>((done) => (leaving.exitCode !== null || leaving.signalCode !== null ? done() : leaving.once('exit', () => done())));
  // Unreferenced, it would let this process end with nothing else to do before the watcher has gone.
  leaving.ref();
  leaving.stdin?.end(`${JSON.stringify(everything())}\n`);
  await withTimeout(gone, 2_000);
}

/** Our processes some other part of the run already answers for (a target's server, the watcher). */
export function answeredFor(): Set<number> {
  return new Set([...everything().pids.map(Math.abs), ...(watcher?.pid !== undefined ? [watcher.pid] : [])]);
}

/** For a second Ctrl-C: kill everything under guard now, without waiting for anyone. */
export function killGuarded(): void {
  for (const pid of everything().pids) signal(pid, 'SIGKILL');
}
