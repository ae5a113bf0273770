import type { ChildProcess } from 'node:child_process';
import { whenHurried } from '../shared/lifecycle.js';
import { descendantsOf, listProcesses, signal, type ProcessEntry } from '../shared/processes.js';
import { guard, release } from '../shared/reaper.js';
import { sleep } from '../shared/time.js';

/** How long the tree gets to stop on SIGTERM before SIGKILL. */
const GRACE_MS = 5_000;
const POLL_MS = 1_000;

/**
 * A start command's whole process tree, followed while it runs. Signalling the process group misses
 * what a server moved into a session of its own (setsid) and what lost its parent and was adopted by
 * init; so every descendant ever seen is remembered (by pid and start time, since pids are reused)
 * and stopped with the rest.
 */
export class ProcessTree {
  private readonly known = new Map<number, string>();
  private readonly timer: NodeJS.Timeout;
  private readonly key: string;
  private stopped: Promise<void> | null = null;

  constructor(private readonly child: ChildProcess) {
    this.key = `start:${child.pid}`;
    this.poll();
    this.timer = setInterval(() => this.poll(), POLL_MS);
    this.timer.unref();
  }

  /** The remembered descendants that still run, and what they started since. */
  private poll(): number[] {
    const table = listProcesses();
    const alive = (entry: ProcessEntry): boolean => this.known.get(entry.pid) === entry.start;
    const roots = [...(this.child.pid !== undefined ? [this.child.pid] : []), ...table.filter(alive).map((e) => e.pid)];
    for (const root of roots) for (const entry of descendantsOf(root, table)) this.known.set(entry.pid, entry.start);
    const running = table.filter(alive).map((e) => e.pid);
    if (this.child.pid !== undefined && process.platform !== 'win32') guard(this.key, { pids: [-this.child.pid, ...running], dirs: [] });
    return running;
  }

  private signalAll(name: NodeJS.Signals, running: number[]): void {
    if (this.child.pid === undefined) return;
    if (process.platform === 'win32') {
      this.child.kill(name);
      return;
    }
    signal(-this.child.pid, name);
    for (const pid of running) signal(pid, name);
  }

  private childGone(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Whether the whole tree is gone within `ms` (sooner false when a second signal hurries us). */
  private async gone(ms: number): Promise<boolean> {
    let hurried = false;
    void whenHurried().then(() => (hurried = true));
    for (const deadline = Date.now() + ms; Date.now() < deadline && !hurried; await sleep(100)) {
      if (this.childGone() && this.poll().length === 0) return true;
    }
    return false;
  }

  /** SIGTERM to all of it, SIGKILL to what is left after the grace period (or at once when hurried). */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      clearInterval(this.timer);
      this.signalAll('SIGTERM', this.poll());
      const clean = await this.gone(GRACE_MS);
      // Even when the tree looks gone, a process started since the last look may linger in the group.
      this.signalAll('SIGKILL', this.poll());
      if (!clean) await this.gone(2_000);
      await release(this.key);
    })();
    return this.stopped;
  }
}
