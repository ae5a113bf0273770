export { runGate, defaultConcurrency, type GateOptions, type PageProgress, type VisitProgress } from './gate.js';
export { GateError } from './shared/errors.js';
export { resolveBrowser, INSTALL_HINT, BROWSER_ENV, type ResolvedBrowser } from './browser/resolve.js';
export { RULES, type Rule } from './rules/index.js';
export { formatConsole } from './report/console.js';
export { formatJson, REPORT_SCHEMA_VERSION } from './report/json.js';
export type * from './types.js';
export { startStatic, type StaticServer } from './target/static.js';
