/**
 * Chromium's `--host-resolver-rules`, read as Chromium reads them (net/base/host_mapping_rules.cc),
 * so the gate's own requests (sitemap, crawl, the start page check) reach the hosts the browser
 * reaches: a preview tested under its production hostname, vendor hosts answered locally.
 *
 *   MAP <pattern> <host>[:<port>]   connect to host (and port) instead; `~NOTFOUND` fails the lookup
 *   EXCLUDE <pattern>               never mapped
 *
 * Rules are separated by commas; `*` and `?` are wildcards; a pattern with a port matches host:port.
 * Exclusions are checked first, then the first MAP that matches wins.
 */

export interface HostRule {
  kind: 'map' | 'exclude';
  pattern: string;
  /** MAP only: the host to connect to instead, or `~NOTFOUND`. */
  host?: string;
  /** MAP only: the port to connect to instead; null keeps the request's. */
  port?: number | null;
}

/** Where a connection goes after the rules: a host and port, or nowhere (`~NOTFOUND`). */
export type Mapped = { host: string; port: number } | 'not-found';

const NOT_FOUND = '~notfound';

const FLAG = '--host-resolver-rules=';

/** "host", "host:80", "[::1]:80" → host and port (null when none is written). */
function hostAndPort(text: string): { host: string; port: number | null } | null {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  return { host: match[1]!, port: match[2] === undefined ? null : Number(match[2]) };
}

/** The rules one `--host-resolver-rules` value says; a rule Chromium would not parse is skipped, as Chromium skips it. */
export function parseHostRules(value: string): HostRule[] {
  const rules: HostRule[] = [];
  for (const rule of value.split(',')) {
    const parts = rule.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (parts.length === 2 && parts[0] === 'exclude') rules.push({ kind: 'exclude', pattern: parts[1]! });
    if (parts.length === 3 && parts[0] === 'map') {
      const target = parts[2] === NOT_FOUND ? { host: NOT_FOUND, port: null } : hostAndPort(parts[2]!);
      if (target) rules.push({ kind: 'map', pattern: parts[1]!, ...target });
    }
  }
  return rules;
}

/** The value of a Chromium flag (`--name=`) as Chromium takes it: from its last copy. */
export const flagValue = (args: readonly string[], flag: string): string | undefined => args.filter((arg) => arg.startsWith(flag)).at(-1)?.slice(flag.length);

/** The rules of the browser's flags: Chromium keeps the last `--host-resolver-rules` given. */
export function hostRulesOf(browserArgs: readonly string[]): HostRule[] {
  const value = flagValue(browserArgs, FLAG);
  return value === undefined ? [] : parseHostRules(value.replace(/^(["'])(.*)\1$/, '$2'));
}

/** Chromium's MatchPattern: `*` any run of characters, `?` one. */
export function matchesPattern(text: string, pattern: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(text);
}

/** Where a connection to `host`:`port` goes under the rules; null when no rule maps it. */
export function mapHost(rules: readonly HostRule[], host: string, port: number): Mapped | null {
  const name = host.toLowerCase();
  if (rules.some((rule) => rule.kind === 'exclude' && matchesPattern(name, rule.pattern))) return null;
  const rule = rules.find((r) => r.kind === 'map' && (matchesPattern(name, r.pattern) || matchesPattern(`${name}:${port}`, r.pattern)));
  if (!rule) return null;
  if (rule.host === NOT_FOUND) return 'not-found';
  return { host: rule.host!.replace(/^\[|\]$/g, ''), port: rule.port ?? port };
}
