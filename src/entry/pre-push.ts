// `consent-gate pre-push`: what a git pre-push hook runs (ours, husky's or lefthook's), so each of them
// skips what needs no scan, scans what the pushed sources build, and says how to go on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { GateError } from '../shared/errors.js';
import { findPolicyFile, loadPolicy } from '../policy/load.js';
import { DEFAULT_BASELINE, POLICY_FILES } from '../config/files.js';
import type { TargetSettings } from '../policy/policy.js';

const ZERO = /^0+$/;

/** A checkout writes every file within moments: closer than this is one moment, not a later edit. */
const SAME_MOMENT_MS = 2_000;
/** Enough to name the culprits; the rest is counted. */
const NAMED = 5;
/** Files walked in a build folder: its newest file is all we need, and a site has far fewer. */
const MAX_BUILT_FILES = 50_000;

const git = (cwd: string, ...args: string[]): { ok: boolean; out: string } => {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: run.status === 0, out: run.stdout ?? '' };
};

/**
 * Why this push needs no scan, or null. Git writes one line per ref: local ref, local sha, remote ref,
 * remote sha. Null stdin (a terminal: run by hand, or a hook runner that keeps stdin) is scanned.
 */
export function nothingToScan(stdin: string | null, cwd: string): string | null {
  if (stdin === null) return null;
  const refs = stdin.split('\n').map((line) => line.trim().split(/\s+/)).filter((parts) => parts.length === 4);
  if (refs.length === 0) return 'nothing is pushed';
  const kept = refs.filter(([, local]) => !ZERO.test(local!));
  if (kept.length === 0) return 'this push only deletes';
  // A commit the remote has already was checked when it was pushed; unknown history counts as new.
  const adds = ([, local, , remote]: string[]): boolean => {
    const range = ZERO.test(remote!) ? [local!, '--not', '--remotes'] : [`${remote}..${local}`];
    const count = git(cwd, 'rev-list', '--count', ...range);
    return !count.ok || Number(count.out.trim()) > 0;
  };
  return kept.some(adds) ? null : 'this push adds no commits the remote lacks';
}

function newestFile(folder: string): number {
  let newest = 0;
  let seen = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (++seen > MAX_BUILT_FILES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(folder);
  return newest;
}

/** Files that are not what a site is built from: the gate's own, docs, CI and hook configuration. */
const NOT_SOURCES = /^(consent-gate(\.baseline)?\.json|\.consent-gate\.json|.*\.md|\.git\w*|\.github\/.*|\.husky\/.*|\.gitlab-ci\.yml|lefthook\.ya?ml|\.lefthook\.ya?ml|LICENSE.*)$/i;

/** Sources (tracked or new, not ignored) changed after the newest file of the build folder. */
export function newerSources(cwd: string, folder: string): string[] {
  const root = join(cwd, folder);
  const builtAt = newestFile(root);
  const listed = git(cwd, 'ls-files', '-z', '--cached', '--others', '--exclude-standard');
  if (!listed.ok) return [];
  const inside = relative(cwd, root).split(sep).join('/');
  // A folder served as it is (static ".") has no sources apart from itself.
  const isSource = (file: string): boolean => file !== '' && inside !== '' && file !== inside && !file.startsWith(`${inside}/`) && !NOT_SOURCES.test(file);
  const changedSince = (file: string): boolean => existsSync(join(cwd, file)) && statSync(join(cwd, file)).mtimeMs > builtAt + SAME_MOMENT_MS;
  return listed.out.split('\0').filter(isSource).filter(changedSince).sort();
}

/** The command that builds the site before a push is scanned: the policy's, else the project's npm build. */
function buildCommand(cwd: string, target: TargetSettings): string | null {
  if (target.build !== undefined) return target.build;
  // A deployed site is built elsewhere; building here would change nothing that is scanned.
  if (target.url !== undefined) return null;
  try {
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    return pkg.scripts?.['build'] ? 'npm run build' : null;
  } catch {
    return null;
  }
}

/**
 * Makes what is scanned match what is pushed: builds first when there is a build command, else refuses
 * a build folder older than its sources, naming them. A folder nobody builds is its own source.
 */
export function prepareTarget(cwd: string, target: TargetSettings, say: (line: string) => void): void {
  const build = buildCommand(cwd, target);
  if (build !== null) {
    say(`consent-gate: building first: ${build}`);
    // Its output goes where git shows a hook's output, so a failing build explains itself.
    const run = spawnSync(build, { shell: true, cwd, stdio: ['ignore', 2, 2] });
    if (run.status !== 0) {
      throw new GateError(`the build command "${build}" failed (${run.signal ? `stopped by ${run.signal}` : `exit ${run.status}`}; its output is above). Fix the build: a site that does not build cannot be checked.`);
    }
    return;
  }
  if (target.static === undefined || !existsSync(join(cwd, target.static))) return;
  const newer = newerSources(cwd, target.static);
  if (newer.length === 0) return;
  const named = newer.slice(0, NAMED).join(', ') + (newer.length > NAMED ? ` and ${newer.length - NAMED} more` : '');
  throw new GateError(
    `${target.static}/ is older than its sources: ${named} changed after its last build, so scanning it would judge an old site. Build the site first, or set "target": {"build": "npm run build", …} in ${POLICY_FILES[0]} so the hook builds before it scans.`,
  );
}

/** What the person whose push was stopped does next: it depends on why it was stopped. */
export function guidance(code: number): string {
  const anyway = 'To push anyway: git push --no-verify';
  if (code === 1) {
    return `consent-gate: push blocked (exit 1): the site tracks before consent (findings above). Fix them, or record them as known with\n  npx consent-gate baseline   (and commit ${DEFAULT_BASELINE}).\n${anyway}`;
  }
  if (code === 2) {
    return `consent-gate: push blocked (exit 2): the check could not run because of its configuration or setup (above), not because of a finding. Fix ${POLICY_FILES[0]} or the setup as the message says; npx consent-gate scan shows the same.\n${anyway}`;
  }
  if (code === 3) return `consent-gate: push blocked (exit 3): a page could not be scanned (above), so nothing is known about it. Check that the site builds and its pages load.\n${anyway}`;
  return `consent-gate: push blocked (exit ${code}): the check was interrupted.\n${anyway}`;
}

export interface PrePushOptions {
  cwd: string;
  /** What git wrote on stdin; null when stdin is a terminal. */
  stdin: string | null;
  /** The quiet scan, as `consent-gate scan --quiet` runs it. */
  scan: () => Promise<number>;
  say: (line: string) => void;
}

export async function prePush({ cwd, stdin, scan, say }: PrePushOptions): Promise<number> {
  const skip = nothingToScan(stdin, cwd);
  if (skip) {
    say(`consent-gate: ${skip}; not scanned.`);
    return 0;
  }
  let code: number;
  try {
    const file = findPolicyFile(cwd);
    if (file) prepareTarget(cwd, loadPolicy(file).target, say);
    code = await scan();
  } catch (error) {
    if (!(error instanceof GateError)) throw error;
    say(`consent-gate: ${error.message}`);
    code = error.exitCode;
  }
  if (code !== 0) say(`\n${guidance(code)}`);
  return code;
}
