import { createRequire } from 'node:module';
import { once } from '../shared/once.js';

/**
 * Playwright, loaded when a browser is first needed and through require(): it is CommonJS, and an ESM
 * import makes Node scan its multi-megabyte bundle for export names first, half a second of CPU on
 * every start, also of commands that never open a browser. The build copies playwright-core beside
 * dist/; `playwright` is the same API.
 */
export const playwright = once(() => createRequire(import.meta.url)('playwright-core') as typeof import('playwright'));
