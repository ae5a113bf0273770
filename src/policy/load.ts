import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { GateError, errorText } from '../shared/errors.js';
import { RULES, type RuleEntry } from '../rules/index.js';
import { policySchema } from './schema.js';
import { DEFAULT_BASELINE, POLICY_FILES } from '../config/files.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { once } from '../shared/once.js';
import { emptyAllow, type AllowList, type Policy } from './policy.js';
import { PRESETS, type Jurisdiction } from './presets.js';
import type { Lang } from '../types.js';

const MAX_ERRORS = 10;

// ajv is CommonJS: under NodeNext its class sits on .default.
const validator = once(() => new ajv2020.default({ allErrors: true, strict: true, verbose: true }).compile(policySchema()));

/** --config wins; else consent-gate.json, else .consent-gate.json in the working folder. */
export function findPolicyFile(cwd: string, explicit?: string, label = '--config'): string | null {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new GateError(`${label} ${explicit}: no such file. Create it (consent-gate init) or fix the path.`);
    return path;
  }
  const found = POLICY_FILES.map((name) => resolve(cwd, name)).filter((path) => existsSync(path));
  if (found.length > 1) {
    throw new GateError(`Both ${POLICY_FILES.join(' and ')} exist in ${cwd}. Keep one, or choose with --config FILE.`);
  }
  return found[0] ?? null;
}

export function defaultPolicy(cwd: string): Policy {
  return toPolicy({}, null, cwd);
}

export function loadPolicy(path: string): Policy {
  const name = relative(process.cwd(), path) || path;
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new GateError(`${name} is a folder; the policy is a JSON file.`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof GateError) throw error;
    throw new GateError(`${name}: cannot read it (${errorText(error)}).`, 2, error);
  }
  if (text.trim() === '') throw new GateError(`${name}: the file is empty. A minimal policy is {} (defaults: jurisdiction "eu", failOn "error").`);
  const data = parseJson(text, name);
  const validate = validator();
  if (!validate(data)) {
    const lines = [...new Set((validate.errors ?? []).map(describe))].slice(0, MAX_ERRORS);
    throw new GateError(`${name} is not a valid policy:\n${lines.map((line) => `  ${line}`).join('\n')}`);
  }
  const raw = data as RawPolicy;
  const problems = semanticProblems(raw, dirname(path));
  if (problems.length > 0) {
    throw new GateError(`${name} is not a valid policy:\n${problems.slice(0, MAX_ERRORS).map((line) => `  ${line}`).join('\n')}`);
  }
  return toPolicy(raw, path, dirname(path));
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = errorText(error);
    const at = /at position (\d+)/.exec(message);
    // V8 names the position for most errors; for a bad first token it quotes the token instead.
    const token = /^Unexpected token '(.)'/.exec(message);
    const position = at ? Number(at[1]) : token ? Math.max(0, text.indexOf(token[1]!)) : text.length;
    const before = text.slice(0, position).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    // Drop V8's quote of the file content: the location says where to look.
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new GateError(`${name}:${line}:${column}: not valid JSON: ${reason}.`);
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '/';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const what = error.instancePath.endsWith('/rules') ? 'unknown rule id' : 'unknown key';
      return `${error.instancePath}/${key}: ${what}.${didYouMean(key, known) || ` Known: ${known.join(', ')}.`}`;
    }
    case 'required': {
      const key = String(error.params['missingProperty']);
      if (key === 'reason') return `${at}: missing "reason": every allow entry must say why it is allowed before consent, e.g. "reason": "load balancer affinity, strictly necessary".`;
      return `${at}: missing "${key}".`;
    }
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map(String);
      return `${at}: ${JSON.stringify(error.data)} is not one of ${allowed.join(', ')}.${typeof error.data === 'string' ? didYouMean(error.data, allowed) : ''}`;
    }
    case 'type':
      return `${at}: expected ${String(error.params['type'])}, got ${Array.isArray(error.data) ? 'array' : error.data === null ? 'null' : typeof error.data}.`;
    case 'minProperties':
      return `${at}: an empty object says nothing: name what it needs, or leave it out.`;
    case 'minLength':
      return `${at}: must not be empty${error.instancePath.endsWith('/reason') ? ': say why this is allowed' : ''}.`;
    case 'pattern':
      return `${at}: ${JSON.stringify(error.data)} is not a plain domain name such as example.org.`;
    default:
      return `${at}: ${error.message ?? 'invalid'}.`;
  }
}

interface RawAllow {
  cookies?: { name: string; domain?: string; reason: string }[];
  storage?: { name: string; host?: string; reason: string }[];
  hosts?: { host: string; reason: string }[];
  urls?: { pattern: string; reason: string }[];
}

interface RawPolicy {
  target?: Policy['target'];
  pages?: string[];
  discover?: Policy['discover'];
  jurisdiction?: Jurisdiction;
  firstPartyDomains?: string[];
  allow?: RawAllow;
  rules?: Record<string, RuleEntry>;
  overrides?: { pages: string; allow?: RawAllow; rules?: Record<string, RuleEntry> }[];
  consent?: Policy['consent'];
  declaration?: Policy['declaration'];
  baseline?: string;
  failOn?: Policy['failOn'];
  lang?: Lang;
}

