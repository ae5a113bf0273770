// npm run bench [-- --pages N] [--concurrency N] : what a user of consent-gate feels, measured on loopback against vendor
// stand-ins that behave like the real ones (beacons, keepalive fetches, a WebSocket, an event stream and a
// body that never end; examples/vendors/serve.mjs).
//
// - A realistic page mix: a third clean pages, half with trackers of those kinds (GA4, the Meta pixel, a
//   tag manager container, Hotjar with a live chat, a timer-delayed and an interaction-triggered pixel),
//   the rest behind a consent manager (Klaro, vanilla-cookieconsent).
// - consent-gate with every visit, and with the initial visit only, against (a) a bare loop (fresh
//   context, `load`, read cookies: the floor any scanner pays per page) and (b) a naive loop that loads
//   each page once and sleeps 2 s, as simple scripts and the EDPS collector (3 s) do.
// - Per visit: what a tracker-heavy page costs against a clean one; startup; peak memory of the whole
//   process tree, half-way and at the end (it must stay flat in the page count).
// - A 3-page site with GA4 and the Meta pixel behind a consent banner, all visits, from the command to the
//   verdict, twice: both runs must give the same findings.
// - A 20-page site behind one consent manager (vanilla-cookieconsent, GA4 and the Meta pixel waiting for
//   consent): initial visit only against every visit. The consent visits must scale with the site, not
//   with pages × clicks.
// - Page loads: every navigation the browser makes (Sec-Fetch-Dest: document), counted by a proxy in front
//   of each site, per page scanned.
// - CPU time of each run, of this process and everything it started (see treeCpuMs): on two cores a scan
//   is bound by it, and other tenants of the machine do not count in it.
// A fast run that misses a planted tracker is a failed run. Writes bench-results.json.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startVendors } from '../examples/vendors/serve.mjs';
import { defaultConcurrency, resolveBrowser, runGate, startStatic } from '../dist/api.js';
import { ensureBrowser } from './ensure-browser.mjs';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '36' }, concurrency: { type: 'string' }, out: { type: 'string', default: 'bench-results.json' } } });
const PAGES = Number(values.pages);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODULES = join(ROOT, 'node_modules');
const CONSENT = join(ROOT, 'test', 'fixtures', 'consent');
const NAIVE_SLEEP_MS = 2_000;
/** The site behind one consent manager: its page count. */
const SITE_PAGES = 20;

/** @typedef {{ rule: string, phase: string, subject: { name?: string, host?: string } }} F */
/** @typedef {{ phases: { phase: string, banner: unknown, cookies: { name: string }[], durationMs: number }[] }} P */
/** @param {F[]} f @param {string} rule @param {string} what */
const has = (f, rule, what) => f.some((x) => x.rule === rule && (x.subject.name ?? x.subject.host) === what);
/** @param {P} page @param {string} phase @param {string} cookie */
const storedIn = (page, phase, cookie) => page.phases.some((s) => s.phase === phase && s.cookies.some((c) => c.name === cookie));

const GTAG = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH"></script>';
const PIXEL = '<script async src="https://connect.facebook.net/en_US/fbevents.js"></script>';
const GATED_GTAG = '<script type="text/plain" data-category="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH"></script>';
const GATED_PIXEL = '<script type="text/plain" data-category="analytics" async src="https://connect.facebook.net/en_US/fbevents.js"></script>';
const VANILLA = { head: `<link rel="stylesheet" href="/cookieconsent.css">${GATED_GTAG}`, body: '<script src="/cookieconsent.umd.js"></script><script src="/consent.js"></script>' };

/**
 * Each page kind: what it plants, whether it is one of the tracker pages, and how to tell the scan
 * found it (`all`: the scan made every visit, so interaction and accept visits count too).
 * @type {Record<string, { head: string, body: string, tracker: boolean, found: (f: F[], page: P, all: boolean) => boolean }>}
 */
