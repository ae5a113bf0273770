import { basename, dirname, join, resolve } from 'node:path';
import { GateError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import type { OutputKind, RunSecrets } from '../shared/secrets.js';
import type { GateResult, Lang } from '../types.js';
import type { ReportPlace } from './format.js';
import { repoPath } from './text/location.js';
import { reportFormat, type ReportFormat } from './index.js';

export const DEFAULT_REPORT_DIR = 'consent-gate-report';

/** How a format writes its text, by its file: where the run's secret check may replace a value (shared/secrets.ts). */
export function outputKind(format: Pick<ReportFormat, 'file'>): OutputKind {
  if (/\.(json|sarif)$/.test(format.file)) return 'json';
  return /\.(html|xml)$/.test(format.file) ? 'markup' : 'text';
}

export interface ReportTargets {
  output?: string;
  reportDir?: string;
  /** The CI run's page, where uploaded artifacts are listed: named at the end of the markdown. */
  runUrl?: string;
  /** The language of the reports people read (markdown, HTML); default English. */
  lang?: Lang;
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
export function writeReports(result: GateResult, names: readonly string[], where: ReportTargets, cwd: string, secrets: RunSecrets): { files: Map<string, string>; stdout: ReportFormat | null } {
  const files = checkReportTargets(names, where);
  if (where.output === undefined && where.reportDir === undefined && files.length === 1 && files[0]!.name === 'json') return { files: new Map(), stdout: files[0]! };
  const dir = resolve(cwd, where.reportDir ?? DEFAULT_REPORT_DIR);
  const paths = new Map(
    where.output !== undefined ? [[files[0]!.name, resolve(cwd, where.output)]] : files.map((format) => [format.name, join(dir, format.file)]),
  );
  const place = reportPlace(paths, where.runUrl);
  for (const format of files) writeFileAtomic(paths.get(format.name)!, secrets.clear(format.render(result, place, where.lang), outputKind(format)));
  return { files: paths, stdout: null };
}

/** Where the files in `paths` (format name → path) are, as a reader of the markdown looks for them. */
export function reportPlace(paths: ReadonlyMap<string, string>, runUrl?: string): ReportPlace | undefined {
  const all = [...paths.values()];
  if (all.length === 0) return undefined;
  const dir = dirname(all[0]!);
  // Outside the working folder, ../../ says less than the folder's own path.
  return { dir: (repoPath(dir) ?? dir) || '.', files: all.map((path) => basename(path)), ...(runUrl ? { runUrl } : {}) };
}
