// @ts-check
// The README's pictures of the HTML report: the demo's report (run `npm run demo` first, or give
// another report's path) opened in Chromium at 1280 px wide, as a reader would, cut into what a
// privacy officer reads first (the verdict and the cards of what to fix) and one page's timeline.
//
//   npm run demo && node scripts/report-screenshots.mjs [consent-gate-report/consent-gate.html]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { resolveBrowser } from '../dist/api.js';

const report = resolve(process.argv[2] ?? 'consent-gate-report/consent-gate.html');
const docs = resolve('docs');
mkdirSync(docs, { recursive: true });

const browser = await chromium.launch({ executablePath: resolveBrowser().executable });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(report).href);
  // From the top to the end of the second card: the verdict, and the two causes that matter most.
  const cards = page.locator('section.cause');
  const end = await cards.nth(Math.min(1, (await cards.count()) - 1)).evaluate((card) => card.getBoundingClientRect().bottom + window.scrollY + 16);
  await page.screenshot({ path: `${docs}/report-causes.png`, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(end) }, fullPage: true });
  // The page with the most tracker rows: its screenshot and its timeline.
  const busiest = page.locator('section.page').filter({ has: page.locator('svg') });
  const rows = await busiest.evaluateAll((sections) => sections.map((s) => s.querySelectorAll('g.row').length));
  await busiest.nth(rows.indexOf(Math.max(...rows))).screenshot({ path: `${docs}/report-timeline.png` });
  process.stdout.write(`Written: docs/report-causes.png, docs/report-timeline.png (from ${report})\n`);
} finally {
  await browser.close();
}
