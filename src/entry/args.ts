import { parseArgs } from 'node:util';
import { GateError, errorText } from '../shared/errors.js';
import { parseFailOn, parseFormats, parsePhases, type RunFlags } from './config.js';
import { didYouMean } from '../shared/did-you-mean.js';

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
}

export type CliArgs = ScanArgs | { command: 'init'; hook: boolean; force: boolean } | { command: 'help' } | { command: 'version' };

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  url: { type: 'string' },
  header: { type: 'string', multiple: true },
  start: { type: 'string' },
  'wait-on': { type: 'string' },
  'ready-pattern': { type: 'string' },
  'start-timeout': { type: 'string' },
  static: { type: 'string' },
  spa: { type: 'boolean' },
  page: { type: 'string', multiple: true },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  sitemap: { type: 'string' },
  'sitemap-find': { type: 'string' },
  'sitemap-replace': { type: 'string' },
  crawl: { type: 'boolean' },
  depth: { type: 'string' },
  'max-pages': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'fail-on': { type: 'string' },
  prune: { type: 'boolean' },
  hook: { type: 'boolean' },
  force: { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'report-dir': { type: 'string' },
  'browser-path': { type: 'string' },
  'browser-arg': { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'max-time': { type: 'string' },
  concurrency: { type: 'string' },
  'fast-forward': { type: 'string' },
  phases: { type: 'string' },
  retries: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Every flag the CLI knows, as written on a command line: examples are tested against it. */
export const FLAGS: readonly string[] = Object.entries(OPTIONS).flatMap(([name, o]) => ['--' + name, ...('short' in o ? ['-' + o.short] : [])]);

function progressLevel(quiet: boolean | undefined, verbose: boolean | undefined): ScanArgs['progress'] {
  if (quiet && verbose) throw new GateError('--quiet and --verbose ask for opposite things; give one of them.');
  return quiet ? 'quiet' : verbose ? 'verbose' : 'normal';
}

function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new GateError(`--${flag} takes a whole number of at least ${min}; got "${value}".`);
  return Number(value);
}

/** "Name: value" → [name, value]. Values are secrets as far as we know: never echoed back. */
function headers(list: string[] | undefined): Record<string, string> | undefined {
  if (!list) return undefined;
  const result: Record<string, string> = {};
  for (const item of list) {
    const at = item.indexOf(':');
    const name = item.slice(0, Math.max(at, 0)).trim();
    if (at <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new GateError(`--header takes "Name: value" (e.g. --header "x-vercel-protection-bypass: $TOKEN"); the header named "${name || '(none)'}" is not one.`);
    }
    result[name] = item.slice(at + 1).trim();
  }
  return result;
}

/** Drops undefined values, so a flag that was not given never overrides the policy file. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages name the flag; add the way out.
    const message = errorText(error).replace(/\. To specify.*$/s, '.');
    const unknown = /Unknown option '(--[^']+)'/.exec(message)?.[1];
    const hint = unknown ? didYouMean(unknown, Object.keys(OPTIONS).map((o) => `--${o}`)) : '';
    throw new GateError(`${message}${hint} Run consent-gate --help for the options.`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { command: 'help' };
  if (v.version) return { command: 'version' };
  const [command, ...urls] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command === 'init') return { command, hook: v.hook ?? false, force: v.force ?? false };
  if (command !== 'scan' && command !== 'baseline') {
    throw new GateError(`Unknown command "${command}".${didYouMean(command, ['scan', 'baseline', 'init'])} Commands: scan, baseline, init.`);
  }
  if (v.hook || v.force) throw new GateError('--hook and --force go with the init command: consent-gate init --hook.');
  if (v.prune && command !== 'baseline' && !v['update-baseline']) {
    throw new GateError('--prune goes with the baseline command (or scan --update-baseline): consent-gate baseline --prune.');
  }
  const flags: RunFlags = defined({
    url: v.url,
    start: v.start,
    waitOn: v['wait-on'],
    readyPattern: v['ready-pattern'],
    startTimeout: wholeNumber('start-timeout', v['start-timeout'], 1000),
    static: v.static,
    spa: v.spa,
    headers: headers(v.header),
    pages: urls.length > 0 || v.page ? [...urls, ...(v.page ?? [])] : undefined,
    include: v.include,
    exclude: v.exclude,
    sitemap: v.sitemap,
    sitemapFind: v['sitemap-find'],
    sitemapReplace: v['sitemap-replace'],
    crawl: v.crawl,
    depth: wholeNumber('depth', v.depth, 1),
    maxPages: wholeNumber('max-pages', v['max-pages'], 1),
    baseline: v.baseline,
    failOn: parseFailOn(v['fail-on'], '--fail-on'),
    updateBaseline: command === 'baseline' || v['update-baseline'] ? { prune: v.prune ?? false } : undefined,
    browserPath: v['browser-path'],
    browserArgs: v['browser-arg'],
    timeoutMs: wholeNumber('timeout', v.timeout, 1000),
    maxTimeMs: wholeNumber('max-time', v['max-time'], 1000),
    concurrency: wholeNumber('concurrency', v.concurrency, 1),
    fastForwardMs: wholeNumber('fast-forward', v['fast-forward'], 0),
    phases: parsePhases(v.phases, '--phases'),
    retries: wholeNumber('retries', v.retries, 0),
  });
  return {
    command,
    flags,
    ...defined({ config: v.config, output: v.output, reportDir: v['report-dir'] }),
    formats: v.format === undefined ? ['console'] : parseFormats(v.format, '--format'),
    progress: progressLevel(v.quiet, v.verbose),
  };
}

export const HELP = `Usage: consent-gate scan [url…] [options]
       consent-gate baseline [url…] [--prune] [options]
       consent-gate init [--hook] [--force]

scan opens each page in Chromium as a first-time visitor: without touching anything, after
scrolling and browsing, after rejecting and after accepting the consent banner. It fails when
tracking cookies, storage, tracker requests or social plugins load before consent or after a
refusal, and when the banner does not offer a fair choice. Settings not given as flags come from
the policy file.
baseline scans the same way and records every finding that is not allowed in the baseline file,
so only new findings fail later scans; --prune also drops entries no longer seen.
init writes a starter consent-gate.json (never over an existing one without --force); with --hook
it also installs a git pre-push hook that runs the gate (or prints the husky/lefthook line).

Target (one):
  --url URL              an already running site (a deployed preview, a local server)
  --start CMD            run the project's preview command; with --wait-on and/or --ready-pattern
  --wait-on URL          with --start: ready once this URL answers; also the start page
  --ready-pattern RE     with --start: ready once the command prints a line matching RE
  --start-timeout MS     how long the preview may take to get ready (default 60000)
  --static DIR           serve a built site (dist/, build/, out/, public/) on a free loopback port
  --spa                  with --static: serve index.html for paths that match no file
  --header "N: V"        request header for the target only, repeatable (bypass tokens, basic auth);
                         values are never printed

Pages (default: the start page plus up to 10 found by sitemap, else by a one-level crawl; with
--static: every HTML file):
  --page PATH            a page to scan, repeatable; URLs given as arguments count too
  --include GLOB         with --static: HTML files to take (default **/*.html), repeatable
  --exclude GLOB         with --static: HTML files to leave out, repeatable
  --sitemap URL          read pages from a sitemap (or sitemap index); "auto" for /sitemap.xml
  --sitemap-find TEXT    rewrite sitemap URLs: replace TEXT (e.g. the production host) …
  --sitemap-replace TEXT … with this (e.g. the preview host)
  --crawl                follow same-site links from the start page
  --depth N              crawl depth (default 1)
  --max-pages N          most pages found by glob, sitemap or crawl to scan (default 10)

