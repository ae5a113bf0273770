import { join, resolve } from 'node:path';
import { GateError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import type { GateResult } from '../types.js';
import { reportFormat, type ReportFormat } from './index.js';

export const DEFAULT_REPORT_DIR = 'consent-gate-report';

export interface ReportTargets {
  output?: string;
  reportDir?: string;
}

/** Called before a scan too: a wrong combination should cost a second, not a scan. */
export function checkReportTargets(names: readonly string[], where: ReportTargets): ReportFormat[] {
  const files = names.filter((n) => n !== 'console').map((n) => reportFormat(n)!);
  if (where.output !== undefined && files.length !== 1) {
    throw new GateError(`--output names one file, but ${files.length} file formats were asked for (${files.map((f) => f.name).join(', ') || 'none'}). Use --report-dir for several.`);
  }
  return files;
}

/**
 * Writes every file format asked for; returns format name → path, and the one format that goes to
 * stdout instead: JSON alone with no file named, so `consent-gate scan --format json > report.json` works.
 */
export function writeReports(result: GateResult, names: readonly string[], where: ReportTargets, cwd: string): { files: Map<string, string>; stdout: ReportFormat | null } {
  const files = checkReportTargets(names, where);
  const written = new Map<string, string>();
  if (where.output !== undefined) {
    const path = resolve(cwd, where.output);
    writeFileAtomic(path, files[0]!.render(result));
    written.set(files[0]!.name, path);
    return { files: written, stdout: null };
  }
  if (where.reportDir === undefined && files.length === 1 && files[0]!.name === 'json') return { files: written, stdout: files[0]! };
  const dir = resolve(cwd, where.reportDir ?? DEFAULT_REPORT_DIR);
  for (const format of files) {
    const path = join(dir, format.file);
    writeFileAtomic(path, format.render(result));
    written.set(format.name, path);
  }
  return { files: written, stdout: null };
}