const KINDS = {
  clean: { head: '', body: '', tracker: false, found: () => true },
  ga4: { head: GTAG, body: '', tracker: true, found: (f) => has(f, 'tracking-cookie-before-consent', '_ga') },
  pixel: { head: PIXEL, body: '', tracker: true, found: (f) => has(f, 'tracking-cookie-before-consent', '_fbp') && has(f, 'tracker-request-before-consent', 'www.facebook.com') },
  tagManager: {
    head: '<script async src="https://www.googletagmanager.com/gtm.js?id=GTM-BENCH"></script>',
    body: '',
    tracker: true,
    found: (f) => has(f, 'tracking-cookie-before-consent', '_fbp') && has(f, 'tracker-request-before-consent', 'ws.hotjar.com') && has(f, 'social-plugin-before-consent', 'www.youtube.com'),
  },
  liveChat: {
    head: '<script async src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script><script async src="https://cdn.chatwidget.example/w.js"></script>',
    body: '',
    tracker: true,
    found: (f) => has(f, 'tracking-storage-before-consent', '_hjSessionUser_1234567') && has(f, 'tracker-request-before-consent', 'in.hotjar.com') && has(f, 'unknown-third-party-before-consent', 'cdn.chatwidget.example'),
  },
  delayed: {
    head: '',
    body: '<script>setTimeout(function(){var s=document.createElement("script");s.src="https://connect.facebook.net/en_US/fbevents.js";document.head.appendChild(s)},3000)</script>',
    tracker: true,
    found: (f) => has(f, 'tracker-request-before-consent', 'connect.facebook.net'),
  },
  onInteraction: {
    head: '',
    body: '<script>addEventListener("scroll",function l(){removeEventListener("scroll",l);var s=document.createElement("script");s.src="https://connect.facebook.net/en_US/fbevents.js";document.head.appendChild(s)})</script>',
    tracker: true,
    found: (f, _page, all) => !all || has(f, 'tracking-after-implicit-action', '_fbp'),
  },
  vanilla: { ...VANILLA, tracker: false, found: (_f, page, all) => page.phases[0]?.banner != null && (!all || storedIn(page, 'after-accept', '_ga')) },
  klaro: {
    head: '<script type="text/plain" data-type="text/javascript" data-name="google-analytics" data-src="https://www.googletagmanager.com/gtag/js?id=G-BENCH"></script><script src="/config.js"></script><script defer src="/klaro.js"></script>',
    body: '',
    tracker: false,
    found: (_f, page, all) => page.phases[0]?.banner != null && (!all || storedIn(page, 'after-accept', '_ga')),
  },
};
const ORDER = ['clean', 'ga4', 'clean', 'pixel', 'vanilla', 'tagManager', 'clean', 'liveChat', 'klaro', 'delayed', 'clean', 'onInteraction'];

