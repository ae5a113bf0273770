import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  BROWSER_ENV,
  GateError,
  INSTALL_HINT,
  REPORT_SCHEMA_VERSION,
  RULES,
  defaultConcurrency,
  formatConsole,
  formatJson,
  resolveBrowser,
  runGate,
  startStatic
} from "./chunks/chunk-6A6K3BLV.js";
export {
  BROWSER_ENV,
  GateError,
  INSTALL_HINT,
  REPORT_SCHEMA_VERSION,
  RULES,
  defaultConcurrency,
  formatConsole,
  formatJson,
  resolveBrowser,
  runGate,
  startStatic
};