function namePattern(name: string): string | null {
  if (/^\*+$/.test(name)) return 'matches every name; an allow entry must name what it allows';
  if (/[\s;,="]/.test(name)) return 'contains a character no cookie or storage name has (space ; , = ")';
  return null;
}

function hostPattern(host: string): string | null {
  if (/^[a-z]+:\/\//i.test(host) || host.includes('/')) {
    const bare = host.replace(/^[a-z]+:\/\//i, '').split('/')[0];
    return `is a URL, not a host. Did you mean "${bare}"? (Use allow.urls for URL patterns.)`;
  }
  if (host === '*' || host === '*.') return 'matches every host; name the host or *.domain';
  if (host.slice(host.startsWith('*.') ? 2 : 0).includes('*')) return 'may only use * as a leading "*." (e.g. *.example.org)';
  if (!/^(\*\.)?[a-z0-9.-]+$/i.test(host)) return 'is not a host name';
  return null;
}

function urlPattern(pattern: string): string | null {
  if (!/^https?:\/\/[^/*]+/.test(pattern)) return 'must start with http:// or https:// and a host (no * in the host; use allow.hosts for that)';
  if (pattern.includes('?')) return 'has a query string; query strings are never matched, remove "?…"';
  return null;
}

function allowProblems(allow: RawAllow | undefined, at: string): string[] {
  const problems: string[] = [];
  const check = <T>(list: T[] | undefined, field: string, key: (item: T) => string, patternOf: (item: T) => [string, string | null]): void => {
    const seen = new Map<string, number>();
    list?.forEach((item, i) => {
      const [prop, problem] = patternOf(item);
      if (problem) problems.push(`${at}/${field}/${i}/${prop}: ${JSON.stringify((item as Record<string, unknown>)[prop])} ${problem}.`);
      const id = key(item);
      const first = seen.get(id);
      if (first !== undefined) problems.push(`${at}/${field}/${i}: duplicate of ${at}/${field}/${first}; remove one.`);
      else seen.set(id, i);
    });
  };
  check(allow?.cookies, 'cookies', (c) => `${c.name}|${c.domain ?? ''}`, (c) => ['name', namePattern(c.name)]);
  check(allow?.storage, 'storage', (s) => `${s.name}|${s.host ?? ''}`, (s) => ['name', namePattern(s.name)]);
  check(allow?.hosts, 'hosts', (h) => h.host.toLowerCase(), (h) => ['host', hostPattern(h.host)]);
  check(allow?.urls, 'urls', (u) => u.pattern, (u) => ['pattern', urlPattern(u.pattern)]);
  return problems;
}

/** Fail-closed rules (a page not looked at) cannot be turned down: the gate never passes what it did not see. */
function rulesProblems(rules: Record<string, RuleEntry> | undefined, at: string): string[] {
  return RULES.filter(({ meta }) => meta.failClosed).flatMap(({ meta }) => {
    const entry = rules?.[meta.id];
    const setting = Array.isArray(entry) ? entry[0] : entry;
    return setting !== undefined && setting !== 'error'
      ? [`${at}/${meta.id}: cannot be "${setting}": a page that could not be scanned never passes. Remove this line.`]
      : [];
  });
}

function semanticProblems(raw: RawPolicy, folder: string): string[] {
  const problems = [...allowProblems(raw.allow, '/allow'), ...rulesProblems(raw.rules, '/rules')];
  raw.overrides?.forEach((override, i) => {
    if (!override.pages.startsWith('/')) problems.push(`/overrides/${i}/pages: ${JSON.stringify(override.pages)} must be a path pattern starting with "/", e.g. "/blog/*".`);
    problems.push(...allowProblems(override.allow, `/overrides/${i}/allow`), ...rulesProblems(override.rules, `/overrides/${i}/rules`));
  });
  const page = raw.declaration?.page;
  if (page !== undefined && !page.startsWith('/') && !/^https?:\/\/[^/]+/.test(page)) {
    problems.push(`/declaration/page: ${JSON.stringify(page)} must be a path on the site starting with "/" (e.g. "/cookies/") or an http(s) URL.`);
  }
  if (raw.baseline !== undefined) {
    const path = resolve(folder, raw.baseline);
    if (existsSync(path) && statSync(path).isDirectory()) {
      problems.push(`/baseline: ${raw.baseline} is a folder; give a file path such as ${DEFAULT_BASELINE}.`);
    }
  }
  return problems;
}

function toAllow(raw: RawAllow | undefined): AllowList {
  return { ...emptyAllow(), ...raw };
}

function toPolicy(raw: RawPolicy, path: string | null, folder: string): Policy {
  return {
    path,
    target: raw.target ?? {},
    pages: raw.pages ?? [],
    discover: raw.discover ?? {},
    jurisdiction: raw.jurisdiction ?? 'eu',
    firstPartyDomains: raw.firstPartyDomains ?? [],
    allow: toAllow(raw.allow),
    rules: raw.rules ?? {},
    overrides: (raw.overrides ?? []).map((o) => ({ pages: o.pages, allow: toAllow(o.allow), rules: o.rules ?? {} })),
    consent: raw.consent ?? {},
    declaration: raw.declaration ?? {},
    baselinePath: resolve(folder, raw.baseline ?? DEFAULT_BASELINE),
    failOn: raw.failOn ?? 'error',
    lang: raw.lang ?? PRESETS[raw.jurisdiction ?? 'eu'].lang,
  };
}