/** The consent managers' own files from npm, with the configuration the consent tests use. */
function addManagers(dir) {
  for (const file of ['cookieconsent.umd.js', 'cookieconsent.css']) cpSync(join(MODULES, 'vanilla-cookieconsent', 'dist', file), join(dir, file));
  cpSync(join(CONSENT, 'vanilla-ok', 'consent.js'), join(dir, 'consent.js'));
  cpSync(join(MODULES, 'klaro', 'dist', 'klaro.js'), join(dir, 'klaro.js'));
  cpSync(join(CONSENT, 'klaro-ok', 'config.js'), join(dir, 'config.js'));
  writeFileSync(join(dir, 'cookies.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cookies</title></head><body><h1>Cookie policy</h1></body></html>');
}

/** @param {string} title @param {{ head: string, body: string }} kind @param {string} next */
const pageHtml = (title, kind, next) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${kind.head}</head><body><h1>${title}</h1>` +
  `<p><a href="${next}">Next page</a></p><p>${'Content. '.repeat(400)}</p><div style="height:2000px"></div>${kind.body}<footer><a href="/cookies.html">Cookie policy</a></footer></body></html>`;

function generateSite() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-site-'));
  const kinds = new Map();
  const name = (i) => (i === 0 ? 'index.html' : `page-${String(i).padStart(4, '0')}.html`);
  for (let i = 0; i < PAGES; i++) {
    const kind = ORDER[i % ORDER.length];
    kinds.set(i === 0 ? '/' : `/${name(i)}`, kind);
    writeFileSync(join(dir, name(i)), pageHtml(`Page ${i}`, KINDS[kind], `/${name((i + 1) % PAGES)}`));
  }
  addManagers(dir);
  return { dir, kinds };
}

/** GA4 and the Meta pixel waiting for consent in vanilla-cookieconsent, as a small site done right does. */
const GATED_SITE = { head: VANILLA.head + GATED_PIXEL, body: VANILLA.body };

/** Three pages, GA4 and the Meta pixel waiting for consent in vanilla-cookieconsent: a small site done right. */
function smallSite() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-small-'));
  addManagers(dir);
  writeFileSync(join(dir, 'index.html'), pageHtml('Home', GATED_SITE, '/contact.html'));
  writeFileSync(join(dir, 'contact.html'), pageHtml('Contact', GATED_SITE, '/'));
  writeFileSync(join(dir, 'cookies.html'), pageHtml('Cookie policy', GATED_SITE, '/'));
  return dir;
}

/** SITE_PAGES pages like the small site's, each linking to the next: one consent manager, one configuration. */
function oneManagerSite() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-manager-'));
  addManagers(dir);
  const name = (i) => (i === 0 ? 'index.html' : `page-${String(i).padStart(2, '0')}.html`);
  for (let i = 0; i < SITE_PAGES; i++) writeFileSync(join(dir, name(i)), pageHtml(`Page ${i}`, GATED_SITE, `/${name((i + 1) % SITE_PAGES)}`));
  return { dir, paths: Array.from({ length: SITE_PAGES }, (_, i) => (i === 0 ? '/' : `/${name(i)}`)) };
}

/**
 * A proxy in front of a site that counts the browser's navigations (Sec-Fetch-Dest: document, top
 * level and frames alike): what a scan costs in page loads, whoever makes them.
 */
async function countingProxy(target) {
  const to = new URL(target);
  let loads = 0;
  const server = createServer((req, res) => {
    if (req.headers['sec-fetch-dest'] === 'document') loads++;
    const upstream = httpRequest({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** Navigations counted since the last call. */
    take: () => {
      const counted = loads;
      loads = 0;
      return counted;
    },
    close: () => new Promise((closed) => server.close(closed)),
  };
}

const USER_HZ = 100; // /proc's unit for CPU time on Linux, whatever the kernel's tick rate

/** Fields of /proc/PID/stat after the command name, or null once the process has gone. */
function statOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** This process's descendants, from /proc's children lists: the browser, its zygotes and renderers, a spawned CLI. */
function descendants() {
  const found = [];
  const walk = (pid) => {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
      } catch {
        // The task ended while we looked.
      }
      for (const child of children.split(' ').filter(Boolean).map(Number)) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(process.pid);
  return found;
}

/**
 * The process tree's memory and CPU, sampled: RSS of this process and its descendants, and each
 * descendant's CPU time (user and system) as last seen. The browser's processes are not all waited for
 * by their parents (a zygote outlives the browser and is reaped by init), so this process's cutime
 * misses most of their time; a process's last 100 ms before it ends are what sampling misses. Other
 * tenants of a shared machine do not count, as they did in /proc/stat's machine-wide figure.
 */
class TreeSampler {
  constructor() {
    /** pid → CPU ms when first seen by this sampler (a process already running counts from there) and as last seen. */
    this.cpu = new Map();
    this.selfStart = this.selfCpuMs();
    this.sample();
    for (const entry of this.cpu.values()) entry.first = entry.last;
  }

  selfCpuMs() {
    const fields = statOf('self');
    return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ : 0;
  }

  /** Records each descendant's CPU; returns the tree's RSS in bytes. */
  sample() {
    let rss = Number(statOf('self')?.[21] ?? 0) * 4096;
    for (const pid of descendants()) {
      const fields = statOf(pid);
      if (!fields) continue;
      rss += Number(fields[21]) * 4096;
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
      const entry = this.cpu.get(pid);
      // A pid reused by a new process starts again from its own time.
      if (entry && ms >= entry.last) entry.last = ms;
      else if (!entry) this.cpu.set(pid, { first: 0, last: ms });
    }
    return rss;
  }

  /** CPU seconds of the tree since the sampler started (this process's own included). */
  cpuSeconds() {
    this.sample();
    let ms = this.selfCpuMs() - this.selfStart;
    for (const { first, last } of this.cpu.values()) ms += last - first;
    return +(ms / 1000).toFixed(1);
  }
}

const mb = (bytes) => Math.round(bytes / 2 ** 20);

/** Runs fn while sampling the process tree; fn gets `halfway()` to note the peak RSS so far. */
async function measure(fn) {
  const tree = new TreeSampler();
  let peak = tree.sample();
  let half = null;
  const timer = setInterval(() => (peak = Math.max(peak, tree.sample())), 100);
  const started = performance.now();
  try {
    const result = await fn(() => (half ??= mb(Math.max(peak, tree.sample()))), started);
    return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: tree.cpuSeconds(), peakRssMb: mb(Math.max(peak, tree.sample())), halfwayRssMb: half };
  } finally {
    clearInterval(timer);
  }
}

/** One visit per page in a fresh context, as a plain Playwright script does; `sleepMs` after `load`. */
async function plainLoop(urls, browserArgs, concurrency, sleepMs) {
  const { chromium } = await import('../dist/node_modules/playwright-core/index.mjs');
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', ...browserArgs];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await chromium.launch({ executablePath: resolveBrowser().executable, args });
  let next = 0;
  let cookies = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const context = await browser.newContext();
      const page = await context.newPage();
      // `networkidle` never comes on a page that keeps an event stream or a socket open.
      await page.goto(url, { waitUntil: 'load' }).catch(() => undefined);
      if (sleepMs > 0) await page.waitForTimeout(sleepMs);
      cookies += (await context.cookies()).length;
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await browser.close();
  return { cookies };
}

ensureBrowser();
const { dir, kinds } = generateSite();
const served = await startStatic(dir);
const site = await countingProxy(served.url);
const vendors = await startVendors();
const concurrency = values.concurrency ? Number(values.concurrency) : defaultConcurrency();
const urls = [...kinds.keys()].map((path) => new URL(path, site.url).href);
const say = (text) => process.stderr.write(`bench: ${text}\n`);
say(`${PAGES} pages, concurrency ${concurrency}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);

