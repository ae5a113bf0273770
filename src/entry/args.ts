import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GateError, errorText } from '../shared/errors.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { OPTIONS, SCANNING, convert, takes, type Command, type Given } from './options.js';
import type { RunFlags } from './config.js';

export interface ScanArgs {
  /** baseline: scan, then record every finding that is not allowed in the baseline file. */
  command: 'scan' | 'baseline';
  flags: RunFlags;
  config?: string;
  formats: string[];
  output?: string;
  reportDir?: string;
  /** How much goes to stderr while scanning: nothing, a line per page, or a line per visit. */
  progress: 'quiet' | 'normal' | 'verbose';
  /** Keep the GitLab watch issue up to date with the result. */
  gitlabIssue?: boolean;
}

/** judge: a saved JSON report, judged again with the current policy and baseline. */
export interface JudgeArgs extends Omit<ScanArgs, 'command'> {
  command: 'judge';
  report: string;
}

/** merge-reports: the JSON reports of the shards of one run (files, or folders holding them), judged as one. */
export interface MergeArgs extends Omit<ScanArgs, 'command'> {
  command: 'merge-reports';
  reports: string[];
}

/** declaration: the site's cookie declaration, from a saved JSON report, or from a scan when none is given. */
export interface DeclarationArgs extends Omit<ScanArgs, 'command'> {
  command: 'declaration';
  report?: string;
}

export type CliArgs = ScanArgs | JudgeArgs | MergeArgs | DeclarationArgs | { command: 'init'; hook: boolean; force: boolean } | { command: 'pre-push' } | { command: 'help' } | { command: 'version' };

const COMMANDS: readonly (Command | 'pre-push')[] = ['scan', 'baseline', 'judge', 'merge-reports', 'declaration', 'init', 'pre-push'];

const PARSE_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  ...Object.fromEntries(
    OPTIONS.map((o) => [o.flag, { type: o.kind === 'boolean' ? 'boolean' : 'string', ...(o.kind === 'strings' ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]),
  ),
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

/** Every flag the CLI knows, as written on a command line: examples are tested against it. */
export const FLAGS: readonly string[] = Object.entries(PARSE_OPTIONS).flatMap(([name, o]) => ['--' + name, ...(o.short ? ['-' + o.short] : [])]);

function progressLevel(given: Given): ScanArgs['progress'] {
  if (given.quiet && given.verbose) throw new GateError('--quiet and --verbose ask for opposite things; give one of them.');
  return given.quiet ? 'quiet' : given.verbose ? 'verbose' : 'normal';
}

/** The raw values node:util gave, typed by the table; an option the command does not take is a usage error. */
function readGiven(values: Record<string, unknown>, command: Command): Given {
  const given: Record<string, unknown> = {};
  for (const spec of OPTIONS) {
    const value = values[spec.flag];
    if (value === undefined) continue;
    if (!takes(spec, command)) {
      const with_ = (spec.commands ?? SCANNING).join(' or ');
      throw new GateError(`--${spec.flag} goes with the ${with_} command, not ${command}: consent-gate ${spec.commands?.[0] ?? 'scan'} --${spec.flag}.`);
    }
    given[spec.key] = convert(spec, typeof value === 'boolean' ? [String(value)] : Array.isArray(value) ? value.map(String) : [String(value)], `--${spec.flag}`, command);
  }
  return given as Given;
}

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: PARSE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages name the flag; add the way out.
    const message = errorText(error).replace(/\. To specify.*$/s, '.');
    const unknown = /Unknown option '(--[^']+)'/.exec(message)?.[1];
    const hint = unknown ? didYouMean(unknown, Object.keys(PARSE_OPTIONS).map((o) => `--${o}`)) : '';
    throw new GateError(`${message}${hint} Run consent-gate --help for the options.`);
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, unknown>;
  if (values['help']) return { command: 'help' };
  if (values['version']) return { command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) return { command: 'help' };
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new GateError(`Unknown command "${command}".${didYouMean(command, COMMANDS)} Commands: ${COMMANDS.join(', ')}.`);
  }
  // What a pre-push hook runs: git's own arguments (remote name and URL) are not ours to read.
  if (command === 'pre-push') return { command };
  const given = readGiven(values, command as Command);
  if (command === 'init') return { command, hook: given.hook ?? false, force: given.force ?? false };
  const updating = command === 'baseline' || given.updateBaseline !== undefined;
  if (given.prune && !updating) {
    const instead = { judge: 'judge REPORT --update-baseline', 'merge-reports': 'merge-reports DIR… --update-baseline' }[command as string] ?? 'baseline';
    throw new GateError(`--prune goes with the baseline command (or --update-baseline): consent-gate ${instead} --prune.`);
  }
  const { config, formats, output, reportDir, quiet: _quiet, verbose: _verbose, prune, hook: _hook, force: _force, updateBaseline: _update, gitlabIssue, ...flags } = given;
  if (gitlabIssue && flags.shard) {
    throw new GateError('--gitlab-issue keeps one issue for the whole site, and a shard sees part of it: give it to the merge-reports command that judges every shard, not to a shard\'s scan.');
  }
  const common = {
    flags: { ...flags, ...(updating ? { updateBaseline: { prune: prune ?? false } } : {}) } as RunFlags,
    ...(config !== undefined ? { config } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(reportDir !== undefined ? { reportDir } : {}),
    formats: formats ?? [command === 'declaration' ? 'markdown' : 'console'],
    progress: progressLevel(given),
    ...(gitlabIssue ? { gitlabIssue } : {}),
  };
  if (command === 'judge') {
    const [report, ...extra] = rest;
    if (report === undefined || extra.length > 0) throw new GateError('judge takes one saved JSON report: consent-gate judge consent-gate-report/consent-gate-report.json');
    return { command, report, ...common };
  }
  if (command === 'declaration') {
    const [report, ...extra] = rest;
    if (extra.length > 0 || (report !== undefined && !report.endsWith('.json'))) {
      throw new GateError('declaration takes at most one saved JSON report (consent-gate declaration consent-gate-report/consent-gate-report.json); without one it scans the target as scan does (--url, --static, --start or the policy\'s target).');
    }
    return { command, ...(report !== undefined ? { report } : {}), ...common };
  }
  if (command === 'merge-reports') {
    if (rest.length === 0) throw new GateError('merge-reports takes the JSON reports of every shard, or the folders they were downloaded to: consent-gate merge-reports shards/');
    return { command, reports: rest, ...common };
  }
  if (rest.length > 0) common.flags.pages = [...rest, ...(common.flags.pages ?? [])];
  return { command: command as 'scan' | 'baseline', ...common };
}

