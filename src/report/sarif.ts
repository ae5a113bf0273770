import type { Finding, GateResult } from '../types.js';
import type { ReportFormat } from './format.js';
import { findingLocation, pageIdentity, type FileLocation } from './text/location.js';
import { pageLabel } from '../shared/url.js';
import { findingSentence } from './text/sentence.js';

const LEVEL = { error: 'error', warn: 'warning' } as const;

function result(finding: Finding, at: FileLocation | null, gate: GateResult): object {
  const suppressed =
    finding.status === 'new'
      ? {}
      : { suppressions: [{ kind: 'external', status: 'accepted', justification: finding.because ?? `${finding.status} in consent-gate` }] };
  return {
    ruleId: finding.rule,
    ruleIndex: gate.rules.findIndex((r) => r.id === finding.rule),
    level: LEVEL[finding.severity],
    message: { text: findingSentence(finding, pageLabel(finding.page)) },
    locations: [
      {
        // No file to point at is no physical location, rather than one at a file that does not exist.
        ...(at ? { physicalLocation: { artifactLocation: { uri: at.path }, region: { startLine: at.line } } } : {}),
        logicalLocations: [{ fullyQualifiedName: pageLabel(finding.page), kind: 'resource' }],
      },
    ],
    // v2: per page. v1 was the subject alone, which folded one tracker on every page into one alert.
    partialFingerprints: { 'consentGate/v2': pageIdentity(finding) },
    properties: { page: finding.page, fingerprint: finding.fingerprint, phase: finding.phase, category: finding.category, vendor: finding.vendor, party: finding.party, status: finding.status, evidence: finding.evidence, chain: finding.chain },
    ...suppressed,
  };
}

/** SARIF 2.1.0, for GitHub code scanning (upload-sarif) and other SARIF viewers. */
export const sarif: ReportFormat = {
  name: 'sarif',
  file: 'consent-gate.sarif',
  render: (gate: GateResult) => {
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: gate.tool.name,
              version: gate.tool.version,
              informationUri: 'https://www.npmjs.com/package/consent-gate',
              rules: gate.rules.map((rule) => ({
                id: rule.id,
                name: rule.title,
                shortDescription: { text: rule.title },
                fullDescription: { text: rule.description },
                help: { text: `${rule.description}\nLegal basis: ${rule.legalBasis}` },
                helpUri: rule.docsUrl,
                defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
                properties: { legalBasis: rule.legalBasis, tags: ['privacy', 'consent'] },
              })),
            },
          },
          results: gate.findings.map((f) => result(f, findingLocation(gate, f), gate)),
          properties: { verdict: gate.verdict },
        },
      ],
    };
    return JSON.stringify(log, null, 2) + '\n';
  },
};
