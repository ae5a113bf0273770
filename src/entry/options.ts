import { policySchema } from '../policy/schema.js';
import { GateError } from '../shared/errors.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { LANGS, PHASES, type Lang, type Phase, type Severity } from '../types.js';
import { FORMAT_NAMES } from '../report/index.js';
import { DECLARATION_FORMAT_NAMES } from '../report/declaration/formats.js';
import { DEFAULT_SETTINGS } from '../config/settings.js';
import type { RunFlags } from './config.js';
import { parseShard, type Shard } from '../discover/shard.js';

/**
 * Every option, once: the CLI's parser, its --help, the Action's input reader and the test against
 * action.yml all come from this table, so a flag, an input and a policy key can never disagree on
 * a name, a default or a limit. Whole-number limits of options that are also policy keys are read
 * from the policy schema, the single place they are written.
 */

export type Command = 'scan' | 'baseline' | 'judge' | 'merge-reports' | 'init' | 'declaration';

/** What a person gives: run settings, plus where reports go and how much is said. */
export interface Given extends RunFlags {
  config?: string;
  formats?: string[];
  output?: string;
  reportDir?: string;
  quiet?: boolean;
  verbose?: boolean;
  prune?: boolean;
  updateBaseline?: { prune: boolean };
  hook?: boolean;
  force?: boolean;
  gitlabIssue?: boolean;
}

type Value = string | boolean | number | string[] | Record<string, string> | Phase[] | Severity | Shard | Lang;

export interface OptionSpec {
  /** The CLI flag, without "--". */
  flag: string;
  short?: string;
  /** The GitHub Action input, when the Action takes it. */
  input?: string;
  /** string: one value; boolean; int: a whole number; strings: repeatable flag, one input line each; list: comma-separated. */
  kind: 'string' | 'boolean' | 'int' | 'strings' | 'list';
  /** Where the value goes. */
  key: keyof Given;
  group: 'Target' | 'Pages' | 'Policy and baseline' | 'Output and browser';
  /** The placeholder in --help. */
  arg?: string;
  help: string;
  /** Whole numbers: the least and most accepted. */
  min?: number;
  max?: number;
  /** Which commands take it (default scan, baseline, and declaration, which scans when given no report). */
  commands?: readonly Command[];
  /** Turns the raw value(s) into what `key` holds; `name` is how the user wrote the option, `command` the command it was given to. */
  parse?: (value: string[], name: string, command: Command) => Value;
  /** The Action also splits each input line at commas. */
  inputCommas?: boolean;
}

const schema = policySchema() as { $defs: Record<string, { properties: Record<string, { minimum?: number; maximum?: number }> }> };
const limits = (def: string, key: string): { min?: number; max?: number } => {
  const { minimum, maximum } = schema.$defs[def]!.properties[key]!;
  return { ...(minimum !== undefined ? { min: minimum } : {}), ...(maximum !== undefined ? { max: maximum } : {}) };
};

function oneOf<T extends string>(allowed: readonly T[], what: string) {
  return ([value]: string[], name: string): T => {
    if ((allowed as readonly string[]).includes(value!)) return value as T;
    throw new GateError(`${name} takes ${allowed.map((a) => `"${a}"`).join(' or ')}; got "${value}".${didYouMean(value!, allowed)}${what}`);
  };
}

function commaList<T extends string>(allowed: readonly T[], noun: string) {
  return (values: string[], name: string): T[] => {
    const list = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    for (const item of list) {
      if (!(allowed as readonly string[]).includes(item)) throw new GateError(`${name}: unknown ${noun} "${item}".${didYouMean(item, allowed)} Choose from: ${allowed.join(', ')}.`);
    }
    return list as T[];
  };
}

/** "Name: value" → { Name: value }. Values are secrets as far as we know: never echoed back. */
function headers(values: string[], name: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of values) {
    const at = item.indexOf(':');
    const header = item.slice(0, Math.max(at, 0)).trim();
    if (at <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header)) {
      throw new GateError(`${name} takes "Name: value" (e.g. "x-vercel-protection-bypass: $TOKEN"); the header named "${header || '(none)'}" is not one.`);
    }
    result[header] = item.slice(at + 1).trim();
  }
  return result;
}

