import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { descendantsOf } from '../../src/shared/processes.js';

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