/** consent-gate in this process; notes when the first visit starts (startup), the peak memory half-way and the page loads. */
async function gate(phases, pages = urls, proxy = site) {
  let startupSeconds = 0;
  proxy.take();
  const measured = await measure((halfway, started) =>
    runGate({
      discover: { pages },
      browserArgs: vendors.browserArgs,
      concurrency,
      ...(phases ? { phases } : {}),
      onVisit: () => (startupSeconds ||= (performance.now() - started) / 1000),
      onPage: ({ done, total }) => done >= total / 2 && halfway(),
    }),
  );
  const loads = proxy.take();
  return { ...measured, startupSeconds, loads, loadsPerPage: +(loads / pages.length).toFixed(2) };
}

const bare = await measure(() => plainLoop(urls, vendors.browserArgs, concurrency, 0));
say(`bare loop ${bare.seconds.toFixed(1)} s`);
const naive = await measure(() => plainLoop(urls, vendors.browserArgs, concurrency, NAIVE_SLEEP_MS));
say(`naive 2 s loop ${naive.seconds.toFixed(1)} s`);
const initial = await gate(['initial']);
say(`consent-gate, initial visit ${initial.seconds.toFixed(1)} s`);
const all = await gate(undefined);
say(`consent-gate, all visits ${all.seconds.toFixed(1)} s, ${all.loadsPerPage} page loads per page`);

