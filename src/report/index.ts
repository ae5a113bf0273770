import { codequality } from './codequality.js';
import { consoleFormat } from './console.js';
import { html } from './html.js';
import type { ReportFormat } from './format.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';

export type { ReportFormat } from './format.js';

export const REPORT_FORMATS: readonly ReportFormat[] = [consoleFormat, json, html, sarif, junit, codequality, markdown];
export const FORMAT_NAMES = REPORT_FORMATS.map((f) => f.name);

export function reportFormat(name: string): ReportFormat | undefined {
  return REPORT_FORMATS.find((f) => f.name === name);
}

export function needsScreenshots(names: readonly string[]): boolean {
  return names.some((name) => reportFormat(name)?.screenshots === true);
}
