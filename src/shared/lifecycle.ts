import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * What must be undone however the run ends: the preview server's process tree, the browser, temp
 * folders. Ctrl-C in a terminal and SIGTERM from a CI runner's cancel button both go through here.
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

let installed = false;

/** For the CLI and the Action: on SIGINT/SIGTERM, clean up and exit non-zero (128 + signal). */
export function exitCleanlyOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nconsent-gate: ${signal} received: stopping the preview server and the browser; nothing was passed.\n`);
      void runCleanups().finally(() => process.exit(code));
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
