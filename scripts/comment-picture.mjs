// @ts-check
// Draws docs/pull-request-comment.png, the README's picture of what a reviewer sees: the example site
// (deliberate violations) scanned for real, then judged as a pull request that adds Hotjar through
// the tag manager to a site whose other trackers are known debt (in the baseline). The review body is
// built by the same code the Action posts, rendered as CommonMark (marked) in a comment's frame and
// photographed in Chromium. Emoji need a colour emoji font (Debian: fonts-noto-color-emoji).
// Run after `npm run build`: node scripts/comment-picture.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { marked } from 'marked';
import { chromium } from 'playwright';
import { startVendors } from '../examples/vendors/serve.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cg-picture-'));
const browser = ensureBrowser();

// The body builder is not part of the public API: bundled from its source for this script alone.
await build({ entryPoints: [join(root, 'src/report/comment.ts')], outfile: join(work, 'comment.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
const { reviewBody } = await import(pathToFileURL(join(work, 'comment.mjs')).href);

/** @param {string[]} args @param {string} cwd @returns {Promise<number | null>} */
const cli = (args, cwd) => new Promise((resolve) => spawn(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd, stdio: 'inherit' }).on('close', resolve));

const vendors = await startVendors();
const scanned = join(work, 'scan.json');
const code = await cli(['scan', '--static', join(root, 'examples/site'), '--format', 'json', '-o', scanned, ...vendors.browserArgs.map((a) => `--browser-arg=${a}`)], work);
await vendors.close();
if (code !== 1) throw new Error(`the example site should fail the gate (exit 1); it exited ${code}`);
// Everything known before the pull request, but Hotjar: the baseline, less what the change adds.
await cli(['judge', scanned, '--update-baseline'], work);
const baselineFile = join(work, 'consent-gate.baseline.json');
const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
for (const [fingerprint, entry] of Object.entries(baseline.findings)) if (/hotjar|_hj/i.test(JSON.stringify(entry.subject))) delete baseline.findings[fingerprint];
writeFileSync(baselineFile, JSON.stringify(baseline));
await cli(['judge', scanned, '--format', 'json', '-o', join(work, 'judged.json')], work);
const result = JSON.parse(readFileSync(join(work, 'judged.json'), 'utf8'));

const body = reviewBody(result, {
  lang: 'en',
  marker: 'consent-gate pull-request .',
  place: { dir: 'consent-gate-report', files: ['consent-gate-report.json', 'consent-gate.html'], runUrl: 'https://github.com/gemeente/website/actions/runs/1' },
});
// Roughly GitHub's comment styles: enough to judge the layout, not a copy of GitHub.
const page = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
  .comment { width: 860px; border: 1px solid #d1d9e0; border-radius: 6px; }
  .head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; border-radius: 6px 6px 0 0; color: #59636e; }
  .head b { color: #1f2328; }
  .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; margin-left: 4px; }
  .body { padding: 16px; }
  .body > :first-child { margin-top: 0; }
  h4 { font-size: 14px; margin: 20px 0 8px; }
  p, ul { margin: 0 0 12px; }
  ul { padding-left: 2em; }
  li + li { margin-top: 4px; }
  a { color: #0969da; text-decoration: none; }
  code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #818b981f; padding: 0.2em 0.4em; border-radius: 6px; }
</style></head><body><div class="comment"><div class="head"><b>github-actions</b><span class="bot">bot</span> commented</div>
<div class="body">${marked.parse(body)}</div></div></body></html>`;

const chrome = await chromium.launch({ executablePath: browser.executable });
try {
  const tab = await chrome.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 });
  await tab.setContent(page);
  const out = join(root, 'docs', 'pull-request-comment.png');
  await tab.locator('.comment').screenshot({ path: out });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await chrome.close();
  rmSync(work, { recursive: true, force: true });
}
