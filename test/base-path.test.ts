// A site built for a base path (GitHub Pages: /my-repo/) scanned with --static: served where its
// assets expect, and never passed when its own bundle does not load.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { guessBasePath, normalizeBasePath } from '../src/target/base-path.js';
import { browserFlags, runCli } from './support/cli.js';
import { ROOT } from './support/fixtures.js';

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
let built: string;
let vendorFlags: string[];
let closeVendors: () => Promise<unknown>;

beforeAll(async () => {
  // A real Vite build, as `base: '/my-repo/'` in vite.config would make it.
  built = join(mkdtempSync(join(tmpdir(), 'cg-base-')), 'dist');
  execFileSync(process.execPath, [VITE, 'build', '--base', '/my-repo/', '--outDir', built, '--emptyOutDir', '--logLevel', 'error'], { cwd: join(ROOT, 'test', 'fixtures', 'vite-app') });
  const vendors = await startVendors();
  vendorFlags = browserFlags(vendors.browserArgs);
  closeVendors = vendors.close;
}, 60_000);
afterAll(async () => closeVendors?.());

describe('--static with a base path', () => {
  it('guesses the base path from the built HTML, serves the site there, and finds the tracker its bundle injects', async () => {
    const run = await runCli(['scan', '--static', built, '--phases', 'initial', ...vendorFlags]);
    expect(run.stderr).toContain(`serving ${built} under the base path /my-repo/, as the asset URLs in its HTML expect`);
    expect(run.stdout).toMatch(/✗ http:\/\/127\.0\.0\.1:\d+\/my-repo\/\s/);
    expect(run.stdout).toMatch(/error\s+tracking-cookie-before-consent\s+cookie _ga\s/);
    expect(run.code).toBe(1);
  });

  it('is an incomplete scan, never a pass, when the page\'s own bundle does not load', async () => {
    const run = await runCli(['scan', '--static', built, '--base-path', '/', '--phases', 'initial', ...vendorFlags]);
    expect(run.stdout).toMatch(/the page's own script \/my-repo\/assets\/index-[\w-]+\.js answered HTTP 404, so it did not run as built/);
    expect(run.stdout).toContain('with --static its base path (--base-path)');
    expect(run.code).toBe(3);
  });

  it('reads target.basePath from the policy file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-base-policy-'));
    writeFileSync(join(dir, 'consent-gate.json'), JSON.stringify({ target: { static: built, basePath: '/' } }));
    const run = await runCli(['scan', '--phases', 'initial', ...vendorFlags], { cwd: dir });
    expect(run.stdout).toContain("the page's own script /my-repo/assets/");
    expect(run.code).toBe(3);
  });

  it('takes --base-path only with --static, and only a path', async () => {
    const withUrl = await runCli(['scan', '--url', 'http://127.0.0.1:9/', '--base-path', '/my-repo/']);
    expect(withUrl.code).toBe(2);
    expect(withUrl.stderr).toContain('--base-path goes with --static');
    const bad = await runCli(['scan', '--static', built, '--base-path', '/a/../b']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--base-path "/a/../b" is not a URL path');
  });
});

describe('guessing the base path', () => {
  const site = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-guess-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('is the shared leading folder the asset URLs have and the files lack', () => {
    const dir = site({
      'index.html': '<link rel="stylesheet" href="/docs/v2/assets/a.css"><script src="/docs/v2/assets/a.js"></script>',
      'about/index.html': '<link rel="icon" href="/docs/v2/favicon.svg"><a href="/elsewhere/">x</a>',
      'assets/a.js': '',
      'assets/a.css': '',
      'favicon.svg': '',
    });
    expect(guessBasePath(dir, ['index.html', 'about/index.html'])).toBe('/docs/v2/');
  });

  it('is none when the assets are where their URLs say, or the HTML loads nothing from this site', () => {
    expect(guessBasePath(site({ 'index.html': '<script src="/assets/a.js"></script>', 'assets/a.js': '' }), ['index.html'])).toBeNull();
    expect(guessBasePath(site({ 'index.html': '<script src="https://cdn.example.org/a.js"></script><script src="//cdn.example.org/b.js"></script>' }), ['index.html'])).toBeNull();
    // Missing under any prefix: a broken build, not a base path; the scan says so itself.
    expect(guessBasePath(site({ 'index.html': '<script src="/x/assets/gone.js"></script>' }), ['index.html'])).toBeNull();
  });

  it('normalises what people write', () => {
    expect(normalizeBasePath('my-repo')).toBe('/my-repo/');
    expect(normalizeBasePath('/my-repo')).toBe('/my-repo/');
    expect(normalizeBasePath('/')).toBe('/');
    expect(() => normalizeBasePath('/a?b=1')).toThrow('is not a URL path');
  });
});
