import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  BROWSER_ENV,
  GateError,
  INSTALL_HINT,
  REPORT_SCHEMA_VERSION,
  RULES,
  RunSecrets,
  defaultConcurrency,
  formatConsole,
  formatJson,
  judgeReport,
  policySchema,
  resolveBrowser,
  runGate,
  startStatic
} from "./chunks/chunk-EXPOU2S5.js";
import "./chunks/chunk-KJFGTTMY.js";
export {
  BROWSER_ENV,
  GateError,
  INSTALL_HINT,
  REPORT_SCHEMA_VERSION,
  RULES,
  RunSecrets,
  defaultConcurrency,
  formatConsole,
  formatJson,
  judgeReport,
  policySchema,
  resolveBrowser,
  runGate,
  startStatic
};
