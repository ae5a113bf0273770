import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * The process table, for stopping what we started: a preview's whole tree (also what it moved into
 * a session of its own with setsid) and the browser. Linux reads /proc; other POSIX systems ask ps.
 * Windows has neither: there, the caller's own handles are all we stop.
 */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** When it started, in the system's own unit: a pid seen again with another start is another process. */
  start: string;
}

function fromProc(): ProcessEntry[] {
  const table: ProcessEntry[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // Exited, only waiting to be reaped.
      table.push({ pid: Number(entry), ppid: Number(fields[1]), start: fields[19] ?? '' });
    } catch {
      // Gone while we looked.
    }
  }
  return table;
}

function fromPs(): ProcessEntry[] {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,lstart='], { encoding: 'utf8', timeout: 5_000 });
  const table: ProcessEntry[] = [];
  for (const line of out.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.+)$/.exec(line);
    if (!match || match[3]!.startsWith('Z')) continue;
    table.push({ pid: Number(match[1]), ppid: Number(match[2]), start: match[4]!.trim() });
  }
  return table;
}

/** A process's command line ('' when it is gone or unreadable). */
export function commandLine(pid: number): string {
  try {
    if (process.platform === 'linux') return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8', timeout: 5_000 }).trim();
  } catch {
    return '';
  }
}

export function listProcesses(): ProcessEntry[] {
  if (process.platform === 'win32') return [];
  try {
    return process.platform === 'linux' ? fromProc() : fromPs();
  } catch {
    return [];
  }
}

/** Every process below `root`, children before their own children. */
export function descendantsOf(root: number, table: ProcessEntry[] = listProcesses()): ProcessEntry[] {
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of table) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry]);
  const found: ProcessEntry[] = [];
  const queue = [root];
  // Bounded by the table: each process is visited once, even if the table is inconsistent.
  const seen = new Set<number>(queue);
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (seen.has(child.pid)) continue;
      seen.add(child.pid);
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Sends a signal to a pid (negative: a process group); one already gone is no error. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already, or never ours to signal.
  }
}
