// @ts-check
// Local stand-ins for the vendor hosts the example pages load (Google Analytics, the Meta pixel,
// YouTube, Hotjar…), so the demo, the tests and the bench behave like the real web without reaching
// it: beacons, a WebSocket that stays open, an event stream and a response body that never end, as
// the real services keep them. Every long-lived answer ends when the server closes, or after
// STREAM_LIMIT_MS at the latest, so a test never hangs on one.
// Used by `npm run demo`, `npm run bench` and by the test suite.
//
//   node examples/vendors/serve.mjs     serves until Ctrl-C and prints the flags for consent-gate:
//   consent-gate scan --static examples/site --browser-arg=… --browser-arg=…

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const vendorDir = dirname(fileURLToPath(import.meta.url));

/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
const YEAR = 31536000;

/** The longest any stream or socket is held open; far beyond what a visit may wait for one. */
const STREAM_LIMIT_MS = 120_000;
/** How often a held-open answer sends something: a heartbeat, as the real services do. */
const HEARTBEAT_MS = 1_000;

/**
 * What each vendor host answers. Cookies are set the way the real services set them.
 * `dir`: a folder whose files are served under `path` (a package's browser build, from node_modules).
 * `stream`: "events" holds a text/event-stream open, "body" sends a response body that never ends,
 * "websocket" accepts a WebSocket upgrade and keeps the socket open.
 * `cors`: answers the CORS preflight a fetch with its own headers needs, as a collection endpoint does.
 * @type {{ host: string, path: string, file?: string, dir?: string, body?: Buffer, type?: string, status?: number, location?: string, cookies?: () => string[], stream?: 'events' | 'body' | 'websocket', cors?: boolean }[]}
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
  { host: 'ws.hotjar.com', path: '/api/v2/client/ws', stream: 'websocket' },
  // Hotjar's ingestion endpoint answers the page's fetch with a body that is still coming.
  { host: 'in.hotjar.com', path: '/api/v2/client/sites/', stream: 'body', type: 'application/json' },
  { host: 'snap.licdn.com', path: '/li.lms-analytics/insight.min.js', file: 'insight.min.js' },
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
  { host: 'cdn.chatwidget.example', path: '/events', stream: 'events', type: 'text/event-stream' },
  // A device-fingerprinting vendor: canvas, audio and font probes, and the endpoint their beacons go to.
  { host: 'cdn.devicesignal.example', path: '/v3/canvas.js', file: 'devicesignal-canvas.js' },
  { host: 'cdn.devicesignal.example', path: '/v3/audio.js', file: 'devicesignal-audio.js' },
  { host: 'cdn.devicesignal.example', path: '/v3/fonts.js', file: 'devicesignal-fonts.js' },
  { host: 'api.devicesignal.example', path: '/v3/collect', status: 204 },
  // An IAB TCF consent manager: its script, the vendor list it reads, and @iabtcf/core's own ES modules,
  // which it encodes the TC string with in the browser.
  { host: 'cdn.tcf-cmp.example', path: '/cmp.js', file: 'tcf-cmp.js' },
  { host: 'cdn.tcf-cmp.example', path: '/vendor-list.json', file: 'tcf-vendor-list.json' },
  { host: 'cdn.tcf-cmp.example', path: '/iabtcf/core/', dir: dirname(fileURLToPath(import.meta.resolve('@iabtcf/core'))) },
  // An advertising pixel that takes the site's own ids: in an image's query, a beacon's body, a header.
  { host: 'px.adnetwork.example', path: '/i.gif', body: GIF, type: 'image/gif' },
  { host: 'px.adnetwork.example', path: '/b', status: 204 },
  { host: 'px.adnetwork.example', path: '/k', status: 204, cors: true },
];

/**
 * A file of `dir` by its path below the route, or null when there is none (or the path leaves `dir`).
 * @param {string} dir @param {string} path
 */
