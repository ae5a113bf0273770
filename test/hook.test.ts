// consent-gate init, and the pre-push hook blocking a real git push.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { CLI, ROOT } from './support/fixtures.js';

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
    expect(push.stderr).toContain('consent-gate: push blocked (exit 1).');
    expect(git(remote, 'rev-parse', '--verify', '-q', 'main').status).not.toBe(0);

    // Take the pixel out: the push goes through.
    const page = join(repo, 'public', 'news', '2026', 'item.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/<script[^>]*fbevents[^>]*><\/script>/, ''));
    git(repo, 'commit', '-q', '-am', 'remove the pixel');
    const clean = git(repo, 'push', '-q', 'origin', 'main');
    expect(clean.status).toBe(0);
  });

  it('leaves a foreign pre-push hook alone without --force', async () => {
    const { repo } = siteRepo();
    writeFileSync(join(repo, '.git', 'hooks', 'pre-push'), '#!/bin/sh\nnpm test\n');
    const run = await runCli(['init', '--hook'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists and is not ours');
  });
});
