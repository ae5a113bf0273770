import type { GateResult } from '../types.js';
import type { ReportFormat } from './format.js';
import { findingLocation, pageIdentity } from './text/location.js';
import { pageLabel } from '../shared/url.js';
import { findingSentence } from './text/sentence.js';
import { isScanFailure } from './text/rules.js';

/**
 * GitLab Code Quality (artifacts:reports:codequality): an array of issues. Allowed findings are not
 * issues; baselined ones are, so the merge-request widget tells new from existing by fingerprint.
 */
export const codequality: ReportFormat = {
  name: 'codequality',
  file: 'consent-gate.codequality.json',
  render: (gate: GateResult) => {
    const issues = gate.findings
      .filter((f) => f.status !== 'allowed')
      .map((f) => {
        const at = findingLocation(gate, f);
        return {
          description: findingSentence(f, pageLabel(f.page)),
          check_name: f.rule,
          // One finding on several pages is several issues: the page is part of the identity here.
          fingerprint: pageIdentity(f),
          severity: isScanFailure(gate, f) ? 'blocker' : f.severity === 'error' ? 'critical' : 'minor',
          // GitLab's parser requires a location but not a path: with no file to point at, the issue stays, unplaced.
          location: at ? { path: at.path, lines: { begin: at.line } } : {},
        };
      });
    return JSON.stringify(issues, null, 2) + '\n';
  },
};
