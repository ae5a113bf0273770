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
  /** The command line, for telling the browser we launched from other browsers. */
  args: string;
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
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      table.push({ pid: Number(entry), ppid: Number(fields[1]), start: fields[19] ?? '', args });
    } catch {
      // Gone while we looked.
    }
  }
  return table;
}

function fromPs(): ProcessEntry[] {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,lstart=,stat=,args='], { encoding: 'utf8', timeout: 5_000 });
  const table: ProcessEntry[] = [];
  for (const line of out.split('\n')) {
    // lstart is five words: "Mon Jan  1 10:00:00 2026".
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+\s+\S+\s+\d+\s+\S+\s+\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!match || match[4]!.startsWith('Z')) continue;
    table.push({ pid: Number(match[1]), ppid: Number(match[2]), start: match[3]!, args: match[5]! });
  }
  return table;
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
