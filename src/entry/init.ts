import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GateError } from '../shared/errors.js';
import { POLICY_FILES } from '../config/files.js';
import { writeFileAtomic } from '../shared/files.js';
import { nothingSecret } from '../shared/secrets.js';
import { detectSite, type SiteGuess } from './framework.js';

/** The starter policy for what was found here; without a site, no target (a made-up one would block every push). */
export function starterPolicy(guess: SiteGuess | null): string {
  const policy = {
    $schema: './node_modules/consent-gate/schema/policy.schema.json',
    ...(guess ? { target: guess.target } : {}),
    jurisdiction: 'eu',
    allow: { cookies: [], storage: [], hosts: [], urls: [] },
    failOn: 'error',
  };
  return JSON.stringify(policy, null, 2) + '\n';
}

/** What init guessed and why, in the words a person checks it with. */
function explain(guess: SiteGuess | null): string[] {
  if (!guess) {
    return ['found no site here (no framework in package.json, no build folder, no HTML): the policy has no target yet. Set "target" in it (e.g. {"static": "dist"}) once the site exists.'];
  }
  const { target } = guess;
  const what = target.static !== undefined ? `scan the built folder ${target.static}/` : `scan through its server (${target.start}, ${target.waitOn})`;
  const build = target.build === undefined ? '' : `build with "${target.build}" (the pre-push hook does this first), then `;
  const lines = [`guessed ${guess.name}: ${guess.because}.`, `target: ${build}${what}.`];
  if (guess.preview) lines.push(`to scan through its preview server instead, set "target": ${JSON.stringify({ build: target.build, start: guess.preview.start, waitOn: guess.preview.waitOn })}`);
  return lines;
}

export const HOOK_MARK = '# consent-gate pre-push hook';

export const HOOK_SCRIPT = `#!/bin/sh
${HOOK_MARK}: blocks a push that makes the site track visitors before they consent.
exec npx --no-install consent-gate pre-push
`;

const HUSKY = `Husky is in use: add this line to .husky/pre-push\n\n  npx --no-install consent-gate pre-push\n`;
// use_stdin: git says on stdin what is pushed, so deletions and pushes of no new commits are not scanned.
const LEFTHOOK = `Lefthook is in use: add this to lefthook.yml\n\n  pre-push:\n    commands:\n      consent-gate:\n        run: npx --no-install consent-gate pre-push\n        use_stdin: true\n`;

function hooksFolder(cwd: string): string {
  const git = spawnSync('git', ['rev-parse', '--git-path', 'hooks'], { cwd, encoding: 'utf8' });
  if (git.status !== 0) throw new GateError(`--hook: ${cwd} is not inside a git repository (git rev-parse failed). Run it from the site's repository.`);
  return resolve(cwd, git.stdout.trim());
}

export interface InitOptions {
  cwd: string;
  hook: boolean;
  force: boolean;
}

/** Writes a starter policy and, with hook, a pre-push hook. Returns what it did, for the log. */
export function init(options: InitOptions): string[] {
  const { cwd } = options;
  const done: string[] = [];
  const existing = POLICY_FILES.map((name) => join(cwd, name)).find((path) => existsSync(path));
  const guess = detectSite(cwd);
  if (existing && !options.force) {
    done.push(`${relative(cwd, existing)} exists; left as it is (--force overwrites it).`);
  } else {
    const path = join(cwd, POLICY_FILES[0]!);
    writeFileAtomic(path, nothingSecret(starterPolicy(guess), 'json'));
    done.push(`wrote ${relative(cwd, path)}: check its target, then run npx consent-gate scan.`, ...explain(guess));
  }
  if (!options.hook) return done;
  if (!guess && !existing) return [...done, 'no pre-push hook installed: with no site to scan it would block every push. Run consent-gate init --hook again once the site exists.'];

  if (existsSync(join(cwd, '.husky'))) return [...done, HUSKY];
  if (['lefthook.yml', 'lefthook.yaml', '.lefthook.yml'].some((f) => existsSync(join(cwd, f)))) return [...done, LEFTHOOK];
  const hook = join(hooksFolder(cwd), 'pre-push');
  if (existsSync(hook) && !options.force && !readFileSync(hook, 'utf8').includes(HOOK_MARK)) {
    throw new GateError(`${relative(cwd, hook)} already exists and is not ours. Add "npx --no-install consent-gate pre-push" to it, or overwrite it with --force.`);
  }
  writeFileAtomic(hook, nothingSecret(HOOK_SCRIPT, 'text'));
  chmodSync(hook, 0o755);
  done.push(`installed ${relative(cwd, hook)}: every git push now runs the gate first.`);
  return done;
}
