import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajv2020 from 'ajv/dist/2020.js';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { validateXML } from 'xmllint-wasm';
import { ROOT } from './fixtures.js';

/** The JSON report checked against the published schema: `true`, or ajv's errors. */
export function validateReport(report: unknown): true | object[] {
  // Both are CommonJS: under NodeNext their classes sit on .default. Strict, but a finding's data
  // is `"type": ["string", "number"]`: a union that strict mode refuses unless allowed.
  const ajv = new ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
  ajvFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8')));
  return validate(report) ? true : (validate.errors ?? []);
}

/**
 * A Code Quality report checked as GitLab reads it: its parser drops an issue without description,
 * fingerprint, severity or a location object (a path is not required), and the widget knows these
 * severities only.
 */
export function validateCodeQuality(issues: unknown): true | object[] {
  const ajv = new ajv2020.default({ allErrors: true, strict: true });
  const validate = ajv.compile({
    type: 'array',
    items: {
      type: 'object',
      required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
      properties: {
        description: { type: 'string', minLength: 1 },
        check_name: { type: 'string', minLength: 1 },
        fingerprint: { type: 'string', minLength: 1 },
        severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
        location: {
          type: 'object',
          additionalProperties: false,
          properties: { path: { type: 'string', minLength: 1 }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } },
          dependentRequired: { path: ['lines'], lines: ['path'] },
        },
      },
    },
  });
  return validate(issues) ? true : (validate.errors ?? []);
}

let sarifSchema: ValidateFunction | undefined;

/**
 * A SARIF log (its text or parsed) checked against the OASIS SARIF 2.1.0 schema: `true`, or ajv's
 * errors. Every test that writes a SARIF file runs it through this.
 */
export function validateSarif(log: unknown): true | object[] {
  if (!sarifSchema) {
    // The schema is draft-04, and has one pattern that is only valid outside Unicode mode.
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    ajvFormats.default(ajv);
    sarifSchema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')));
  }
  const parsed = typeof log === 'string' ? (JSON.parse(log) as unknown) : log;
  return sarifSchema(parsed) ? true : (sarifSchema.errors ?? []);
}

/** A JUnit XML report checked against the JUnit schema Jenkins' xUnit plugin uses: `true`, or xmllint's errors. */
export async function validateJunit(xml: string): Promise<true | string[]> {
  const result = await validateXML({
    xml: { fileName: 'consent-gate.junit.xml', contents: xml },
    schema: { fileName: 'junit-10.xsd', contents: readFileSync(join(ROOT, 'test', 'schemas', 'junit-10.xsd'), 'utf8') },
  });
  return result.valid ? true : result.errors.map((e) => e.rawMessage);
}