/** Folds help text to the width of a terminal's usual 100 columns, under its column. */
function wrap(text: string, indent: number, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

function optionLines(group: string): string[] {
  const COLUMN = 25;
  return OPTIONS.filter((o) => o.group === group).flatMap((o) => {
    const names = `${o.short ? `-${o.short}, ` : ''}--${o.flag}${o.arg ? ` ${o.arg}` : ''}`;
    const [first, ...more] = wrap(o.help, COLUMN);
    const lead = `  ${names}`.padEnd(COLUMN - 1);
    return [`${lead} ${first}`, ...more.map((line) => `${' '.repeat(COLUMN)}${line}`)];
  });
}

export const HELP = `Usage: consent-gate scan [url…] [options]
       consent-gate baseline [url…] [--prune] [options]
       consent-gate judge REPORT.json [options]
       consent-gate merge-reports DIR|REPORT.json… [options]
       consent-gate declaration [REPORT.json] [--format markdown,html,csv,json] [--lang nl|fr|en]
       consent-gate init [--hook] [--force]
       consent-gate pre-push

scan opens each page in Chromium as a first-time visitor: without touching anything, after
scrolling and browsing, after rejecting and after accepting the consent banner. It fails when
tracking cookies, storage, tracker requests or social plugins load before consent or after a
refusal, and when the banner does not offer a fair choice. Settings not given as flags come from
the policy file.
baseline scans the same way and records every finding that is not allowed in the baseline file,
so only new findings fail later scans; --prune also drops entries no longer seen.
judge reads a JSON report a scan wrote and judges it again with the current policy and baseline,
without a browser: tune an allow list in seconds.
merge-reports reads the JSON reports of the shards of one run (scan --shard I/N, one CI job each;
folders are searched for consent-gate-report.json), checks that shards 1 to N are all there, and
judges them as one run, as judge does: one verdict, every format, the baseline applied once. A
missing shard stops it with exit 3; a duplicate, a mix of runs or an unreadable report with exit 2.
declaration writes the site's cookie declaration from what it stores once the visitor accepts, per
purpose (strictly necessary, preferences, statistics, marketing, social media): each cookie and
storage key, its provider, first or third party, what it is for, how long it is kept and who receives
it, in Dutch, French or English (--lang), as markdown, an HTML fragment for the policy page, CSV or
JSON. From a saved JSON report without a browser, or else from a scan (the first visit and the one
after accepting). One format goes to stdout unless -o or --report-dir is given.
init writes a starter consent-gate.json (never over an existing one without --force); with --hook
it also installs a git pre-push hook that runs the gate (or prints the husky/lefthook line).
pre-push is what that hook runs: it skips pushes that delete or add no commits, builds the site
first (the policy's target.build, else npm run build) or refuses a build folder older than its
sources, scans quietly, and says how to go on when the push is blocked.

Target (one):
${optionLines('Target').join('\n')}

Pages (default: the start page plus up to 10 found by sitemap, else by a one-level crawl; with
--static: every HTML file):
${optionLines('Pages').join('\n')}

Policy and baseline:
${optionLines('Policy and baseline').join('\n')}

Output and browser:
${optionLines('Output and browser').join('\n')}
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 passed · 1 new findings at or above failOn · 2 usage, configuration or environment
            error · 3 a page could not be scanned, or none was (never a pass)
`;
