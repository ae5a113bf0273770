// @ts-check
// Local stand-ins for the vendor hosts the example pages load (Google Analytics, the Meta pixel,
// YouTube, Hotjar…), so the demo and the tests behave like the real web without reaching it.
// Used by `npm run demo` and by the test suite.
//
//   node examples/vendors/serve.mjs     serves until Ctrl-C and prints the flags for consent-gate:
//   consent-gate scan --static examples/site --browser-arg=… --browser-arg=…

import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const vendorDir = dirname(fileURLToPath(import.meta.url));

/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
const YEAR = 31536000;

/**
 * What each vendor host answers. Cookies are set the way the real services set them.
 * @type {{ host: string, path: string, file?: string, body?: Buffer, type?: string, status?: number, location?: string, cookies?: () => string[] }[]}
 */
const VENDOR_ROUTES = [
  { host: 'www.googletagmanager.com', path: '/gtag/js', file: 'gtag.js' },
  { host: 'www.googletagmanager.com', path: '/gtm.js', file: 'gtm.js' },
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
  // LinkedIn's Insight pixel answers with a redirect to a cookie-syncing endpoint on another host.
  { host: 'px.ads.linkedin.com', path: '/collect', status: 302, location: 'https://www.linkedin.com/px/li_sync?fmt=gif' },
  {
    host: 'www.linkedin.com',
    path: '/px/li_sync',
    body: GIF,
    type: 'image/gif',
    cookies: () => [`lidc=b=VB${Math.floor(Math.random() * 1e8)}; Max-Age=86400; Domain=.linkedin.com; Path=/; SameSite=None; Secure`],
  },
  { host: 'cdn.chatwidget.example', path: '/w.js', file: 'widget.js' },
];

/** Hosts whose DNS "fails", to show that a tracker request that never connects is still found. */
export const UNRESOLVABLE_VENDOR_HOSTS = ['bat.bing.com'];

/**
 * Serves every vendor host over HTTPS on one loopback port. Point the browser at it with
 * `vendorBrowserArgs(port)`.
 * @returns {Promise<{ port: number, browserArgs: string[], close: () => Promise<unknown> }>}
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
    const type = route.type ?? (route.file ? TYPES[extname(route.file)] : undefined);
    response.writeHead(route.status ?? 200, {
      ...(type ? { 'content-type': type, 'access-control-allow-origin': '*' } : {}),
      ...(route.location ? { location: route.location } : {}),
    });
    response.end(body);
  });
  const port = await new Promise((done) => server.listen(0, '127.0.0.1', () => done(/** @type {import('node:net').AddressInfo} */ (server.address()).port)));
  return {
    port,
    browserArgs: vendorBrowserArgs(port),
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done(undefined)));
    },
  };
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
  const vendors = await startVendors();
  process.stdout.write(`${vendors.browserArgs.map((a) => `--browser-arg='${a}'`).join(' ')}\n`);
}
