// npm run bench [-- --pages N] : how fast consent-gate scans a generated site on loopback, against a
// bare Playwright loop (fresh context, goto, network quiet, read cookies) at the same concurrency, in
// the same process. A fast run that misses a planted tracker is a failed run. Writes bench-results.json.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startVendors } from '../examples/vendors/serve.mjs';
import { defaultConcurrency, resolveBrowser, runGate, startStatic } from '../dist/api.js';
import { ensureBrowser } from './ensure-browser.mjs';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '200' }, out: { type: 'string', default: 'bench-results.json' } } });
const PAGES = Number(values.pages);

/** Each page kind, what it plants, and how to tell the scan found it. */
const KINDS = {
  clean: { head: '', body: '', found: () => true },
  ga4: {
    head: '<script async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH"></script>',
    body: '',
    found: (/** @type {any[]} */ f) => f.some((x) => x.rule === 'tracking-cookie-before-consent' && x.subject.name === '_ga'),
  },
  pixel: {
    head: '<script async src="https://connect.facebook.net/en_US/fbevents.js"></script>',
    body: '',
    found: (/** @type {any[]} */ f) => f.some((x) => x.subject.name === '_fbp'),
  },
  embed: {
    head: '',
    body: '<iframe src="https://www.youtube.com/embed/bench123" title="video"></iframe>',
    found: (/** @type {any[]} */ f) => f.some((x) => x.rule === 'social-plugin-before-consent'),
  },
  storage: {
    head: '<script async src="https://static.hotjar.com/c/hotjar-1234567.js"></script>',
    body: '',
    found: (/** @type {any[]} */ f) => f.some((x) => x.rule === 'tracking-storage-before-consent'),
  },
  delayed: {
    head: '',
    body: '<script>setTimeout(function(){var s=document.createElement("script");s.src="https://connect.facebook.net/en_US/fbevents.js";document.head.appendChild(s)},3000)</script>',
    found: (/** @type {any[]} */ f) => f.some((x) => x.rule === 'tracker-request-before-consent' && x.subject.host === 'connect.facebook.net'),
  },
  banner: {
    head: '',
    body: '<script src="/kit.js"></script>',
    found: (/** @type {any[]} */ f, /** @type {any} */ page) => page.phases.some((/** @type {any} */ s) => s.banner !== null),
  },
};
const ORDER = /** @type {(keyof typeof KINDS)[]} */ (['clean', 'clean', 'clean', 'ga4', 'pixel', 'embed', 'storage', 'delayed', 'banner', 'clean']);

function generateSite() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-site-'));
  const kinds = new Map();
  for (let i = 0; i < PAGES; i++) {
    const kind = ORDER[i % ORDER.length];
    const name = i === 0 ? 'index.html' : `page-${String(i).padStart(4, '0')}.html`;
    kinds.set(name === 'index.html' ? '/' : `/${name}`, kind);
    const k = KINDS[kind];
    writeFileSync(
      join(dir, name),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${i}</title>${k.head}</head><body><h1>Page ${i}</h1><p>${'Content. '.repeat(50)}</p>${k.body}<footer><a href="/cookies.html">Cookie policy</a></footer></body></html>`,
    );
  }
  writeFileSync(join(dir, 'cookies.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cookies</title></head><body><h1>Cookie policy</h1></body></html>');
  writeFileSync(join(dir, 'kit.js'), readFileSync(new URL('../test/fixtures/consent/kit/kit.js', import.meta.url)));
  return { dir, kinds };
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

/** Runs fn while sampling the process tree's RSS; returns its result, wall time and peak RSS. */
async function measure(fn) {
  let peak = treeRss();
  const timer = setInterval(() => (peak = Math.max(peak, treeRss())), 200);
  const started = performance.now();
  try {
    const result = await fn();
    return { result, seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(Math.max(peak, treeRss()) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

/** The floor: what any scanner must at least do per page. */
async function bareLoop(urls, browserArgs, concurrency) {
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
      await page.goto(url, { waitUntil: 'networkidle' }).catch(() => undefined);
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
const concurrency = defaultConcurrency();
const urls = [...kinds.keys()].map((path) => new URL(path, site.url).href);
process.stderr.write(`bench: ${PAGES} pages, concurrency ${concurrency}\n`);

const gate = (phases) => runGate({ discover: { pages: urls }, browserArgs: vendors.browserArgs, concurrency, ...(phases ? { phases } : {}) });
const bare = await measure(() => bareLoop(urls, vendors.browserArgs, concurrency));
process.stderr.write(`bench: bare loop ${bare.seconds.toFixed(1)} s\n`);
const initial = await measure(() => gate(['initial']));
process.stderr.write(`bench: consent-gate initial ${initial.seconds.toFixed(1)} s\n`);
const all = await measure(() => gate(undefined));
process.stderr.write(`bench: consent-gate all phases ${all.seconds.toFixed(1)} s\n`);
await site.close();
await vendors.close();

/** Every planted tracker found, per kind. */
function planted(result) {
  const missed = [];
  for (const page of result.pages) {
    const kind = kinds.get(new URL(page.url).pathname);
    const findings = result.findings.filter((f) => f.page === page.url);
    if (!KINDS[kind].found(findings, page)) missed.push(`${new URL(page.url).pathname} (${kind})`);
  }
  return missed;
}

const missedInitial = planted(initial.result);
const missedAll = planted(all.result);
const phaseCount = all.result.pages.reduce((n, p) => n + p.phases.length, 0);
const report = {
  pages: PAGES,
  concurrency,
  bareLoop: { seconds: +bare.seconds.toFixed(2), pagesPerSecond: +(PAGES / bare.seconds).toFixed(2), peakRssMb: bare.peakRssMb },
  initialPhase: { seconds: +initial.seconds.toFixed(2), pagesPerSecond: +(PAGES / initial.seconds).toFixed(2), peakRssMb: initial.peakRssMb, missed: missedInitial },
  allPhases: { pagePhases: phaseCount, seconds: +all.seconds.toFixed(2), pagesPerSecond: +(PAGES / all.seconds).toFixed(2), peakRssMb: all.peakRssMb, missed: missedAll },
  ratioInitialToBare: +(initial.seconds / bare.seconds).toFixed(2),
  allTrackersFound: missedInitial.length === 0 && missedAll.length === 0,
};
writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');

const row = (name, r, extra = '') => `${name.padEnd(26)} ${r.seconds.toFixed(1).padStart(7)} s  ${(PAGES / r.seconds).toFixed(2).padStart(6)} pages/s  peak RSS ${String(r.peakRssMb).padStart(5)} MB${extra}`;
process.stdout.write(
  [
    `pages: ${PAGES} · concurrency: ${concurrency} · page-phases (all): ${phaseCount}`,
    row('bare Playwright loop', bare),
    row('consent-gate, initial', initial, `  ratio ${report.ratioInitialToBare}× the bare loop`),
    row('consent-gate, all phases', all),
    report.allTrackersFound ? 'every planted tracker was found' : `MISSED: ${[...missedInitial, ...missedAll].join(', ')}`,
    `written: ${values.out}`,
    '',
  ].join('\n'),
);
process.exitCode = report.allTrackersFound ? 0 : 1;
