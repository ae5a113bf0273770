// consent-gate init, and the pre-push hook blocking a real git push.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { CLI, ROOT } from './support/fixtures.js';

/** A push runs the CLI and often a whole gate: on a busy two-core machine that takes more than one scan's time. */
const PUSH_TIMEOUT = 240_000;
const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });

/** A site repository with consent-gate "installed" the way npm installs a bin, and a remote to push to. */
function siteRepo(): { repo: string; remote: string } {
  const root = mkdtempSync(join(tmpdir(), 'cg-hook-'));
  const repo = join(root, 'site');
  const remote = join(root, 'remote.git');
  git(root, 'init', '-q', '--bare', remote);
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'dev@example.org');
  git(repo, 'config', 'user.name', 'Dev');
  git(repo, 'remote', 'add', 'origin', remote);
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(CLI, join(repo, 'node_modules', '.bin', 'consent-gate'));
  return { repo, remote };
}

describe('consent-gate init', () => {
  it('writes a starter policy with $schema that guesses the build folder, and never overwrites without --force', async () => {
    const { repo } = siteRepo();
    mkdirSync(join(repo, 'dist'));
    const first = await runCli(['init'], { cwd: repo });
    expect(first.code).toBe(0);
    const policy = JSON.parse(readFileSync(join(repo, 'consent-gate.json'), 'utf8'));
    expect(policy).toMatchObject({ $schema: './node_modules/consent-gate/schema/policy.schema.json', target: { static: 'dist' }, jurisdiction: 'eu' });

    writeFileSync(join(repo, 'consent-gate.json'), '{"jurisdiction": "nl"}');
    const again = await runCli(['init'], { cwd: repo });
    expect(again.stdout).toContain('consent-gate.json exists; left as it is (--force overwrites it).');
    expect(readFileSync(join(repo, 'consent-gate.json'), 'utf8')).toBe('{"jurisdiction": "nl"}');
    await runCli(['init', '--force'], { cwd: repo });
    expect(JSON.parse(readFileSync(join(repo, 'consent-gate.json'), 'utf8')).jurisdiction).toBe('eu');
  });

  it('prints the husky line instead of writing a hook when husky is in use', async () => {
    const { repo } = siteRepo();
    mkdirSync(join(repo, '.husky'));
    mkdirSync(join(repo, 'dist'));
    const run = await runCli(['init', '--hook'], { cwd: repo });
    expect(run.stdout).toContain('Husky is in use: add this line to .husky/pre-push');
    expect(existsSync(join(repo, '.git', 'hooks', 'pre-push'))).toBe(false);
  });

  it('installs a pre-push hook that blocks a push whose site tracks before consent', async () => {
    const { repo, remote } = siteRepo();
    cpSync(join(ROOT, 'test', 'fixtures', 'static-site'), join(repo, 'public'), { recursive: true });
    const run = await runCli(['init', '--hook'], { cwd: repo });
    expect(run.code).toBe(0);
    const hook = join(repo, '.git', 'hooks', 'pre-push');
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(JSON.parse(readFileSync(join(repo, 'consent-gate.json'), 'utf8')).target).toEqual({ static: 'public' });

    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'site with a pixel');
    const push = git(repo, 'push', '-q', 'origin', 'main');
    expect(push.status).not.toBe(0);
    // No vendor stand-ins here: the pixel's host does not resolve, and the attempt alone fails the gate.
    expect(push.stdout + push.stderr).toMatch(/error\s+tracker-request-before-consent\s+request connect\.facebook\.net/);
    expect(push.stderr).toContain('consent-gate: push blocked (exit 1): the site tracks before consent (findings above).');
    expect(git(remote, 'rev-parse', '--verify', '-q', 'main').status).not.toBe(0);

    // Take the pixel out: the push goes through.
    const page = join(repo, 'public', 'news', '2026', 'item.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/<script[^>]*fbevents[^>]*><\/script>/, ''));
    git(repo, 'commit', '-q', '-am', 'remove the pixel');
    const clean = git(repo, 'push', '-q', 'origin', 'main');
    expect(clean.status).toBe(0);
  }, PUSH_TIMEOUT);

  it('leaves a foreign pre-push hook alone without --force', async () => {
    const { repo } = siteRepo();
    mkdirSync(join(repo, 'dist'));
    writeFileSync(join(repo, '.git', 'hooks', 'pre-push'), '#!/bin/sh\nnpm test\n');
    const run = await runCli(['init', '--hook'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists and is not ours');
  });
});

const CLEAN = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title></head><body><h1>Home</h1><a href="/privacy.html">Privacy and cookies</a></body></html>';
const PRIVACY = '<!doctype html><title>Privacy</title><h1>Privacy and cookies</h1>';
const WITH_GA = CLEAN.replace('</head>', '<script async src="https://www.googletagmanager.com/gtag/js?id=G-HOOK2026"></script></head>');

/** A site whose dist/ was built an hour ago from a source that has since gained GA4. */
function staleSite(extra: Record<string, string> = {}): { repo: string; remote: string } {
  const site = siteRepo();
  const files: Record<string, string> = {
    'consent-gate.json': JSON.stringify({ target: { static: 'dist' } }),
    'src/index.html': WITH_GA,
    'src/privacy.html': PRIVACY,
    'dist/index.html': CLEAN,
    'dist/privacy.html': PRIVACY,
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(site.repo, path, '..'), { recursive: true });
    writeFileSync(join(site.repo, path), text);
  }
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const page of ['index.html', 'privacy.html']) utimesSync(join(site.repo, 'dist', page), anHourAgo, anHourAgo);
  writeFileSync(join(site.repo, '.gitignore'), 'dist/\nnode_modules/\n');
  git(site.repo, 'add', '.');
  git(site.repo, 'commit', '-q', '-m', 'add GA4 to the source, not rebuilt');
  return site;
}

