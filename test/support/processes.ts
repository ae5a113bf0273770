import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { commandLine, descendantsOf } from '../../src/shared/processes.js';

/** A loopback port with nothing listening on it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Whether the process still runs. A zombie has exited: it only waits to be reaped, and where PID 1 is
 * not a reaping init (some sandboxes and containers) it waits forever, while kill(pid, 0) still works.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // No /proc (macOS): kill(pid, 0) is all we know.
  }
}

/** The pids a fixture preview server wrote: the server, its worker child and its setsid worker, if asked for. */
export function pidsIn(file: string): number[] {
  const pids = JSON.parse(readFileSync(file, 'utf8')) as { server: number; worker: number; setsid?: number };
  return [pids.server, pids.worker, ...(pids.setsid ? [pids.setsid] : [])];
}

/** The pids of all descendants of a process. */
export function descendants(root: number): number[] {
  return descendantsOf(root).map((p) => p.pid);
}

/** The pids still running after waiting up to `ms` for them all to be gone. */
export async function survivors(pids: number[], ms = 10_000): Promise<number[]> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (!pids.some(isRunning)) return [];
  }
  return pids.filter(isRunning);
}

/** Polls until `ready` holds; bounded, so a run that never gets there fails the test instead of hanging it. */
export async function until(what: string, ready: () => boolean, ms = 60_000): Promise<void> {
  for (const deadline = Date.now() + ms; !ready(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error(`gave up after ${ms / 1000} s waiting for ${what}`);
  }
}

/** The Chromium renderer processes among the descendants of a process: where a page's code runs. */
export const renderers = (root: number): number[] => descendants(root).filter((pid) => commandLine(pid).includes('--type=renderer'));

/** CPU time a process has used so far, in ms, from /proc (clock ticks of 10 ms); 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime and stime, fields 14 and 15; the fields start after the command name's last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Waits until one of `pids` has used `ms` of CPU more than when called: busy, not merely started. */
export async function busy(what: string, pids: number[], ms = 300): Promise<void> {
  const before = new Map(pids.map((pid) => [pid, cpuMs(pid)]));
  await until(what, () => pids.some((pid) => cpuMs(pid) - before.get(pid)! >= ms), 30_000);
}
