import module, { createRequire } from 'node:module';
import { once } from '../shared/once.js';

/** Node ≥ 22.1's on-disk cache of compiled code; Node 20 has none. */
const compileCache = module as { enableCompileCache?: () => unknown };

/**
 * Playwright, loaded when a browser is first needed and through require(): it is CommonJS, and an ESM
 * import makes Node scan its multi-megabyte bundle for export names first, half a second of CPU on
 * every start, also of commands that never open a browser. The build copies playwright-core beside
 * dist/; `playwright` is the same API. Compiling that bundle is most of what a run compiles: with
 * Node's compile cache (in the system's temporary folder; NODE_DISABLE_COMPILE_CACHE turns it off) a
 * run after the first, as in a pre-push hook or the steps of one CI job, starts 0.15 s of CPU sooner.
 */
export const playwright = once(() => {
  compileCache.enableCompileCache?.();
  return createRequire(import.meta.url)('playwright-core') as typeof import('playwright');
});
