import type { GateResult, Lang } from '../types.js';

/** Where the report files were written: a report that is read first (the markdown) points at the rest. */
export interface ReportPlace {
  /** The report folder, relative to the working folder (the repository root in CI). */
  dir: string;
  /** The file names written there. */
  files: string[];
  /** The CI run's page, where the workflow's uploaded artifacts are listed (the Action). */
  runUrl?: string;
}

/** One report format: the same result in, one file's text out. */
export interface ReportFormat {
  name: string;
  /** File name inside --report-dir. */
  file: string;
  /** `lang`: the language of reports people read (console, markdown, HTML); machine formats ignore it and stay English. */
  render(result: GateResult, place?: ReportPlace, lang?: Lang): string;
  /** Shows pictures of the pages: the scan takes them only when such a format is asked for. */
  screenshots?: boolean;
}
