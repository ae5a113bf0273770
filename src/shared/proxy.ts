/**
 * Which proxy a request goes through, decided once for the browser and for the gate's own requests:
 * the user's `--proxy-server` and `--proxy-bypass-list` browser flags when given, else the
 * environment's HTTPS_PROXY, HTTP_PROXY and NO_PROXY (in either case), turned into those flags for
 * Chromium. Bypass rules are read as Chromium reads them (net/docs/proxy.md): a host pattern with `*`
 * wildcards, `.example.org` for its subdomains, an optional scheme and port, `<local>` for hosts
 * without a dot, `<-loopback>`; localhost and loopback addresses never go through a proxy unless
 * `<-loopback>` says so, as in Chromium.
 */
import { flagValue, matchesPattern } from './host-rules.js';

export interface ProxyChoice {
  /** Proxy URL for http: and https: requests; null goes direct. */
  http: string | null;
  https: string | null;
  /** Chromium's bypass rules. */
  bypass: string[];
  /** Where it came from, for messages. */
  from: 'browser flags' | 'environment';
}

const SERVER = '--proxy-server=';
const BYPASS = '--proxy-bypass-list=';
/** Flags by which the user already told Chromium how to reach the web: then the environment is not turned into flags. */
const OWN_CHOICE = [SERVER, '--proxy-pac-url=', '--no-proxy-server', '--proxy-auto-detect'];

/** "host:port", "http://host:port" → a proxy URL; "direct://" → null. A SOCKS proxy is kept: only the browser can use it (see network.ts). */
function proxyUrl(spec: string): string | null {
  const first = spec.split(',')[0]!.trim();
  if (first === '' || first === 'direct://') return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(first) ? first : `http://${first}`;
}

/** Chromium's `--proxy-server`: one proxy for all, or `http=…;https=…` per scheme. */
function fromServerFlag(value: string): Pick<ProxyChoice, 'http' | 'https'> {
  if (!value.includes('=')) {
    const all = proxyUrl(value);
    return { http: all, https: all };
  }
  const per = new Map(value.split(';').map((part) => part.split('=') as [string, string]).map(([scheme, spec]) => [scheme.trim().toLowerCase(), spec ?? '']));
  return { http: proxyUrl(per.get('http') ?? ''), https: proxyUrl(per.get('https') ?? '') };
}

/** NO_PROXY as Chromium reads it from the environment: `example.org` also covers its subdomains. */
function bypassFromNoProxy(noProxy: string): string[] {
  return noProxy
    .split(/[,\s]+/)
    .filter(Boolean)
    .flatMap((entry) => (entry === '*' ? ['*'] : entry.startsWith('.') || entry.startsWith('*') || /^[\d.:[\]/]+$/.test(entry) ? [entry] : [entry, `.${entry}`]));
}

const env = (vars: NodeJS.ProcessEnv, name: string): string | undefined => vars[name] ?? vars[name.toLowerCase()] ?? undefined;

/** The proxy of a run, or null when every request goes direct. */
export function proxyChoice(browserArgs: readonly string[], vars: NodeJS.ProcessEnv): ProxyChoice | null {
  if (browserArgs.some((arg) => arg === '--no-proxy-server')) return null;
  const server = flagValue(browserArgs, SERVER);
  if (server !== undefined) {
    const bypass = (flagValue(browserArgs, BYPASS) ?? '').split(/[;,]/).map((rule) => rule.trim()).filter(Boolean);
    return { ...fromServerFlag(server), bypass, from: 'browser flags' };
  }
  if (OWN_CHOICE.some((flag) => browserArgs.some((arg) => arg.startsWith(flag)))) return null;
  const https = env(vars, 'HTTPS_PROXY') || null;
  const http = env(vars, 'HTTP_PROXY') || null;
  if (!https && !http) return null;
  const bypass = bypassFromNoProxy(env(vars, 'NO_PROXY') ?? '');
  if (bypass.includes('*')) return null;
  return { http: http && proxyUrl(http), https: https && proxyUrl(https), bypass, from: 'environment' };
}

/** The flags that make Chromium use a proxy taken from the environment; none when the user chose in the browser flags. */
export function proxyFlags(choice: ProxyChoice | null): string[] {
  if (!choice || choice.from !== 'environment') return [];
  // Chromium takes scheme://host:port: a trailing slash (HTTP_PROXY=http://proxy:3128/) makes it ignore the flag.
  const bare = (url: string | null): string | null => url && (URL.canParse(url) ? `${new URL(url).protocol}//${new URL(url).host}` : url);
  const [http, https] = [bare(choice.http), bare(choice.https)];
  const server = http === https ? http! : [http && `http=${http}`, https && `https=${https}`].filter(Boolean).join(';');
  return [`${SERVER}${server}`, ...(choice.bypass.length > 0 ? [`${BYPASS}${choice.bypass.join(';')}`] : [])];
}

const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/** Whether a request to `url` goes around the proxy, by Chromium's bypass rules. */
export function bypasses(url: URL, bypass: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (LOOPBACK.test(host) && !bypass.includes('<-loopback>')) return true;
  return bypass.some((rule) => {
    if (rule === '<local>') return !host.includes('.') && !host.includes(':');
    const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?$/i.exec(rule);
    if (!match) return false;
    const [, scheme, pattern, rulePort] = match;
    if (scheme && `${scheme.toLowerCase()}:` !== url.protocol) return false;
    if (rulePort && rulePort !== port) return false;
    const wanted = pattern!.toLowerCase().startsWith('.') ? `*${pattern!.toLowerCase()}` : pattern!.toLowerCase();
    return matchesPattern(host, wanted);
  });
}
