import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  judgeReport
} from "./chunks/chunk-37IPJAM4.js";
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
} from "./chunks/chunk-WECIVSLL.js";
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
