import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { killGuarded } from './reaper.js';

/**
 * What must be undone however the run ends: the preview server's process tree, the browser, temp
 * folders. Ctrl-C in a terminal and SIGTERM from a CI runner's cancel button both go through here.
 * CI runners follow up with SIGINT, SIGTERM again or SIGKILL after a grace period: a second signal
 * hastens the stop (everything still running is killed at once), it never abandons it.
 */
const cleanups = new Set<() => Promise<void>>();

export function onShutdown(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

async function runCleanups(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((cleanup) => cleanup()));
}

let received: NodeJS.Signals | null = null;
let hurry: () => void = () => undefined;
const hurried = new Promise<void>((resolve) => (hurry = resolve));

/** Whether a signal is stopping the run: its results are void, nothing more is written or printed. */
export function stopping(): boolean {
  return received !== null;
}

/** Resolves when a second signal asks to stop at once: every grace period races it. */
export function whenHurried(): Promise<void> {
  return hurried;
}

/** Thrown where a run notices it is being stopped: the signal handler has the last word. */
export class Interrupted extends Error {
  constructor() {
    super(`interrupted by ${received ?? 'a signal'}`);
    this.name = 'Interrupted';
  }
}

/** After a second signal, cleanups get this long before the process ends regardless. */
const HURRY_MS = 3_000;

let installed = false;

/** For the CLI and the Action: on SIGINT/SIGTERM, clean up and exit non-zero (128 + signal). */
export function exitCleanlyOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const [name, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(name, () => {
      if (received !== null) {
        process.stderr.write(`consent-gate: ${name} received again: stopping everything at once.\n`);
        killGuarded();
        hurry();
        setTimeout(() => process.exit(), HURRY_MS);
        return;
      }
      received = name;
      // Whatever the run still does, it ends with this code.
      process.exitCode = code;
      process.stderr.write(`\nconsent-gate: ${name} received: stopping the preview server and the browser; nothing was passed.\n`);
      void runCleanups().finally(() => process.exit());
    });
  }
}

/**
 * Whether the module at `moduleUrl` is the script Node was started with (`node dist/index.js`), not a
 * module something else imported. Both sides through realpath: runners and npx reach files by symlinks.
 */
export function startedAsScript(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
