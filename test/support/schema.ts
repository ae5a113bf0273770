import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajv2020 from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
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
