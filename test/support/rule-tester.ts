// A rule tester in the spirit of ESLint's RuleTester: a rule's unit test lists pages it must stay
// quiet on and pages it must report, with the message ids it must report them with. Each case runs
// the rule through the real engine (runRules, with only that rule), so severities, options, the
// visits a rule judges and message rendering are those of a real scan, without a browser.
import { describe, expect, it } from 'vitest';
import type { Rule, RuleSetting } from '../../src/rules/rule.js';
import { runRules } from '../../src/rules/run.js';
import type { ClassifiedScan, Finding, PageResult, Phase, Severity, Subject } from '../../src/types.js';
import { page as pageOf } from './scans.js';

interface CaseInput {
  /** Shown as the test's name; defaults to the case's position. */
  name?: string;
  /** The page to judge, or one visit of it (then the page is that visit alone). */
  page?: PageResult;
  scan?: ClassifiedScan;
  /** The rule's options as a policy would give them; the rule's defaults fill the rest. */
  options?: Record<string, unknown>;
  /** The policy's setting for the rule (default: the rule's default severity). */
  severity?: RuleSetting;
}

export type ValidCase = CaseInput;

export interface ExpectedError {
  messageId: string;
  /** Compared field by field: only what is given must match. */
  subject?: Partial<Subject>;
  data?: Record<string, string | number>;
  phase?: Phase;
  severity?: Severity;
}

export interface InvalidCase extends CaseInput {
  errors: ExpectedError[];
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /**
   * Message ids the rule declares but cannot report (the before-consent rules share one set of
   * tracking messages): said here, so that every other id must be shown reachable by a case.
   */
  notEmitted?: string[];
}

const caseName = (kind: 'valid' | 'invalid', test: CaseInput, index: number): string => test.name ?? `${kind} #${index + 1}`;

/** A finding as one line, for failure messages: what was reported, not what was hoped for. */
const shown = (f: Finding): string => `${f.phase} ${f.messageId} ${JSON.stringify(f.subject)}: ${f.message}`;

/** Runs one case through the engine with only this rule, and checks what any finding of any rule must be. */
function judge(rule: Rule<never>, test: CaseInput, label: string): Finding[] {
  const given = [test.page, test.scan].filter((x) => x !== undefined).length;
  if (given !== 1) throw new Error(`${label}: give exactly one of "page" or "scan"`);
  const page = test.page ?? pageOf(test.scan!);
  const config = { severity: test.severity ?? rule.meta.defaultSeverity, options: test.options ?? {} };
  let findings: Finding[];
  try {
    findings = runRules(page, { [rule.meta.id]: config }, [rule]);
  } catch (error) {
    throw new Error(`${label}: the rule threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  for (const finding of findings) {
    // The engine refuses unknown ids today; the tester says so itself, whatever the engine becomes.
    if (!Object.hasOwn(rule.meta.messages, finding.messageId)) {
      throw new Error(`${label}: the rule reported messageId "${finding.messageId}", which is not in its meta.messages (${Object.keys(rule.meta.messages).join(', ')})`);
    }
    if (/\{\{|\}\}/.test(finding.message)) {
      throw new Error(`${label}: message "${finding.message}" still holds a placeholder; its data was ${JSON.stringify(finding.data)}`);
    }
  }
  return findings;
}

/** A valid case: the rule must report nothing. Throws, saying what it reported, when it does. */
export function checkValid(rule: Rule<never>, test: ValidCase, label = 'valid case'): void {
  const findings = judge(rule, test, label);
  if (findings.length > 0) throw new Error(`${label}: expected no findings, got ${findings.length}:\n${findings.map((f) => `  ${shown(f)}`).join('\n')}`);
}

/** An invalid case: exactly the expected findings, in the order the engine reports them. */
export function checkInvalid(rule: Rule<never>, test: InvalidCase, label = 'invalid case'): void {
  if (test.errors.length === 0) throw new Error(`${label}: an invalid case needs at least one expected error (or make it a valid case)`);
  const findings = judge(rule, test, label);
  const list = findings.map((f) => `  ${shown(f)}`).join('\n') || '  (none)';
  if (findings.length !== test.errors.length) throw new Error(`${label}: expected ${test.errors.length} finding(s), got ${findings.length}:\n${list}`);
  test.errors.forEach((error, i) => {
    const found = findings[i]!;
    const at = `${label}, finding ${i + 1}`;
    expect(found.messageId, `${at}: messageId`).toBe(error.messageId);
    if (error.subject) expect(found.subject, `${at}: subject`).toMatchObject(error.subject);
    if (error.data) expect(found.data, `${at}: data`).toMatchObject(error.data);
    if (error.phase) expect(found.phase, `${at}: phase`).toBe(error.phase);
    if (error.severity) expect(found.severity, `${at}: severity`).toBe(error.severity);
  });
}

/**
 * What is wrong with the cases as a whole: a message id that no invalid case expects (each should
 * be shown reachable), or a `notEmitted` id that the rule does not declare or a case does expect.
 */
export function coverageProblems(rule: Rule<never>, tests: RuleTests): string[] {
  const declared = Object.keys(rule.meta.messages);
  const expected = new Set(tests.invalid.flatMap((t) => t.errors.map((e) => e.messageId)));
  const skipped = new Set(tests.notEmitted ?? []);
  return [
    ...declared.filter((id) => !expected.has(id) && !skipped.has(id)).map((id) => `no invalid case expects messageId "${id}"`),
    ...[...skipped].filter((id) => !declared.includes(id)).map((id) => `notEmitted names "${id}", which is not in meta.messages`),
    ...[...skipped].filter((id) => expected.has(id)).map((id) => `notEmitted names "${id}", but a case expects it`),
  ];
}

/** `ruleTester(rule).run({ valid, invalid })`: one vitest test per case, and one that every message id is tested. */
export function ruleTester<Options>(rule: Rule<Options>): { run(tests: RuleTests): void } {
  // The engine holds rules of any options; a rule's own option type is for its check alone.
  const engineRule = rule as unknown as Rule<never>;
  return {
    run(tests) {
      describe(rule.meta.id, () => {
        tests.valid.forEach((test, i) => {
          const name = caseName('valid', test, i);
          it(`valid: ${name}`, () => checkValid(engineRule, test, name));
        });
        tests.invalid.forEach((test, i) => {
          const name = caseName('invalid', test, i);
          it(`invalid: ${name}`, () => checkInvalid(engineRule, test, name));
        });
        it('has an invalid case for every message id', () => {
          expect(coverageProblems(engineRule, tests)).toEqual([]);
        });
      });
    },
  };
}
