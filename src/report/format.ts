import type { GateResult } from '../types.js';

/** One report format: the same result in, one file's text out. */
export interface ReportFormat {
  name: string;
  /** File name inside --report-dir. */
  file: string;
  render(result: GateResult): string;
  /** Shows pictures of the pages: the scan takes them only when such a format is asked for. */
  screenshots?: boolean;
}
