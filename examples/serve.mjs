// @ts-check
// Serves an example site on loopback, and local stand-ins for the vendor hosts its pages load
// (Google Analytics, the Meta pixel, YouTube, Hotjar…), so the demo and the tests behave like the
// real web without reaching it. Used by `npm run demo` and by the test suite.
//
//   node examples/serve.mjs examples/site     prints the URL and the browser flags, serves until Ctrl-C

import { readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const vendorDir = join(here, 'vendors');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

/**
 * Netlify-style `_headers` file: a path pattern (a trailing `*` matches the rest) on its own line,
 * then indented `Name: value` lines. Lets fixtures set cookies from a static folder.
 * @param {string} root
 * @returns {{ pattern: string, headers: [string, string][] }[]}
 */
function readHeaderRules(root) {
  let text;
  try {
    text = readFileSync(join(root, '_headers'), 'utf8');
  } catch {
    return [];
  }
  /** @type {{ pattern: string, headers: [string, string][] }[]} */
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** @param {string} pattern @param {string} path */
const matches = (pattern, path) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

/** @typedef {import('node:http').Server | import('node:https').Server} AnyServer */

/**
 * @param {AnyServer} server
 * @returns {Promise<number>}
 */
function listen(server, port = 0) {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/**
 * Serves a static folder on 127.0.0.1.
 * @param {string} folder
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startSite(folder, options = {}) {
  const root = resolve(folder);
  const rules = readHeaderRules(root);
  const server = createHttpServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://site').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root) || path.includes(`${sep}_headers`) || path === '/_headers') {
      response.writeHead(404).end('not found');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      for (const rule of rules) {
        if (!matches(rule.pattern, path)) continue;
        for (const [name, value] of rule.headers) response.appendHeader(name, value);
      }
      response.setHeader('content-type', TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream');
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404 Not found</h1>');
    }
  });
  const port = await listen(server, options.port);
  return { url: `http://127.0.0.1:${port}/`, port, close: () => closeServer(server) };
}

/** @param {AnyServer} server @returns {Promise<void>} */
function closeServer(server) {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
const YEAR = 31536000;

/**
 * What each vendor host answers. Cookies are set the way the real services set them.
 * @type {{ host: string, path: string, file?: string, body?: Buffer, type?: string, status?: number, cookies?: () => string[] }[]}
 */
const VENDOR_ROUTES = [
  { host: 'www.googletagmanager.com', path: '/gtag/js', file: 'gtag.js' },
  { host: 'www.google-analytics.com', path: '/g/collect', status: 204 },
  { host: 'connect.facebook.net', path: '/en_US/fbevents.js', file: 'fbevents.js' },
  {
    host: 'www.facebook.com',
    path: '/tr',
    body: GIF,
    type: 'image/gif',
    cookies: () => [`fr=${Math.random().toString(36).slice(2)}; Max-Age=${YEAR / 4}; Domain=.facebook.com; Path=/; SameSite=None; Secure; HttpOnly`],
  },
  {
    host: 'www.youtube.com',
    path: '/embed/',
    file: 'youtube-embed.html',
    cookies: () => [
      `VISITOR_INFO1_LIVE=${Math.random().toString(36).slice(2)}; Max-Age=${YEAR / 2}; Domain=.youtube.com; Path=/; SameSite=None; Secure; HttpOnly`,
      `YSC=${Math.random().toString(36).slice(2)}; Domain=.youtube.com; Path=/; SameSite=None; Secure; HttpOnly`,
    ],
  },
  { host: 'www.youtube-nocookie.com', path: '/embed/', file: 'youtube-embed.html' },
  { host: 'static.hotjar.com', path: '/c/', file: 'hotjar.js' },
  { host: 'cdn.chatwidget.example', path: '/w.js', file: 'widget.js' },
];

/** Hosts whose DNS "fails", to show that a tracker request that never connects is still found. */
export const UNRESOLVABLE_VENDOR_HOSTS = ['bat.bing.com'];

/**
 * Serves every vendor host over HTTPS on one loopback port. Point the browser at it with
 * `vendorBrowserArgs(port)`.
 * @returns {Promise<{ port: number, browserArgs: string[], close: () => Promise<void> }>}
 */
export async function startVendors() {
  const tls = { key: readFileSync(join(vendorDir, 'tls', 'key.pem')), cert: readFileSync(join(vendorDir, 'tls', 'cert.pem')) };
  const server = createHttpsServer(tls, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(request.url ?? '/', 'https://vendor').pathname;
    const route = VENDOR_ROUTES.find((r) => r.host === host && (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path));
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    for (const cookie of route.cookies?.() ?? []) response.appendHeader('set-cookie', cookie);
    const body = route.body ?? (route.file ? readFileSync(join(vendorDir, route.file)) : undefined);
    const type = route.type ?? (route.file ? TYPES[/** @type {keyof typeof TYPES} */ (extname(route.file))] : undefined);
    response.writeHead(route.status ?? 200, type ? { 'content-type': type, 'access-control-allow-origin': '*' } : {});
    response.end(body);
  });
  const port = await listen(server);
  return { port, browserArgs: vendorBrowserArgs(port), close: () => closeServer(server) };
}

/**
 * Chromium flags that send every other host to the vendor server and trust its certificate.
 * Loopback stays direct, so the site itself is reached as usual.
 * @param {number} port
 */
export function vendorBrowserArgs(port) {
  const fail = UNRESOLVABLE_VENDOR_HOSTS.map((h) => `MAP ${h} ~NOTFOUND`);
  return ['--ignore-certificate-errors', `--host-resolver-rules=${[...fail, `MAP * 127.0.0.1:${port}`, 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ')}`];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? join(here, 'site');
  const site = await startSite(folder);
  const vendors = await startVendors();
  process.stdout.write(`site:    ${site.url}\nflags:   ${vendors.browserArgs.map((a) => `--browser-arg='${a}'`).join(' ')}\n`);
}