const ms = (n: number): string => `${n}`;

export const OPTIONS: readonly OptionSpec[] = [
  { flag: 'url', input: 'url', kind: 'string', key: 'url', group: 'Target', arg: 'URL', help: 'an already running site (a deployed preview, a local server)' },
  { flag: 'start', input: 'start-command', kind: 'string', key: 'start', group: 'Target', arg: 'CMD', help: "run the project's preview command; with --wait-on and/or --ready-pattern" },
  { flag: 'wait-on', input: 'wait-on', kind: 'string', key: 'waitOn', group: 'Target', arg: 'URL', help: 'with --start: ready once this URL answers; also the start page' },
  { flag: 'ready-pattern', input: 'ready-pattern', kind: 'string', key: 'readyPattern', group: 'Target', arg: 'RE', help: 'with --start: ready once the command prints a line matching RE' },
  { flag: 'start-timeout', input: 'start-timeout', kind: 'int', key: 'startTimeout', group: 'Target', arg: 'MS', ...limits('target', 'startTimeout'), help: 'how long the preview may take to get ready (default 60000)' },
  { flag: 'static', input: 'static-dir', kind: 'string', key: 'static', group: 'Target', arg: 'DIR', help: 'serve a built site (dist/, build/, out/, public/) on a free loopback port' },
  {
    flag: 'base-path',
    input: 'base-path',
    kind: 'string',
    key: 'basePath',
    group: 'Target',
    arg: 'PATH',
    help: 'with --static: the path the site is built for, e.g. /my-repo/ (default: guessed from the asset URLs in its HTML, else /)',
  },
  { flag: 'spa', input: 'spa', kind: 'boolean', key: 'spa', group: 'Target', help: 'with --static: serve index.html for paths that match no file' },
  {
    flag: 'header',
    input: 'headers',
    kind: 'strings',
    key: 'headers',
    group: 'Target',
    arg: '"N: V"',
    help: 'request header for the target only, repeatable (bypass tokens, basic auth); values are never printed',
    parse: headers,
  },
  { flag: 'page', input: 'pages', kind: 'strings', inputCommas: true, key: 'pages', group: 'Pages', arg: 'PATH', help: 'a page to scan, repeatable; URLs given as arguments count too' },
  { flag: 'include', kind: 'strings', key: 'include', group: 'Pages', arg: 'GLOB', help: 'with --static: HTML files to take (default **/*.html), repeatable' },
  { flag: 'exclude', kind: 'strings', key: 'exclude', group: 'Pages', arg: 'GLOB', help: 'with --static: HTML files to leave out, repeatable' },
  { flag: 'sitemap', input: 'sitemap', kind: 'string', key: 'sitemap', group: 'Pages', arg: 'URL', help: 'read pages from a sitemap (or sitemap index); "auto" for /sitemap.xml' },
  { flag: 'sitemap-find', kind: 'string', key: 'sitemapFind', group: 'Pages', arg: 'TEXT', help: 'rewrite sitemap URLs: replace TEXT (e.g. the production host) …' },
  { flag: 'sitemap-replace', kind: 'string', key: 'sitemapReplace', group: 'Pages', arg: 'TEXT', help: '… with this (e.g. the preview host)' },
  { flag: 'crawl', input: 'crawl', kind: 'boolean', key: 'crawl', group: 'Pages', help: 'follow same-site links from the start page' },
  { flag: 'depth', kind: 'int', key: 'depth', group: 'Pages', arg: 'N', ...limits('discover', 'depth'), help: 'crawl depth (default 1)' },
  { flag: 'max-pages', input: 'max-pages', kind: 'int', key: 'maxPages', group: 'Pages', arg: 'N', ...limits('discover', 'maxPages'), help: 'most pages found by glob, sitemap or crawl to scan (default 10)' },
  // Not a policy key: one policy file serves every shard of a run.
  {
    flag: 'shard',
    input: 'shard',
    kind: 'string',
    key: 'shard',
    group: 'Pages',
    arg: 'I/N',
    commands: ['scan'],
    help: 'scan only part I of N of the pages found, for parallel CI jobs; a page always falls in the same part (by its path); combine the JSON reports with merge-reports',
    parse: ([value], name) => parseShard(value!, name),
  },
  {
    flag: 'config',
    short: 'c',
    input: 'config',
    kind: 'string',
    key: 'config',
    group: 'Policy and baseline',
    arg: 'FILE',
    commands: ['scan', 'baseline', 'judge', 'merge-reports', 'declaration'],
    help: 'policy file (default: consent-gate.json or .consent-gate.json here)',
  },
  {
    flag: 'baseline',
    input: 'baseline',
    kind: 'string',
    key: 'baseline',
    group: 'Policy and baseline',
    arg: 'FILE',
    commands: ['scan', 'baseline', 'judge', 'merge-reports'],
    help: "baseline file (default: the policy's, else consent-gate.baseline.json)",
  },
  { flag: 'update-baseline', kind: 'boolean', key: 'updateBaseline', group: 'Policy and baseline', commands: ['scan', 'judge', 'merge-reports'], help: 'scan, then record the findings in the baseline (as the baseline command)' },
  { flag: 'prune', kind: 'boolean', key: 'prune', group: 'Policy and baseline', commands: ['baseline', 'scan', 'judge', 'merge-reports'], help: 'with baseline: drop entries whose findings are gone' },
  {
    flag: 'fail-on',
    input: 'fail-on',
    kind: 'string',
    key: 'failOn',
    group: 'Policy and baseline',
    arg: 'LEVEL',
    commands: ['scan', 'baseline', 'judge', 'merge-reports'],
    help: "error or warn: the lowest severity of a new finding that fails (default: the policy's failOn, else error)",
    parse: oneOf(['error', 'warn'] as const, ''),
  },
  {
    flag: 'lang',
    input: 'lang',
    kind: 'string',
    key: 'lang',
    group: 'Output and browser',
    arg: 'LANG',
    commands: ['scan', 'baseline', 'judge', 'declaration'],
    help: "en, nl or fr: the language of the console summary, markdown and HTML, and of a cookie declaration (default: the policy's lang, else nl for the nl jurisdictions, else en)",
    parse: oneOf(LANGS, ''),
  },
  {
    flag: 'format',
    input: 'formats',
    kind: 'list',
    key: 'formats',
    group: 'Output and browser',
    arg: 'LIST',
    commands: ['scan', 'baseline', 'judge', 'merge-reports', 'declaration'],
    help: `${FORMAT_NAMES.join(', ')}; comma-separated (default console); html is one self-contained file with screenshots. With declaration: ${DECLARATION_FORMAT_NAMES.join(', ')} (default markdown)`,
    parse: (values, name, command) => (command === 'declaration' ? commaList(DECLARATION_FORMAT_NAMES, 'declaration format') : commaList(FORMAT_NAMES, 'format'))(values, name),
  },
  {
    flag: 'report-dir',
    input: 'report-dir',
    kind: 'string',
    key: 'reportDir',
    group: 'Output and browser',
    arg: 'DIR',
    commands: ['scan', 'baseline', 'judge', 'merge-reports', 'declaration'],
    help: 'write each report format there (default: consent-gate-report when more than one file format is asked for)',
  },
  {
    flag: 'output',
    short: 'o',
    kind: 'string',
    key: 'output',
    group: 'Output and browser',
    arg: 'FILE',
    commands: ['scan', 'baseline', 'judge', 'merge-reports', 'declaration'],
    help: 'write the one report format asked for to FILE (json alone, or one declaration format: default stdout)',
  },
  {
    flag: 'gitlab-issue',
    kind: 'boolean',
    key: 'gitlabIssue',
    group: 'Output and browser',
    commands: ['scan', 'judge', 'merge-reports'],
    help: 'keep one GitLab issue up to date with what fails the gate (a scheduled watch of the live site): opened, updated, closed when a run passes; needs CI_API_V4_URL, CI_PROJECT_ID and CONSENT_GATE_GITLAB_TOKEN',
  },
  { flag: 'browser-path', input: 'browser-path', kind: 'string', key: 'browserPath', group: 'Output and browser', arg: 'PATH', help: "Chrome/Chromium to use (else $CONSENT_GATE_BROWSER, $CHROME_PATH, Playwright's, system)" },
  { flag: 'browser-arg', input: 'browser-args', kind: 'strings', key: 'browserArgs', group: 'Output and browser', arg: 'FLAG', help: 'extra Chromium flag, repeatable (proxies, --host-resolver-rules=…)' },
  { flag: 'timeout', input: 'timeout', kind: 'int', key: 'timeoutMs', group: 'Output and browser', arg: 'MS', min: 1000, max: 600_000, help: `time a page may take to reach "load" (default ${ms(DEFAULT_SETTINGS.timeoutMs)})` },
  {
    flag: 'max-time',
    input: 'max-time',
    kind: 'int',
    key: 'maxTimeMs',
    group: 'Output and browser',
    arg: 'MS',
    min: 1000,
    help: 'time the whole run may take; then it stops and reports incomplete, exit 3 (default: 1 minute plus 2 per page)',
  },
  { flag: 'concurrency', input: 'concurrency', kind: 'int', key: 'concurrency', group: 'Output and browser', arg: 'N', min: 1, max: 16, help: 'browser contexts at once, each one page visit (default: cores + 1, at most 4)' },
  {
    flag: 'fast-forward',
    input: 'fast-forward',
    kind: 'int',
    key: 'fastForwardMs',
    group: 'Output and browser',
    arg: 'MS',
    min: 0,
    max: 600_000,
    help: `fake-clock time run after load to fire delayed trackers (default ${ms(DEFAULT_SETTINGS.fastForwardMs)}; 0 waits ${DEFAULT_SETTINGS.settleCapMs / 1000} s in real time instead, for sites the fake clock disturbs)`,
  },
  {
    flag: 'phases',
    input: 'phases',
    kind: 'list',
    key: 'phases',
    group: 'Output and browser',
    arg: 'LIST',
    commands: ['scan', 'baseline'],
    help: `visits per page (default all): ${PHASES.join(', ')}; initial always runs`,
    parse: commaList(PHASES, 'phase'),
  },
  {
    flag: 'retries',
    input: 'retries',
    kind: 'int',
    key: 'retries',
    group: 'Output and browser',
    arg: 'N',
    min: 0,
    max: 5,
    help: 'retry a page load that failed for network reasons N times (default 0); findings are never retried away',
  },
  { flag: 'quiet', short: 'q', kind: 'boolean', key: 'quiet', group: 'Output and browser', commands: ['scan', 'baseline', 'judge', 'merge-reports', 'declaration'], help: 'no progress output, only the summary' },
  { flag: 'verbose', kind: 'boolean', key: 'verbose', group: 'Output and browser', commands: ['scan', 'baseline', 'judge', 'merge-reports', 'declaration'], help: 'a line per visit (page × phase) while scanning, stack traces on errors' },
  { flag: 'hook', kind: 'boolean', key: 'hook', group: 'Policy and baseline', commands: ['init'], help: 'with init: also install a git pre-push hook' },
  { flag: 'force', kind: 'boolean', key: 'force', group: 'Policy and baseline', commands: ['init'], help: 'with init: overwrite an existing policy file' },
];

/** Turns one option's raw value(s) into its typed value, or says exactly what is wrong. */
export function convert(spec: OptionSpec, raw: string[], name: string, command: Command = 'scan'): Value {
  if (spec.parse) return spec.parse(raw, name, command);
  const value = raw.at(-1)!;
  switch (spec.kind) {
    case 'boolean':
      return value === 'true';
    case 'int': {
      const { min = 0, max } = spec;
      const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
      if (!/^\d+$/.test(value) || Number(value) < min || (max !== undefined && Number(value) > max)) {
        throw new GateError(`${name} takes a whole number ${range}; got "${value}".`);
      }
      return Number(value);
    }
    case 'strings':
      return raw;
    case 'list':
      return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    default:
      return value;
  }
}

/** Without a list, an option is a scan's: scan, baseline, and declaration, which scans when given no report. */
export const SCANNING: readonly Command[] = ['scan', 'baseline', 'declaration'];

export const takes = (spec: OptionSpec, command: Command): boolean => (spec.commands ?? SCANNING).includes(command);