/**
 * The small site from the command line, as a user runs it with its pages' URLs: wall time to the
 * verdict, the findings and the page loads. Asynchronously: the site and the vendor stand-ins answer
 * from this process.
 */
async function smallRun(pages, proxy, out) {
  const flags = vendors.browserArgs.map((a) => `--browser-arg=${a}`);
  proxy.take();
  const { result: exitCode, seconds, cpuSeconds } = await measure(() => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', ...pages, '--format', 'json', '-o', out, '--quiet', '--concurrency', String(concurrency), ...flags], { stdio: 'ignore' });
    return new Promise((done) => child.on('close', done));
  });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  return { seconds, cpuSeconds, exitCode, loads: proxy.take(), findings: report.findings.map((f) => `${new URL(f.page).pathname} ${f.phase} ${f.rule} ${f.fingerprint}`) };
}
const smallServed = await startStatic(smallSite());
const small = await countingProxy(smallServed.url);
const smallPages = ['', 'contact.html', 'cookies.html'].map((path) => new URL(path, small.url).href);
const reports = mkdtempSync(join(tmpdir(), 'cg-bench-reports-'));
const smallRuns = [await smallRun(smallPages, small, join(reports, 'run-1.json')), await smallRun(smallPages, small, join(reports, 'run-2.json'))];
say(`3-page site, all visits, command to verdict: ${smallRuns.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')}`);

/** The site behind one consent manager, its first visit only and then every visit. */
const managerSite = oneManagerSite();
const managerServed = await startStatic(managerSite.dir);
const manager = await countingProxy(managerServed.url);
const managerUrls = managerSite.paths.map((path) => new URL(path, manager.url).href);
const managerInitial = await gate(['initial'], managerUrls, manager);
const managerAll = await gate(undefined, managerUrls, manager);
say(`${SITE_PAGES}-page site behind one consent manager: initial visit ${managerInitial.seconds.toFixed(1)} s, all visits ${managerAll.seconds.toFixed(1)} s, ${managerAll.loadsPerPage} page loads per page`);
for (const closing of [site, served, small, smallServed, manager, managerServed, vendors]) await closing.close();

/** Every planted tracker found, per kind. */
function planted(result, every) {
  const missed = [];
  for (const page of result.pages) {
    const kind = kinds.get(new URL(page.url).pathname);
    const findings = result.findings.filter((f) => f.page === page.url);
    if (!KINDS[kind].found(findings, page, every)) missed.push(`${new URL(page.url).pathname} (${kind})`);
  }
  return missed;
}

/** Mean of `measure(visit)` over one phase's visits of the pages of the given kinds. */
function meanVisit(result, phase, test, measure) {
  const times = result.pages
    .filter((p) => test(kinds.get(new URL(p.url).pathname)))
    .flatMap((p) => p.phases.filter((s) => s.phase === phase && s.error === null).map(measure));
  return times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : null;
}
const isClean = (k) => k === 'clean';
const isTracker = (k) => KINDS[k].tracker;
/** What a visit costs on a tracker page against a clean one, and how much of it was waiting for the network. */
const perVisit = Object.fromEntries(
  ['initial', 'after-scroll'].map((phase) => {
    const cleanMs = meanVisit(all.result, phase, isClean, (s) => s.durationMs);
    const trackerMs = meanVisit(all.result, phase, isTracker, (s) => s.durationMs);
    const waited = (test) => meanVisit(all.result, phase, test, (s) => s.settle?.waitedMs ?? 0);
    return [phase, { cleanMs, trackerMs, ratio: cleanMs && trackerMs ? +(trackerMs / cleanMs).toFixed(2) : null, cleanWaitedMs: waited(isClean), trackerWaitedMs: waited(isTracker) }];
  }),
);
/** Which requests held a settle wait longest, by type and host: what the time waiting went to. */
const heldBy = {};
for (const scan of all.result.pages.flatMap((p) => p.phases)) {
  const held = scan.settle?.heldBy;
  if (!held) continue;
  const key = `${held.resourceType} ${new URL(held.url).host}`;
  heldBy[key] = { visits: (heldBy[key]?.visits ?? 0) + 1, longestMs: Math.max(heldBy[key]?.longestMs ?? 0, held.heldMs) };
}
const perKind = Object.fromEntries(
  Object.keys(KINDS).map((kind) => {
    const pages = all.result.pages.filter((p) => kinds.get(new URL(p.url).pathname) === kind);
    const visits = pages.flatMap((p) => p.phases);
    const total = visits.reduce((n, s) => n + s.durationMs, 0);
    return [kind, { pages: pages.length, visits: visits.length, meanPageMs: pages.length ? Math.round(total / pages.length) : null }];
  }),
);

