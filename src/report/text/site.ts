import type { GateResult } from '../../types.js';

/**
 * What a report is about: a deployed site by its host, a served folder or a started project by its
 * name; never the loopback address that died with the scan.
 */
export function siteName(gate: Pick<GateResult, 'target' | 'pages'>): string {
  return gate.target.name ?? [...new Set(gate.pages.map((p) => new URL(p.url).host))].join(', ');
}
