// The GitHub Action as a runner starts it: action.yml and the committed dist/ alone in a folder, with
// the runner's environment (inputs, output and summary files, an event). Shared by the tests that run it.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './fixtures.js';
import { validateSarif } from './schema.js';

/**
 * The Node a GitHub runner starts for each `runs.using`: node24 from the `node` devDependency, so the
 * suite runs the action on the runtime GitHub does, whatever Node runs the tests. Runners dropped node20.
 */
export const RUNTIMES: Record<string, string> = { node24: join(ROOT, 'node_modules', 'node', 'bin', 'node') };

export interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

export interface RunSetup {
  event?: { name: string; payload: object };
  /** Puts the repository's files in the workspace before the step runs. */
  prepare?: (workspace: string) => void;
}

export const outputsIn = (file: string): Record<string, string> =>
  Object.fromEntries([...readFileSync(file, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1]!, m[3]!]));

export interface ActionForFile {
  /** The folder holding action.yml and dist/, as the runner checks the action out. */
  folder(): string;
  /** The environment a GitHub runner gives a JavaScript action: inputs (after action.yml's defaults), files, event. */
  runnerEnv(workspace: string, files: string, inputs: Record<string, string>, event?: RunSetup['event']): NodeJS.ProcessEnv;
  /** Runs the action as a runner does: `runs.main` with the Node that `runs.using` names. */
  runAction(inputs: Record<string, string>, setup?: RunSetup): Promise<ActionRun>;
}

/** The action checked out for a whole test file: call at the file's top level. */
export function actionForFile(): ActionForFile {
  let action = '';
  beforeAll(() => {
    action = mkdtempSync(join(tmpdir(), 'cg-action-'));
    cpSync(join(ROOT, 'action.yml'), join(action, 'action.yml'));
    cpSync(join(ROOT, 'dist'), join(action, 'dist'), { recursive: true });
  });

  const runnerEnv: ActionForFile['runnerEnv'] = (workspace, files, inputs, event) => {
    writeFileSync(join(files, 'output'), '');
    writeFileSync(join(files, 'summary'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: join(files, 'output'),
      GITHUB_STEP_SUMMARY: join(files, 'summary'),
      GITHUB_ACTIONS: 'true',
    };
    if (event) {
      writeFileSync(join(files, 'event.json'), JSON.stringify(event.payload));
      env['GITHUB_EVENT_NAME'] = event.name;
      env['GITHUB_EVENT_PATH'] = join(files, 'event.json');
    }
    // Defaults from action.yml, as the runner applies them; then the step's inputs.
    const declared = parse(readFileSync(join(action, 'action.yml'), 'utf8')).inputs as Record<string, { default?: string }>;
    for (const [name, spec] of Object.entries(declared)) if (spec.default !== undefined) env[`INPUT_${name.toUpperCase()}`] = spec.default;
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    return env;
  };

  const runAction: ActionForFile['runAction'] = (inputs, setup = {}) => {
    const workspace = mkdtempSync(join(tmpdir(), 'cg-workspace-'));
    const files = mkdtempSync(join(tmpdir(), 'cg-runner-'));
    setup.prepare?.(workspace);
    const env = runnerEnv(workspace, files, inputs, setup.event);
    const runs = parse(readFileSync(join(action, 'action.yml'), 'utf8')).runs as { using: string; main: string };
    const node = RUNTIMES[runs.using];
    if (!node) throw new Error(`action.yml: runs.using "${runs.using}" is no runtime GitHub's runners still have (${Object.keys(RUNTIMES).join(', ')})`);
    return new Promise((resolve, reject) => {
      const child = spawn(node, [join(action, runs.main)], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        const outputs = outputsIn(join(files, 'output'));
        // Every SARIF file the action writes must be one code scanning takes.
        const sarif = outputs['report-sarif'];
        const problems = sarif ? validateSarif(readFileSync(sarif, 'utf8')) : true;
        if (problems !== true) reject(new Error(`${sarif} is no valid SARIF 2.1.0: ${JSON.stringify(problems)}`));
        else resolve({ code, stdout, outputs, summary: readFileSync(join(files, 'summary'), 'utf8'), workspace });
      });
    });
  };

  return { folder: () => action, runnerEnv, runAction };
}