const missedInitial = planted(initial.result, false);
const missedAll = planted(all.result, true);
/** On the site behind one manager, every page shows the banner and stores GA's cookie once the visitor accepted. */
const missedManager = managerAll.result.pages.filter((page) => !KINDS.vanilla.found([], page, true)).map((page) => new URL(page.url).pathname);
/** What each page beyond the small site's three costs, the site being the same but for its size. */
const loadsPerExtraPage = +((managerAll.loads - smallRuns[0].loads) / (SITE_PAGES - 3)).toFixed(2);
const visits = all.result.pages.reduce((n, p) => n + p.phases.length, 0);
const run = (r) => ({ seconds: +r.seconds.toFixed(2), perPageSeconds: +(r.seconds / PAGES).toFixed(2), cpuSeconds: r.cpuSeconds, peakRssMb: r.peakRssMb });
const sameFindings = JSON.stringify(smallRuns[0].findings) === JSON.stringify(smallRuns[1].findings);
const worstTrackerRatio = Math.max(...Object.values(perVisit).map((v) => v.ratio ?? 0));
const report = {
  machine: { cores: availableParallelism(), loadAverage: +loadavg()[0].toFixed(1), node: process.version },
  pages: PAGES,
  mix: Object.fromEntries(Object.keys(KINDS).map((k) => [k, perKind[k].pages])),
  concurrency,
  bareLoop: run(bare),
  naiveLoop: { ...run(naive), sleepMs: NAIVE_SLEEP_MS },
  initialVisit: { ...run(initial), ratioToNaive: +(initial.seconds / naive.seconds).toFixed(2), ratioToBare: +(initial.seconds / bare.seconds).toFixed(2), missed: missedInitial },
  allVisits: {
    ...run(all),
    visits,
    ratioToNaive: +(all.seconds / naive.seconds).toFixed(2),
    ratioToBare: +(all.seconds / bare.seconds).toFixed(2),
    startupSeconds: +all.startupSeconds.toFixed(2),
    halfwayRssMb: all.halfwayRssMb,
    missed: missedAll,
  },
  perVisit,
  perKind,
  heldBy,
  smallSite: {
    pages: 3,
    seconds: smallRuns.map((r) => +r.seconds.toFixed(2)),
    cpuSeconds: smallRuns.map((r) => r.cpuSeconds),
    loadsPerPage: smallRuns.map((r) => +(r.loads / 3).toFixed(2)),
    exitCodes: smallRuns.map((r) => r.exitCode),
    findings: smallRuns[0].findings.length,
    sameFindings,
  },
  oneManagerSite: {
    pages: SITE_PAGES,
    initialVisit: { ...run(managerInitial), loadsPerPage: managerInitial.loadsPerPage },
    allVisits: { ...run(managerAll), loadsPerPage: managerAll.loadsPerPage, verdict: managerAll.result.verdict.status, findings: managerAll.result.findings.length, missed: missedManager },
    ratioAllToInitial: +(managerAll.seconds / managerInitial.seconds).toFixed(2),
    cpuRatioAllToInitial: managerAll.cpuSeconds && managerInitial.cpuSeconds ? +(managerAll.cpuSeconds / managerInitial.cpuSeconds).toFixed(2) : null,
    loadsPerExtraPage,
  },
  targets: {
    allVisitsAtMost0_6xNaive: { target: 0.6, measured: +(all.seconds / naive.seconds).toFixed(2) },
    oneManagerSiteAllAtMost2_5xInitial: { target: 2.5, measured: +(managerAll.seconds / managerInitial.seconds).toFixed(2) },
    loadsPerExtraPageAtMost5: { target: 5, measured: loadsPerExtraPage },
    allTrackersFound: missedInitial.length === 0 && missedAll.length === 0 && missedManager.length === 0,
    twoRunsSameFindings: sameFindings,
  },
};
writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');