function inside(dir, path) {
  const file = resolve(dir, path);
  return file.startsWith(`${dir}/`) && existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Hosts whose DNS "fails", to show that a tracker request that never connects is still found. */
export const UNRESOLVABLE_VENDOR_HOSTS = ['bat.bing.com'];

/**
 * Serves every vendor host over HTTPS on one loopback port. Point the browser at it with
 * `vendorBrowserArgs(port)`.
 * @returns {Promise<{ port: number, browserArgs: string[], close: () => Promise<unknown> }>}
 */
export async function startVendors() {
  const tls = { key: readFileSync(join(vendorDir, 'tls', 'key.pem')), cert: readFileSync(join(vendorDir, 'tls', 'cert.pem')) };
  /** Held-open answers and sockets, ended on close: an upgraded socket is no longer the server's to close. */
  const held = new Set();
  /** @param {() => void} beat @param {() => void} end */
  const hold = (beat, end) => {
    const heartbeat = setInterval(beat, HEARTBEAT_MS);
    const limit = setTimeout(stop, STREAM_LIMIT_MS);
    function stop() {
      clearInterval(heartbeat);
      clearTimeout(limit);
      if (held.delete(stop)) end();
    }
    held.add(stop);
    return stop;
  };
  /** @param {import('node:http').IncomingMessage} request */
  const routeOf = (request) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(request.url ?? '/', 'https://vendor').pathname;
    return VENDOR_ROUTES.find((r) => r.host === host && (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path));
  };
  const server = createHttpsServer(tls, (request, response) => {
    const route = routeOf(request);
    if (!route || route.stream === 'websocket') {
      response.writeHead(route ? 426 : 404).end();
      return;
    }
    if (route.cors) {
      response.setHeader('access-control-allow-origin', request.headers.origin ?? '*');
      if (request.method === 'OPTIONS') {
        response.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '' }).end();
        return;
      }
    }
    for (const cookie of route.cookies?.() ?? []) response.appendHeader('set-cookie', cookie);
    const file = route.dir ? inside(route.dir, new URL(request.url ?? '/', 'https://vendor').pathname.slice(route.path.length)) : route.file && join(vendorDir, route.file);
    if (file === null) {
      response.writeHead(404).end();
      return;
    }
    const body = route.body ?? (file ? readFileSync(file) : undefined);
    const type = route.type ?? (file ? TYPES[extname(file)] : undefined);
    response.writeHead(route.status ?? 200, {
      ...(type ? { 'content-type': type, 'access-control-allow-origin': '*' } : {}),
      ...(route.location ? { location: route.location } : {}),
      ...(route.stream ? { 'cache-control': 'no-store' } : {}),
    });
    if (!route.stream) {
      response.end(body);
      return;
    }
    // An event stream says hello and then only keeps the line warm; a streamed body never finishes.
    const beat = route.stream === 'events' ? ': heartbeat\n\n' : ' ';
    response.write(route.stream === 'events' ? 'retry: 10000\ndata: {"agents":0}\n\n' : '{"visit":');
    const stop = hold(() => response.write(beat), () => response.end());
    response.on('close', stop);
  });
  server.on('upgrade', (request, socket) => {
    const key = request.headers['sec-websocket-key'];
    if (routeOf(request)?.stream !== 'websocket' || typeof key !== 'string') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    // The client's frames (the recording) are read and dropped; the server sends a small text frame now
    // and then, as a live recording channel does.
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    const frame = (/** @type {string} */ text) => Buffer.concat([Buffer.from([0x81, Buffer.byteLength(text)]), Buffer.from(text)]);
    socket.write(frame('{"type":"ready"}'));
    const stop = hold(() => socket.write(frame('{"type":"ping"}')), () => socket.destroy());
    socket.on('close', stop);
  });
  const port = await new Promise((done) => server.listen(0, '127.0.0.1', () => done(/** @type {import('node:net').AddressInfo} */ (server.address()).port)));
  return {
    port,
    browserArgs: vendorBrowserArgs(port),
    close: () => {
      for (const stop of [...held]) stop();
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done(undefined)));
    },
  };
}

/**
 * Chromium flags that send every other host to the vendor server and trust its certificate.
 * Loopback stays direct, so the site itself is reached as usual. `sites` serves sites under real
 * host names (host → the port of its server on loopback, plain HTTP): a site on www.example.be,
 * where cookies can live on the registrable domain, behaves as a deployed one does.
 * @param {number} port
 * @param {Record<string, number>} [sites]
 */
export function vendorBrowserArgs(port, sites = {}) {
  const fail = UNRESOLVABLE_VENDOR_HOSTS.map((h) => `MAP ${h} ~NOTFOUND`);
  const own = Object.entries(sites).map(([host, sitePort]) => `MAP ${host} 127.0.0.1:${sitePort}`);
  return ['--ignore-certificate-errors', `--host-resolver-rules=${[...own, ...fail, `MAP * 127.0.0.1:${port}`, 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ')}`];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const vendors = await startVendors();
  process.stdout.write(`${vendors.browserArgs.map((a) => `--browser-arg='${a}'`).join(' ')}\n`);
}
