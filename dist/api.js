import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  judgeReport
} from "./chunks/chunk-7GMYTMM7.js";
import {
  BROWSER_ENV,
  GateError,
  INSTALL_HINT,
  REPORT_SCHEMA_VERSION,
  RULES,
  defaultConcurrency,
  formatConsole,
  formatJson,
  policySchema,
  resolveBrowser,
  runGate,
  startStatic
} from "./chunks/chunk-C3FOMEJH.js";
export {
  BROWSER_ENV,
  GateError,
  INSTALL_HINT,
  REPORT_SCHEMA_VERSION,
  RULES,
  defaultConcurrency,
  formatConsole,
  formatJson,
  judgeReport,
  policySchema,
  resolveBrowser,
  runGate,
  startStatic
};