const cpu = (r) => (r.cpuSeconds === null ? '' : `  CPU ${r.cpuSeconds.toFixed(1).padStart(5)} s`);
const row = (name, r, extra = '', pages = PAGES) => `${name.padEnd(30)} ${r.seconds.toFixed(1).padStart(7)} s  ${(r.seconds / pages).toFixed(2).padStart(5)} s/page${cpu(r)}  peak RSS ${String(r.peakRssMb).padStart(5)} MB${extra}`;
const loadsOf = (r) => (r.loadsPerPage === undefined ? '' : `  ${r.loadsPerPage} loads/page`);
const ok = report.targets.allTrackersFound && sameFindings && smallRuns.every((r) => r.exitCode === 0) && managerAll.result.verdict.status === 'passed';
process.stdout.write(
  [
    `pages: ${PAGES} (${Object.entries(report.mix).map(([k, n]) => `${n} ${k}`).join(', ')}) · concurrency ${concurrency} · load average ${report.machine.loadAverage}`,
    row('bare loop (load)', bare),
    row(`naive loop (load + ${NAIVE_SLEEP_MS / 1000} s)`, naive),
    row('consent-gate, initial visit', initial, `${loadsOf(initial)}  ${report.initialVisit.ratioToNaive}× naive`),
    row(`consent-gate, all ${visits} visits`, all, `${loadsOf(all)}  ${report.allVisits.ratioToNaive}× naive · startup ${report.allVisits.startupSeconds} s · RSS half-way ${all.halfwayRssMb} MB`),
    ...Object.entries(perVisit).map(
      ([phase, v]) => `  ${phase.padEnd(13)} visit: clean ${v.cleanMs} ms, tracker page ${v.trackerMs} ms (${v.ratio}×); waiting for the network ${v.cleanWaitedMs} / ${v.trackerWaitedMs} ms`,
    ),
    `3-page site, all visits, command to verdict: ${report.smallSite.seconds.join(' s, ')} s${smallRuns[0].cpuSeconds === null ? '' : ` (CPU ${report.smallSite.cpuSeconds.join(' s, ')} s)`}, ${report.smallSite.loadsPerPage.join(' / ')} loads/page; same findings both runs: ${sameFindings ? 'yes' : 'NO'}`,
    row(`${SITE_PAGES}-page site, initial visit`, managerInitial, loadsOf(managerInitial), SITE_PAGES),
    row(`${SITE_PAGES}-page site, all visits`, managerAll, `${loadsOf(managerAll)}  ${report.oneManagerSite.ratioAllToInitial}× its initial visit (CPU ${report.oneManagerSite.cpuRatioAllToInitial}×) · ${loadsPerExtraPage} loads per page beyond the small site's 3 · ${managerAll.result.verdict.status}`, SITE_PAGES),
    report.targets.allTrackersFound ? 'every planted tracker was found' : `MISSED: ${[...missedInitial, ...missedAll, ...missedManager].join(', ')}`,
    `written: ${values.out}`,
    '',
  ].join('\n'),
);
process.exitCode = ok ? 0 : 1;