Policy and baseline:
  -c, --config FILE      policy file (default: consent-gate.json or .consent-gate.json here)
  --baseline FILE        baseline file (default: the policy's, else consent-gate.baseline.json)
  --update-baseline      scan, then record the findings in the baseline (as the baseline command)
  --prune                with baseline: drop entries whose findings are gone
  --fail-on LEVEL        error or warn: the lowest severity of a new finding that fails (default:
                         the policy's failOn, else error)

Output and browser:
  --format LIST          console (default), json, html, sarif, junit, codequality, markdown;
                         comma-separated; html is one self-contained file with screenshots
  --report-dir DIR       write each report format there (default: consent-gate-report when more
                         than one file format is asked for)
  -o, --output FILE      write the one report format asked for to FILE (json alone: default stdout)
  --browser-path PATH    Chrome/Chromium to use (else $CONSENT_GATE_BROWSER, Playwright's, system)
  --browser-arg FLAG     extra Chromium flag, repeatable (proxies, --host-resolver-rules=…)
  --timeout MS           time a page may take to reach "load" (default 30000)
  --max-time MS          time the whole run may take; then it stops and reports incomplete, exit 3
                         (default: 1 minute plus 2 per page)
  --concurrency N        pages scanned in parallel (default: cores, at most 3)
  --fast-forward MS      fake-clock time run after load to fire delayed trackers (default 10000;
                         0 waits 5 s in real time instead, for sites the fake clock disturbs)
  --phases LIST          visits per page (default all): initial (no interaction), after-scroll,
                         after-reject, after-accept; initial always runs
  --retries N            retry a page load that failed for network reasons N times (default 0);
                         findings are never retried away
  -q, --quiet            no progress output, only the summary
  --verbose              a line per visit (page × phase) while scanning, stack traces on errors
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 passed · 1 new findings at or above failOn · 2 usage, configuration or environment
            error · 3 a page could not be scanned (never a pass)
`;
