import { isAbsolute, relative } from 'node:path';
import { pageLabel } from '../../shared/url.js';
import type { Finding, GateResult } from '../../types.js';

export interface FileLocation {
  /** Relative to the working folder, with forward slashes. */
  path: string;
  line: number;
}

/**
 * Code hosts want a file in the repository for each finding, and a page is not one. The policy file
 * that governs the finding when there is one; else the file --static served the page from, at the
 * tag that loaded the subject when the trail starts in the HTML; else no file at all, rather than one
 * that does not exist. A file outside the working folder (the repository root in CI) is nothing a
 * code host can show either.
 */
export function findingLocation(result: GateResult, finding: Finding): FileLocation | null {
  const policy = repoPath(result.policy.path);
  if (policy) return { path: policy, line: 1 };
  const page = repoPath(result.target.files[finding.page]);
  if (!page) return null;
  const tag = finding.chain[1];
  return { path: page, line: tag?.via === 'html' && tag.line ? tag.line : 1 };
}

/** A file as the repository names it (relative, with /), or null when it lies outside the working folder. */
export function repoPath(file: string | null | undefined): string | null {
  if (!file) return null;
  const path = relative(process.cwd(), file);
  return path.startsWith('..') || isAbsolute(path) ? null : path.split('\\').join('/');
}

/**
 * One finding on one page, as code hosts track it from run to run. The fingerprint alone spans pages
 * (one baseline entry for a tracker on every page); the page's path, never its loopback port, splits it.
 */
export const pageIdentity = (finding: Finding): string => `${finding.fingerprint}:${pageLabel(finding.page)}`;
