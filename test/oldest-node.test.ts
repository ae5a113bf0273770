// The package promises Node >= 20.10 (engines), but npm scripts, and so these tests, run on the Node 24
// the devDependencies bring. `npx consent-gate` in a GitLab job runs on the job's own Node: the built CLI
// is run here on the oldest supported major found on the PATH (outside node_modules), and must find
// what it finds on the tests' Node. CI has Debian's Node 20; a machine without one skips, saying so.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { browserFlags, runCli } from './support/cli.js';
import { ROOT, serve } from './support/fixtures.js';
import { skipBecause } from './support/skip.js';

const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
const oldest = Number(/\d+/.exec(engines)![0]);

function nodeOfMajor(major: number): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const node = join(dir, 'node');
    if (dir.includes('node_modules') || !existsSync(node)) continue;
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(/^v(\d+)/.exec(version)?.[1]) === major) return node;
  }
  return null;
}

const node = nodeOfMajor(oldest);
if (!node && process.env['CI']) throw new Error(`CI must have a Node ${oldest} on its PATH, the oldest the package supports (${engines})`);

describe(`the CLI on Node ${oldest}`, () => {
  it("finds on the oldest supported Node what it finds on the tests' own", async (context) => {
    if (!node) skipBecause(context, `no Node ${oldest} on the PATH outside node_modules: the oldest the package supports (${engines}); CI has Debian's`);
    const served = await serve();
    onTestFinished(() => served.close());
    const args = ['scan', `${served.url}ga4/`, `${served.url}pixel/`, '--phases', 'initial', '--format', 'json', ...browserFlags(served.browserArgs)];
    const [old, current] = await Promise.all([runCli(args, { node }), runCli(args)]);
    expect(old.stderr).not.toMatch(/TypeError|SyntaxError|is not a function/);
    expect(old.code).toBe(1);
    const findings = (run: { stdout: string }): string[] =>
      (JSON.parse(run.stdout) as { findings: { fingerprint: string }[] }).findings.map((f) => f.fingerprint).sort();
    expect(findings(old).length).toBeGreaterThan(0);
    expect(findings(old)).toEqual(findings(current));
  });
});
