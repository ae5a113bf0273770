import type { Finding, GateResult } from '../types.js';
import type { ReportFormat } from './format.js';
import { chainSteps } from './text/chain.js';
import { escapeMarkup as escape } from './text/escape.js';
import { subjectLabel } from './text/subject.js';
import { isScanFailure } from './text/rules.js';
import { failsGate } from '../verdict/verdict.js';
import { pageLabel } from '../shared/url.js';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** A test is known by its page's path and what it checks: the same test from run to run, whatever the port. */
function testcase(finding: Finding, fails: boolean, scanFailure: boolean): string {
  const name = escape(`${finding.rule} (${finding.phase}): ${subjectLabel(finding)}`);
  const trail = chainSteps(finding).map((step) => `  ${step.url}  (${step.how})`);
  // Escaped once, where it is placed: escaping it here too gave &amp;quot; in the XML.
  const detail = [finding.message, ...finding.evidence, ...(trail.length > 1 ? ['Chain from the page:', ...trail] : [])].join('\n');
  const body =
    scanFailure
      ? `<error message="${escape(finding.message)}">${escape(detail)}</error>`
      : finding.status !== 'new'
        ? `<skipped message="${escape(`${finding.status}: ${finding.because ?? ''}`.trim())}"/>`
        : fails
          ? `<failure message="${escape(finding.message)}" type="${finding.rule}">${escape(detail)}</failure>`
          : `<system-out>${escape(`${finding.severity}: ${detail}`)}</system-out>`;
  return `    <testcase classname="${escape(pageLabel(finding.page))}" name="${name}">${body}</testcase>`;
}

/** JUnit XML for GitLab's artifacts:reports:junit: one suite per page, one case per finding. */
export const junit: ReportFormat = {
  name: 'junit',
  file: 'consent-gate.junit.xml',
  render: (gate: GateResult) => {
    const failed = (f: Finding): boolean => isScanFailure(gate, f);
    const fails = (f: Finding): boolean => !failed(f) && failsGate(f, gate.policy.failOn);
    const suites = gate.pages.map((page) => {
      const findings = gate.findings.filter((f) => f.page === page.url);
      const cases = findings.map((f) => testcase(f, fails(f), failed(f)));
      // A clean page is a passing test, so the counts mean something.
      if (findings.length === 0) cases.push(`    <testcase classname="${escape(pageLabel(page.url))}" name="no tracking before consent"/>`);
      return {
        name: pageLabel(page.url),
        cases,
        failures: findings.filter(fails).length,
        errors: findings.filter(failed).length,
        skipped: findings.filter((f) => f.status !== 'new' && !failed(f)).length,
        ms: page.phases.reduce((sum, p) => sum + p.durationMs, 0),
      };
    });
    const total = (key: 'failures' | 'errors'): number => suites.reduce((n, s) => n + s[key], 0);
    const tests = suites.reduce((n, s) => n + s.cases.length, 0);
    const body = suites.map(
      (s) =>
        `  <testsuite name="${escape(s.name)}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="${seconds(s.ms)}">\n${s.cases.join('\n')}\n  </testsuite>`,
    );
    const header = `<testsuites name="consent-gate" tests="${tests}" failures="${total('failures')}" errors="${total('errors')}" time="${seconds(gate.durationMs)}">`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n${header}\n${body.join('\n')}\n</testsuites>\n`;
  },
};
