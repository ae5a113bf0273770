// consent-gate init: which framework a project uses, what it builds and where, said with the reason.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite } from '../src/entry/framework.js';
import { runCli } from './support/cli.js';

function project(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-init-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    if (path.endsWith('/')) mkdirSync(join(dir, path), { recursive: true });
    else writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const pkg = (deps: Record<string, string>, scripts: Record<string, string> = { build: 'x', preview: 'x' }) => ({ scripts, devDependencies: deps });

describe('detecting the framework', () => {
  it.each([
    ['Vite', { 'package.json': pkg({ vite: '^7' }), 'public/': '' }, { build: 'npm run build', static: 'dist' }, 'npm run preview'],
    ['Astro', { 'package.json': pkg({ astro: '^7' }) }, { build: 'npm run build', static: 'dist' }, 'npm run preview'],
    ['Next.js', { 'package.json': pkg({ next: '16', react: '19' }, { build: 'next build', start: 'next start' }), 'public/': '' }, { build: 'npm run build', start: 'npm run start', waitOn: 'http://localhost:3000/' }, null],
    ['Next.js', { 'package.json': pkg({ next: '16' }, { build: 'next build' }), 'next.config.mjs': "export default { output: 'export' };" }, { build: 'npm run build', static: 'out' }, 'npx next start'],
    ['Nuxt', { 'package.json': pkg({ nuxt: '4' }, { build: 'nuxt build', generate: 'nuxt generate' }) }, { build: 'npm run generate', static: '.output/public' }, 'npx nuxi preview'],
    ['SvelteKit', { 'package.json': pkg({ '@sveltejs/kit': '2', '@sveltejs/adapter-static': '3', vite: '7' }) }, { build: 'npm run build', static: 'build' }, 'npm run preview'],
    ['SvelteKit', { 'package.json': pkg({ '@sveltejs/kit': '2', vite: '7' }) }, { build: 'npm run build', start: 'npm run preview', waitOn: 'http://localhost:4173/' }, null],
    ['Eleventy', { 'package.json': pkg({ '@11ty/eleventy': '3' }, {}) }, { build: 'npx @11ty/eleventy', static: '_site' }, 'npx @11ty/eleventy --serve'],
    ['Gatsby', { 'package.json': pkg({ gatsby: '5' }), 'public/': '' }, { build: 'npm run build', static: 'public' }, 'npx gatsby serve'],
    ['Docusaurus', { 'package.json': pkg({ '@docusaurus/core': '3' }, { build: 'docusaurus build', serve: 'docusaurus serve' }) }, { build: 'npm run build', static: 'build' }, 'npm run serve'],
    ['Hugo', { 'hugo.toml': 'baseURL = "https://example.org/"' }, { build: 'hugo', static: 'public' }, 'hugo server'],
    ['Jekyll', { '_config.yml': 'title: x', Gemfile: 'gem "jekyll"' }, { build: 'bundle exec jekyll build', static: '_site' }, 'bundle exec jekyll serve'],
  ])('%s', (name, files, target, preview) => {
    const guess = detectSite(project(files));
    expect(guess?.name).toBe(name);
    expect(guess?.target).toEqual(target);
    expect(guess?.preview?.start ?? null).toBe(preview);
  });

  it('uses the package manager the lockfile names', () => {
    expect(detectSite(project({ 'package.json': pkg({ vite: '7' }), 'pnpm-lock.yaml': '' }))?.target.build).toBe('pnpm run build');
  });

  it('takes public/ only when it holds pages, and finds nothing in an empty folder', () => {
    expect(detectSite(project({ 'public/': '' }))).toBeNull();
    expect(detectSite(project({ 'public/index.html': '<h1>Home</h1>' }))?.target).toEqual({ static: 'public' });
    expect(detectSite(project({}))).toBeNull();
  });
});

describe('consent-gate init', () => {
  it('writes the framework\'s build, output folder and preview, and says what it guessed and why', async () => {
    // An unbuilt Vite project: public/ is its asset folder, never the site.
    const dir = project({ 'package.json': pkg({ vite: '^7.3.8' }), 'public/favicon.svg': '<svg/>', 'index.html': '<h1>app</h1>' });
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'consent-gate.json'), 'utf8')).target).toEqual({ build: 'npm run build', static: 'dist' });
    expect(run.stdout).toContain('guessed Vite: "vite" is in package.json\'s devDependencies.');
    expect(run.stdout).toContain('target: build with "npm run build" (the pre-push hook does this first), then scan the built folder dist/.');
    expect(run.stdout).toContain('to scan through its preview server instead, set "target": {"build":"npm run build","start":"npm run preview","waitOn":"http://localhost:4173/"}');
  });

  it('in an empty repository writes no made-up target and no hook that would block every push', async () => {
    const dir = project({});
    spawnSync('git', ['init', '-q'], { cwd: dir });
    const run = await runCli(['init', '--hook'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'consent-gate.json'), 'utf8')).target).toBeUndefined();
    expect(run.stdout).toContain('found no site here');
    expect(run.stdout).toContain('no pre-push hook installed: with no site to scan it would block every push.');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-push'))).toBe(false);
  });
});
