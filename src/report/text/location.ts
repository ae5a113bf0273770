import { relative } from 'node:path';
import type { GateResult } from '../../types.js';

/**
 * Code hosts want a file in the repository for each finding. A page is not a file, so findings are
 * anchored to the policy file that governs them (consent-gate.json), and the page rides along.
 */
export function anchorFile(result: GateResult): string {
  return result.policy.path ? relative(process.cwd(), result.policy.path).split('\\').join('/') : 'consent-gate.json';
}

