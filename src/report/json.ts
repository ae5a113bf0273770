import type { GateResult } from '../types.js';
import type { ReportFormat } from './format.js';

/** Bumped whenever schema/report.schema.json changes in a way readers must notice. */
export const REPORT_SCHEMA_VERSION = 1;

export function formatJson(result: GateResult): string {
  return JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, ...result }, null, 2) + '\n';
}

export const json: ReportFormat = { name: 'json', file: 'consent-gate-report.json', render: formatJson };
