/**
 * One network for everything the gate fetches: the requests it makes itself (the sitemap, the crawl,
 * the start page check) go where the browser's go. They follow the browser's `--host-resolver-rules`
 * (a preview tested under its production hostname), use the browser's proxy (its flags, else the
 * environment's, which then become its flags too), and accept what the browser was told to accept
 * (`--ignore-certificate-errors`). Anything else would find pages on another network than the one
 * that scans them, and call a sitemap missing that the browser loads.
 */
import { Agent, buildConnector, fetch as undiciFetch, ProxyAgent, type Dispatcher, type RequestInit, type Response } from 'undici';
import { GateError } from './errors.js';
import { hostRulesOf, mapHost, type HostRule } from './host-rules.js';
import { bypasses, proxyChoice, proxyFlags, type ProxyChoice } from './proxy.js';

export type { Response } from 'undici';

export interface Network {
  /** fetch() as the browser would reach the URL. */
  fetch(url: string, init?: Omit<RequestInit, 'dispatcher'>): Promise<Response>;
  /** Flags the browser needs to use the same proxy (the environment's); none when its own flags chose. */
  readonly browserFlags: string[];
}

const DEFAULT_PORT: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** A connector that dials where the host rules send a host, and keeps the name the request asked for (Host header, TLS SNI). */
function mappedConnector(rules: readonly HostRule[], tls: buildConnector.BuildOptions): buildConnector.connector {
  const connect = buildConnector(tls);
  return (options, callback) => {
    const mapped = mapHost(rules, options.hostname, Number(options.port) || DEFAULT_PORT[options.protocol] || 80);
    if (mapped === 'not-found') {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${options.hostname} (--host-resolver-rules map it to ~NOTFOUND)`), { code: 'ENOTFOUND' }), null);
      return;
    }
    const servername = options.servername ?? (/^[\d.]+$|:/.test(options.hostname) ? undefined : options.hostname);
    connect({ ...options, ...(mapped ? { hostname: mapped.host, port: String(mapped.port) } : {}), ...(servername ? { servername } : {}) }, callback);
  };
}

/** The proxy's own address, reached as the browser reaches it: the host rules apply to it too. */
function proxyUri(proxy: string, rules: readonly HostRule[]): string {
  const url = new URL(proxy);
  const mapped = mapHost(rules, url.hostname, Number(url.port) || DEFAULT_PORT[url.protocol] || 80);
  if (mapped === 'not-found') throw new GateError(`The proxy ${url.host} does not resolve: --host-resolver-rules map it to ~NOTFOUND.`);
  if (mapped) {
    url.hostname = mapped.host.includes(':') ? `[${mapped.host}]` : mapped.host;
    url.port = String(mapped.port);
  }
  return url.href;
}

/** The network of a run with these browser flags and this environment. */
export function gateNetwork(browserArgs: readonly string[], vars: NodeJS.ProcessEnv = process.env): Network {
  const rules = hostRulesOf(browserArgs);
  const proxy: ProxyChoice | null = proxyChoice(browserArgs, vars);
  const tls = browserArgs.includes('--ignore-certificate-errors') ? { rejectUnauthorized: false } : {};
  // Made when first needed: most runs (a static folder, pages given by URL) fetch nothing themselves.
  let direct: Agent | null = null;
  const proxies = new Map<string, ProxyAgent>();

  const dispatcherFor = (url: URL): Dispatcher => {
    const through = proxy && !bypasses(url, proxy.bypass) ? (url.protocol === 'https:' ? proxy.https : proxy.http) : null;
    if (!through) return (direct ??= new Agent({ connect: mappedConnector(rules, tls) }));
    const scheme = through.slice(0, through.indexOf(':')).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') {
      throw new GateError(`The browser reaches ${url.host} through a ${scheme} proxy (${proxy!.from}), which consent-gate's own requests (sitemap, crawl, start page check) cannot use: only HTTP and HTTPS proxies. Use one, or give the pages with --page.`);
    }
    let agent = proxies.get(through);
    if (!agent) {
      // Plain http goes to the proxy as a request for the full URL, https as a CONNECT tunnel: as Chromium does.
      agent = new ProxyAgent({ uri: proxyUri(through, rules), proxyTunnel: false, requestTls: tls, proxyTls: tls });
      proxies.set(through, agent);
    }
    return agent;
  };

  return {
    browserFlags: proxyFlags(proxy),
    fetch: async (url, init = {}) => undiciFetch(url, { ...init, dispatcher: dispatcherFor(new URL(url)) }),
  };
}