describe('the pre-push hook judges what is pushed', () => {
  it('refuses a build folder older than its sources, naming them, in words about setup, not findings', async () => {
    const { repo, remote } = staleSite();
    expect((await runCli(['init', '--hook'], { cwd: repo })).code).toBe(0);
    const push = git(repo, 'push', '-q', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain('consent-gate: dist/ is older than its sources: src/index.html, src/privacy.html changed after its last build');
    expect(push.stderr).toContain('consent-gate: push blocked (exit 2): the check could not run because of its configuration or setup (above), not because of a finding.');
    expect(push.stderr).not.toContain('baseline');
    expect(git(remote, 'rev-parse', '--verify', '-q', 'main').status).not.toBe(0);
  }, PUSH_TIMEOUT);

  it('builds first when the project has npm run build, so the tracker in the source fails the push', async () => {
    const build = "import { cpSync } from 'node:fs'; cpSync('src', 'dist', { recursive: true });";
    const { repo } = staleSite({ 'package.json': JSON.stringify({ name: 'site', private: true, scripts: { build: 'node build.mjs' } }), 'build.mjs': build });
    await runCli(['init', '--hook'], { cwd: repo });
    const push = git(repo, 'push', '-q', 'origin', 'main');
    expect(push.stderr).toContain('consent-gate: building first: npm run build');
    expect(push.stdout + push.stderr).toMatch(/error\s+tracker-request-before-consent\s+request www\.googletagmanager\.com/);
    expect(push.stderr).toContain('consent-gate: push blocked (exit 1)');
    expect(push.status).not.toBe(0);
  }, PUSH_TIMEOUT);

  it('does not scan a push that deletes a branch or adds no commits', async () => {
    const { repo } = siteRepo();
    mkdirSync(join(repo, 'public'));
    writeFileSync(join(repo, 'public', 'index.html'), CLEAN);
    writeFileSync(join(repo, 'public', 'privacy.html'), PRIVACY);
    await runCli(['init', '--hook'], { cwd: repo });
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'a clean site');
    // The remote gets the commit without a scan (a clean site passing is the first test's): what is
    // tested is what the hook does with a push of commits the remote already has.
    expect(git(repo, 'push', '-q', '--no-verify', 'origin', 'main').status).toBe(0);
    // Uncommitted tracking in the working tree: any scan now fails, so only a skipped scan passes.
    writeFileSync(join(repo, 'public', 'index.html'), WITH_GA);
    git(repo, 'branch', 'release');
    const sameCommits = git(repo, 'push', '-q', 'origin', 'release');
    expect(sameCommits.stderr).toContain('consent-gate: this push adds no commits the remote lacks; not scanned.');
    expect(sameCommits.status).toBe(0);
    const deletion = git(repo, 'push', '-q', 'origin', '--delete', 'release');
    expect(deletion.stderr).toContain('consent-gate: this push only deletes; not scanned.');
    expect(deletion.status).toBe(0);
  }, PUSH_TIMEOUT);

  it('keeps its guidance when husky runs it', async () => {
    const { repo } = siteRepo();
    mkdirSync(join(repo, '.husky'));
    mkdirSync(join(repo, 'public'));
    writeFileSync(join(repo, 'public', 'index.html'), WITH_GA);
    writeFileSync(join(repo, 'public', 'privacy.html'), PRIVACY);
    const init = await runCli(['init', '--hook'], { cwd: repo });
    // The line init says to add, in the file husky runs (husky points core.hooksPath at its folder).
    const line = /add this line to \.husky\/pre-push\n\n\s+(.+)\n/.exec(init.stdout)![1]!;
    writeFileSync(join(repo, '.husky', 'pre-push'), `${line}\n`, { mode: 0o755 });
    git(repo, 'config', 'core.hooksPath', '.husky');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'site with GA4');
    const push = git(repo, 'push', '-q', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain('consent-gate: push blocked (exit 1): the site tracks before consent (findings above).');
    expect(push.stderr).toContain('To push anyway: git push --no-verify');
  }, PUSH_TIMEOUT);
});
