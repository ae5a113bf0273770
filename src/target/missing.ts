import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { GateError } from '../shared/errors.js';
import { POLICY_FILES } from '../config/files.js';
import { checkPageForm } from '../shared/url.js';
import type { TargetSpec } from './index.js';

const isFullUrl = (page: string): boolean => /^https?:\/\//i.test(page);

/** The nearest folder above `cwd` with a policy file: the site's root when run from one of its subfolders. */
function policyAbove(cwd: string): string | null {
  for (let dir = dirname(cwd), below = cwd; dir !== below; below = dir, dir = dirname(dir)) {
    const found = POLICY_FILES.map((name) => join(dir, name)).find((path) => existsSync(path));
    if (found) return found;
  }
  return null;
}

const TARGETS = 'Give one of --static DIR (a built site, e.g. dist), --url URL (a running site) or --start CMD with --wait-on URL (the preview command)';

/**
 * Says, before anything starts, why there is nothing to scan and what to do: a bare `scan`, a run from a
 * subfolder of the site, a preview command whose address nobody gave. Each gets its own way out.
 */
export function checkTargetGiven(target: Omit<TargetSpec, 'cwd'>, pages: readonly string[], policyPath: string | null, cwd: string): void {
  pages.forEach(checkPageForm);
  if (pages.length > 0 && pages.every(isFullUrl)) return;
  if (target.static !== undefined || target.url !== undefined || target.waitOn !== undefined) return;
  if (target.start !== undefined) {
    // Without --ready-pattern either, the start command's own check asks for --wait-on.
    if (target.readyPattern === undefined) return;
    throw new GateError('--start with --ready-pattern says when the preview is ready, not where it listens: add --url URL (e.g. --url http://localhost:4173/), or --wait-on URL, or give full page URLs.');
  }
  const above = policyPath === null ? policyAbove(cwd) : null;
  if (above) {
    throw new GateError(`No policy file in ${cwd}, but ${above} is there: this is a subfolder of the site. Run consent-gate from ${dirname(above)}, or pass --config ${relative(cwd, above)}.`);
  }
  const where = policyPath === null ? `and there is no consent-gate.json in ${cwd}` : `and ${relative(cwd, policyPath) || policyPath} has no "target"`;
  throw new GateError(`Nothing to scan: no target was given, ${where}. ${TARGETS}; or run consent-gate init to write a policy with the target.`);
}
