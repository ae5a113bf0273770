import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GateError } from '../shared/errors.js';
import { POLICY_FILES } from '../policy/load.js';
import { writeFileAtomic } from '../shared/files.js';

const BUILD_FOLDERS = ['dist', 'build', 'out', 'public', '_site'];

/** A built folder if there is one, else the usual local preview address. */
function guessTarget(cwd: string): { static: string } | { url: string } {
  const folder = BUILD_FOLDERS.find((f) => existsSync(join(cwd, f)) && statSync(join(cwd, f)).isDirectory());
  return folder ? { static: folder } : { url: 'http://localhost:4173/' };
}

export function starterPolicy(cwd: string): string {
  const policy = {
    $schema: './node_modules/consent-gate/schema/policy.schema.json',
    target: guessTarget(cwd),
    jurisdiction: 'eu',
    allow: { cookies: [], storage: [], hosts: [], urls: [] },
    failOn: 'error',
  };
  return JSON.stringify(policy, null, 2) + '\n';
}

export const HOOK_MARK = '# consent-gate pre-push hook';

export const HOOK_SCRIPT = `#!/bin/sh
${HOOK_MARK}: blocks a push that makes the site track visitors before they consent.
npx --no-install consent-gate scan --quiet
status=$?
if [ "$status" -ne 0 ]; then
  echo "" >&2
  echo "consent-gate: push blocked (exit $status). Fix the findings above, or record them as known with" >&2
  echo "  npx consent-gate baseline   (and commit consent-gate.baseline.json)." >&2
  echo "To push anyway: git push --no-verify" >&2
fi
exit "$status"
`;

const HUSKY = `Husky is in use: add this line to .husky/pre-push\n\n  npx --no-install consent-gate scan --quiet\n`;
const LEFTHOOK = `Lefthook is in use: add this to lefthook.yml\n\n  pre-push:\n    commands:\n      consent-gate:\n        run: npx --no-install consent-gate scan --quiet\n`;

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
  if (existing && !options.force) {
    done.push(`${relative(cwd, existing)} exists; left as it is (--force overwrites it).`);
  } else {
    const path = join(cwd, POLICY_FILES[0]!);
    writeFileAtomic(path, starterPolicy(cwd));
    done.push(`wrote ${relative(cwd, path)}: check its target, then run npx consent-gate scan.`);
  }
  if (!options.hook) return done;

  if (existsSync(join(cwd, '.husky'))) return [...done, HUSKY];
  if (['lefthook.yml', 'lefthook.yaml', '.lefthook.yml'].some((f) => existsSync(join(cwd, f)))) return [...done, LEFTHOOK];
  const hook = join(hooksFolder(cwd), 'pre-push');
  if (existsSync(hook) && !options.force && !readFileSync(hook, 'utf8').includes(HOOK_MARK)) {
    throw new GateError(`${relative(cwd, hook)} already exists and is not ours. Add "npx --no-install consent-gate scan --quiet" to it, or overwrite it with --force.`);
  }
  writeFileAtomic(hook, HOOK_SCRIPT);
  chmodSync(hook, 0o755);
  done.push(`installed ${relative(cwd, hook)}: every git push now runs the gate first.`);
  return done;
}
