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
// - CPU time of each run, machine-wide (see busyCpuMs): on two cores a scan is bound by it.
// A fast run that misses a planted tracker is a failed run. Writes bench-results.json.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

/** Three pages, GA4 and the Meta pixel waiting for consent in vanilla-cookieconsent: a small site done right. */
function smallSite() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-small-'));
  addManagers(dir);
  const kind = { head: VANILLA.head + GATED_PIXEL, body: VANILLA.body };
  writeFileSync(join(dir, 'index.html'), pageHtml('Home', kind, '/contact.html'));
  writeFileSync(join(dir, 'contact.html'), pageHtml('Contact', kind, '/'));
  writeFileSync(join(dir, 'cookies.html'), pageHtml('Cookie policy', kind, '/'));
  return dir;
}

/** RSS of this process and all its descendants (the browser included), from /proc. */
function treeRss() {
  const parents = new Map();
  const rss = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p = pid; p > 1; p = parents.get(p) ?? 0) {
      if (p === process.pid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

const mb = (bytes) => Math.round(bytes / 2 ** 20);

/**
 * CPU time all processes spent, user and system (not idle, I/O wait or steal), from /proc/stat: the
 * browser's processes are not this process's children once Chromium reparents them, so the whole
 * machine is the measure. Null where there is no /proc. On a machine doing nothing else it is the
 * scan's cost, steadier than wall time when other tenants share the cores.
 */
const USER_HZ = 100; // /proc/stat's unit on Linux, whatever the kernel's tick rate
function busyCpuMs() {
  try {
    const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return ((user + nice + system + irq + softirq) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

/** Starts a CPU clock; calling what it returns gives the seconds spent since (null without /proc). */
function cpuClock() {
  const before = busyCpuMs();
  return () => {
    const after = busyCpuMs();
    return before === null || after === null ? null : +((after - before) / 1000).toFixed(1);
  };
}

/** Runs fn while sampling the process tree's RSS; fn gets `halfway()` to note the peak so far. */
async function measure(fn) {
  let peak = treeRss();
  let half = null;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss())), 200);
  const started = performance.now();
  const cpuSeconds = cpuClock();
  try {
    const result = await fn(() => (half ??= mb(Math.max(peak, treeRss()))), started);
    return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(), peakRssMb: mb(Math.max(peak, treeRss())), halfwayRssMb: half };
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
const site = await startStatic(dir);
const vendors = await startVendors();
const concurrency = values.concurrency ? Number(values.concurrency) : defaultConcurrency();
const urls = [...kinds.keys()].map((path) => new URL(path, site.url).href);
const say = (text) => process.stderr.write(`bench: ${text}\n`);
say(`${PAGES} pages, concurrency ${concurrency}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);

/** consent-gate in this process; notes when the first visit starts (startup) and the peak memory half-way. */
async function gate(phases) {
  let startupSeconds = 0;
  const measured = await measure((halfway, started) =>
    runGate({
      discover: { pages: urls },
      browserArgs: vendors.browserArgs,
      concurrency,
      ...(phases ? { phases } : {}),
      onVisit: () => (startupSeconds ||= (performance.now() - started) / 1000),
      onPage: ({ done, total }) => done >= total / 2 && halfway(),
    }),
  );
  return { ...measured, startupSeconds };
}

const bare = await measure(() => plainLoop(urls, vendors.browserArgs, concurrency, 0));
say(`bare loop ${bare.seconds.toFixed(1)} s`);
const naive = await measure(() => plainLoop(urls, vendors.browserArgs, concurrency, NAIVE_SLEEP_MS));
say(`naive 2 s loop ${naive.seconds.toFixed(1)} s`);
const initial = await gate(['initial']);
say(`consent-gate, initial visit ${initial.seconds.toFixed(1)} s`);
const all = await gate(undefined);
say(`consent-gate, all visits ${all.seconds.toFixed(1)} s`);

/**
 * The small site from the command line, as a user runs it: wall time to the verdict, and the findings.
 * Asynchronously: the vendor stand-ins answer from this process.
 */
async function smallRun(folder, out) {
  const flags = vendors.browserArgs.map((a) => `--browser-arg=${a}`);
  const started = performance.now();
  const cpuSeconds = cpuClock();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', '--static', folder, '--format', 'json', '-o', out, '--quiet', '--concurrency', String(concurrency), ...flags], { stdio: 'ignore' });
  const exitCode = await new Promise((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(readFileSync(out, 'utf8'));
  return { seconds, cpuSeconds: cpuSeconds(), exitCode, findings: report.findings.map((f) => `${new URL(f.page).pathname} ${f.phase} ${f.rule} ${f.fingerprint}`) };
}
const small = smallSite();
const reports = mkdtempSync(join(tmpdir(), 'cg-bench-reports-'));
const smallRuns = [await smallRun(small, join(reports, 'run-1.json')), await smallRun(small, join(reports, 'run-2.json'))];
say(`3-page site, all visits, command to verdict: ${smallRuns.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')}`);
await site.close();
await vendors.close();

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
  smallSite: { pages: 3, seconds: smallRuns.map((r) => +r.seconds.toFixed(2)), cpuSeconds: smallRuns.map((r) => r.cpuSeconds), exitCodes: smallRuns.map((r) => r.exitCode), findings: smallRuns[0].findings.length, sameFindings },
  targets: {
    allVisitsAtMostNaive: { target: 1.0, measured: +(all.seconds / naive.seconds).toFixed(2) },
    trackerPageAtMost1_3xClean: { target: 1.3, measured: worstTrackerRatio },
    smallSiteUnder8s: { target: 8, measured: +Math.max(...smallRuns.map((r) => r.seconds)).toFixed(2) },
    allTrackersFound: missedInitial.length === 0 && missedAll.length === 0,
    twoRunsSameFindings: sameFindings,
  },
};
writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');

const cpu = (r) => (r.cpuSeconds === null ? '' : `  CPU ${r.cpuSeconds.toFixed(1).padStart(5)} s`);
const row = (name, r, extra = '') => `${name.padEnd(30)} ${r.seconds.toFixed(1).padStart(7)} s  ${(r.seconds / PAGES).toFixed(2).padStart(5)} s/page${cpu(r)}  peak RSS ${String(r.peakRssMb).padStart(5)} MB${extra}`;
const ok = report.targets.allTrackersFound && sameFindings && smallRuns.every((r) => r.exitCode === 0);
process.stdout.write(
  [
    `pages: ${PAGES} (${Object.entries(report.mix).map(([k, n]) => `${n} ${k}`).join(', ')}) · concurrency ${concurrency} · load average ${report.machine.loadAverage}`,
    row('bare loop (load)', bare),
    row(`naive loop (load + ${NAIVE_SLEEP_MS / 1000} s)`, naive),
    row('consent-gate, initial visit', initial, `  ${report.initialVisit.ratioToNaive}× naive`),
    row(`consent-gate, all ${visits} visits`, all, `  ${report.allVisits.ratioToNaive}× naive · startup ${report.allVisits.startupSeconds} s · RSS half-way ${all.halfwayRssMb} MB`),
    ...Object.entries(perVisit).map(
      ([phase, v]) => `  ${phase.padEnd(13)} visit: clean ${v.cleanMs} ms, tracker page ${v.trackerMs} ms (${v.ratio}×); waiting for the network ${v.cleanWaitedMs} / ${v.trackerWaitedMs} ms`,
    ),
    `3-page site, all visits, command to verdict: ${report.smallSite.seconds.join(' s, ')} s${smallRuns[0].cpuSeconds === null ? '' : ` (CPU ${report.smallSite.cpuSeconds.join(' s, ')} s)`}; same findings both runs: ${sameFindings ? 'yes' : 'NO'}`,
    report.targets.allTrackersFound ? 'every planted tracker was found' : `MISSED: ${[...missedInitial, ...missedAll].join(', ')}`,
    `written: ${values.out}`,
    '',
  ].join('\n'),
);
process.exitCode = ok ? 0 : 1;
