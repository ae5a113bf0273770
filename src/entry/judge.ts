import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ajv2020 from 'ajv/dist/2020.js';
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };
import { emptyBaseline } from '../baseline/baseline.js';
import { readBaseline, writeBaseline } from '../baseline/file.js';
import type { Policy } from '../policy/policy.js';
import { GateError, errorText } from '../shared/errors.js';
import { once } from '../shared/once.js';
import { RunSecrets } from '../shared/secrets.js';
import type { GateResult } from '../types.js';
import { concludeRun, judgePage, resultOf, type SavedRun } from '../verdict/judge.js';

// Formats (uri, date-time) are documentation here: the structure is what judging relies on.
const validator = once(() => new ajv2020.default({ allErrors: true, strict: false, validateFormats: false }).compile(reportSchema));

/** A JSON report a scan wrote, checked against the report schema: anything else is a usage error naming the file. */
export function readReport(path: string): GateResult {
  const name = relative(process.cwd(), path) || path;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GateError(`${name}: cannot read it as JSON (${errorText(error)}). Give a report written by --format json.`, 2, error);
  }
  const validate = validator();
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new GateError(`${name} is not a consent-gate JSON report (${first?.instancePath || '/'}: ${first?.message ?? 'invalid'}). Write one with: consent-gate scan --format json -o ${name}`);
  }
  return data as unknown as GateResult;
}

export interface JudgeOptions {
  updateBaseline?: { prune: boolean };
  /** What the baseline is written through (the caller's, beside its reports); none known by default. */
  secrets?: RunSecrets;
}

/**
 * Judges a saved JSON report again with the current rules, policy and baseline, without a browser
 * (Lighthouse's audit mode): tune an allow list in seconds, or re-read an old scan under new rules.
 */
export function judgeReport(path: string, policy: Policy, options: JudgeOptions = {}): GateResult {
  return judgeSaved(readReport(path), policy, options);
}

/** A run's pages judged as a scan judges them: per page, then once for the whole run (the baseline). */
export function judgeSaved(saved: SavedRun, policy: Policy, options: JudgeOptions = {}): GateResult {
  // Before visits recorded their steps, the English detail was all they said: reports word it as it stands.
  const readable = saved.pages.map((page) => ({
    ...page,
    phases: page.phases.map((scan) => ({ ...scan, action: scan.action && { ...scan.action, steps: scan.action.steps ?? [], failure: scan.action.failure ?? (scan.action.done ? null : scan.action.detail) } })),
  }));
  // A report written before fingerprinting, consent signals, identifiers, cookie deletions, times or declarations were gathered holds none: judged as none seen, and left as it was.
  const pages = readable.map((page) => ({
    ...page,
    phases: page.phases.map((scan) => ({
      ...scan,
      fingerprinting: scan.fingerprinting ?? [],
      consentSignals: scan.consentSignals ?? null,
      identifiers: scan.identifiers ?? [],
      cookieDeletions: scan.cookieDeletions ?? [],
      times: scan.times ?? null,
      declarations: scan.declarations ?? [],
    })),
  }));
  const stored = readBaseline(policy.baselinePath);
  const known = stored ?? emptyBaseline();
  const started = Date.now();
  const findings = pages.flatMap((page) => judgePage(page, policy, known));
  const concluded = concludeRun(findings, saved.target.urls, known, options.updateBaseline ?? null, new Date(started).toISOString().slice(0, 10));
  if (concluded.nextBaseline) writeBaseline(policy.baselinePath, concluded.nextBaseline, options.secrets ?? new RunSecrets());
  const { tool, data: lists, browser, startedAt, durationMs, coverage, target } = saved;
  return resultOf({ tool, data: lists, browser, startedAt, durationMs, coverage, target }, readable, concluded, policy, { found: stored !== null });
}
