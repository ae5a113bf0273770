import { join, resolve } from 'node:path';
import { GateError } from '../../shared/errors.js';
import { writeFileAtomic } from '../../shared/files.js';
import type { OutputKind, RunSecrets } from '../../shared/secrets.js';
import type { GateResult, Lang } from '../../types.js';
import { DEFAULT_REPORT_DIR, outputKind } from '../write.js';
import { buildDeclaration } from './build.js';
import { DECLARATION_FORMATS, type DeclarationFormat } from './formats.js';

export interface DeclarationTargets {
  output?: string;
  reportDir?: string;
}

/** Called before a scan too: a wrong combination should cost a second, not a scan. */
export function checkDeclarationTargets(names: readonly string[], where: DeclarationTargets): DeclarationFormat[] {
  const formats = names.map((name) => DECLARATION_FORMATS.find((f) => f.name === name)!);
  if (where.output !== undefined && formats.length !== 1) {
    throw new GateError(`--output names one file, but ${formats.length} declaration formats were asked for (${names.join(', ')}). Use --report-dir for several.`);
  }
  return formats;
}

/**
 * Writes the declaration in each format asked for, through the run's secret check: one format with no
 * file named goes to stdout (`consent-gate declaration report.json --format html > cookies.html`),
 * returned with its kind for the caller's outlet; else format → path.
 */
export function writeDeclaration(
  result: GateResult,
  names: readonly string[],
  where: DeclarationTargets,
  lang: Lang,
  cwd: string,
  secrets: RunSecrets,
): { files: Map<string, string>; stdout: { text: string; kind: OutputKind } | null } {
  const formats = checkDeclarationTargets(names, where);
  const declaration = buildDeclaration(result, lang);
  if (where.output === undefined && where.reportDir === undefined && formats.length === 1) return { files: new Map(), stdout: { text: formats[0]!.render(declaration), kind: outputKind(formats[0]!) } };
  const dir = resolve(cwd, where.reportDir ?? DEFAULT_REPORT_DIR);
  const files = new Map(formats.map((f) => [f.name, where.output !== undefined ? resolve(cwd, where.output) : join(dir, f.file)]));
  for (const format of formats) writeFileAtomic(files.get(format.name)!, secrets.clear(format.render(declaration), outputKind(format)));
  return { files, stdout: null };
}
