import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

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

/** The pids a fixture preview server wrote: the server and its worker child. */
export function pidsIn(file: string): number[] {
  const pids = JSON.parse(readFileSync(file, 'utf8')) as { server: number; worker: number };
  return [pids.server, pids.worker];
}

/** The pids of all descendants of a process, from /proc (Linux). */
export function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone while we looked.
    }
  }
  const found: number[] = [];
  for (const pid of parents.keys()) {
    for (let p = parents.get(pid) ?? 0; p > 1; p = parents.get(p) ?? 0) {
      if (p === root) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}
