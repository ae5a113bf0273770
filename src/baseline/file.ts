import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { GateError, errorText } from '../shared/errors.js';
import { removeStaleTemps, writeFileAtomic } from '../shared/files.js';
import type { RunSecrets } from '../shared/secrets.js';
import { emptyBaseline, type Baseline } from './baseline.js';

const shown = (path: string): string => relative(process.cwd(), path) || path;

/** Null when there is no baseline yet: every finding is new. */
export function readBaseline(path: string): Baseline | null {
  // A run killed while writing the baseline left its temp file: gone on the next run, written or not.
  removeStaleTemps(path);
  if (!existsSync(path)) return null;
  if (statSync(path).isDirectory()) throw new GateError(`${shown(path)} is a folder; the baseline is a file. Give a file path such as consent-gate.baseline.json.`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GateError(`${shown(path)}: not a readable baseline (${errorText(error)}). Restore it from git, or delete it and run consent-gate baseline.`, 2, error);
  }
  const baseline = data as Partial<Baseline>;
  if (baseline.version !== 1 || typeof baseline.findings !== 'object' || baseline.findings === null || Array.isArray(baseline.findings)) {
    throw new GateError(`${shown(path)}: not a consent-gate baseline (expected {"version": 1, "findings": {…}}). Restore it from git, or delete it and run consent-gate baseline.`);
  }
  return { ...emptyBaseline(), ...baseline } as Baseline;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** Sorted keys and fixed formatting, so a baseline change reads well in a pull-request diff. */
export function formatBaseline(baseline: Baseline): string {
  return JSON.stringify(sortKeys(baseline), null, 2) + '\n';
}

/** Written through the run's secret check, like every report (a page path may echo a value). */
export function writeBaseline(path: string, baseline: Baseline, secrets: RunSecrets): void {
  writeFileAtomic(path, secrets.clear(formatBaseline(baseline), 'json'));
}
