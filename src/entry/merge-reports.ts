import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Policy } from '../policy/policy.js';
import { json } from '../report/json.js';
import { GateError } from '../shared/errors.js';
import type { GateResult } from '../types.js';
import { combineShards } from '../verdict/shards.js';
import { judgeSaved, readReport, type JudgeOptions } from './judge.js';

/**
 * The JSON reports of the shards of one run (files, or folders searched for the name --format json
 * gives its file, as CI artifacts are downloaded one folder each), judged as one run: the same way
 * judge re-judges one saved report, so the policy and the baseline are applied once, to every page.
 */
export function mergeReports(paths: readonly string[], policy: Policy, options: JudgeOptions = {}): GateResult {
  const files = paths.flatMap(reportFiles);
  const reports = files.map((file) => ({ name: relative(process.cwd(), file) || file, run: readReport(file) }));
  return judgeSaved(combineShards(reports), policy, options);
}

function reportFiles(path: string): string[] {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    throw new GateError(`${relative(process.cwd(), path) || path}: no such file or folder. Give the shards' JSON reports, or the folder their artifacts were downloaded to.`);
  }
  if (!folder) return [path];
  const found = readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((file) => basename(file) === json.file)
    .sort()
    .map((file) => join(path, file));
  // An empty folder is what a run whose shards all failed leaves behind: nothing was scanned.
  if (found.length === 0) throw new GateError(`${relative(process.cwd(), path) || path} holds no ${json.file}: no shard reported, so no page was checked (never a pass). Write each shard's with --format json.`, 3);
  return found;
}
