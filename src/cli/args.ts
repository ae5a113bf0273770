import { parseArgs } from 'node:util';
import { GateError, errorText } from '../errors.js';
import { didYouMean } from '../policy/did-you-mean.js';

export const FORMATS = ['console', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface ScanArgs {
  /** baseline: scan, then record every finding that is not allowed in the baseline file. */
  command: 'scan' | 'baseline';
  urls: string[];
  config?: string;
  baseline?: string;
  updateBaseline: boolean;
  prune: boolean;
  formats: Format[];
  output?: string;
  browserPath?: string;
  browserArgs: string[];
  timeoutMs?: number;
  concurrency?: number;
  fastForwardMs?: number;
  quiet: boolean;
}

export type CliArgs = ScanArgs | { command: 'help' } | { command: 'version' };

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  prune: { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'browser-path': { type: 'string' },
  'browser-arg': { type: 'string', multiple: true },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  'fast-forward': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new GateError(`--${flag} takes a whole number of at least ${min}; got "${value}".`);
  return Number(value);
}

function formats(value: string | undefined): Format[] {
  if (value === undefined) return ['console'];
  const list = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new GateError(`--format: unknown format "${f}". Choose from: ${FORMATS.join(', ')}.`);
  }
  return list as Format[];
}

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages name the flag; add the way out.
    throw new GateError(`${errorText(error).replace(/\. To specify.*$/s, '.')} Run consent-gate --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command !== 'scan' && command !== 'baseline') {
    throw new GateError(`Unknown command "${command}".${didYouMean(command, ['scan', 'baseline'])} Commands: scan, baseline.`);
  }
  if (values.prune && command !== 'baseline' && !values['update-baseline']) {
    throw new GateError('--prune goes with the baseline command (or scan --update-baseline): consent-gate baseline --prune.');
  }
  const timeoutMs = wholeNumber('timeout', values.timeout, 1000);
  const concurrency = wholeNumber('concurrency', values.concurrency, 1);
  const fastForwardMs = wholeNumber('fast-forward', values['fast-forward'], 0);
  return {
    command,
    urls: rest,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    updateBaseline: command === 'baseline' || (values['update-baseline'] ?? false),
    prune: values.prune ?? false,
    formats: formats(values.format),
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values['browser-path'] !== undefined ? { browserPath: values['browser-path'] } : {}),
    browserArgs: values['browser-arg'] ?? [],
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(fastForwardMs !== undefined ? { fastForwardMs } : {}),
    quiet: values.quiet ?? false,
  };
}

export const HELP = `Usage: consent-gate scan [url…] [options]
       consent-gate baseline [url…] [--prune] [options]

scan opens each page in Chromium as a first-time visitor who has not consented, and fails when
tracking cookies, tracking storage, tracker requests or social plugins load. Without URLs it scans
the policy's target.url with its pages.
baseline scans the same way and records every finding that is not allowed in the baseline file,
so only new findings fail later scans; --prune also drops entries no longer seen.

Options:
  -c, --config FILE      policy file (default: consent-gate.json or .consent-gate.json here)
  --baseline FILE        baseline file (default: the policy's, else consent-gate.baseline.json)
  --update-baseline      scan, then record the findings in the baseline (as the baseline command)
  --prune                with baseline: drop entries whose findings are gone
  --format LIST          console (default), json; comma-separated
  -o, --output FILE      write the JSON report to FILE (default: stdout when --format json)
  --browser-path PATH    Chrome/Chromium to use (else $CONSENT_GATE_BROWSER, Playwright's, system)
  --browser-arg FLAG     extra Chromium flag, repeatable (proxies, --host-resolver-rules=…)
  --timeout MS           time a page may take to reach "load" (default 30000)
  --concurrency N        pages scanned in parallel (default: cores, at most 3)
  --fast-forward MS      fake-clock time run after load to fire delayed trackers (default 10000;
                         0 waits 5 s in real time instead, for sites the fake clock disturbs)
  -q, --quiet            no per-page progress lines
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 passed · 1 error findings · 2 usage, configuration or environment error ·
            3 a page could not be scanned (never a pass)
`;
