import type { Finding } from '../../types.js';
import { shortChain } from './chain.js';

/** A finding in one line of prose, for places that take a single message (SARIF, annotations, Code Quality). */
export function findingSentence(finding: Finding, page: string): string {
  const chain = shortChain(finding);
  return [`${finding.message} on ${page} (${finding.phase}).`, finding.evidence[0] ?? '', chain ? `Loaded via ${chain}.` : ''].filter(Boolean).join(' ');
}
