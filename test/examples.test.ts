// The ready-to-copy CI files: valid YAML, and every input or flag they use really exists.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FLAGS } from '../src/entry/args.js';
import { ROOT } from './support/fixtures.js';

const EXAMPLES = join(ROOT, 'examples');
const inputs = Object.keys(parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')).inputs);
const outputs = Object.keys(parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')).outputs);

/** Every consent-gate command line in a text: the flags it passes. */
function flagsOf(text: string): string[] {
  return [...text.matchAll(/consent-gate (?:scan|baseline|init|judge|merge-reports)([^\n`;|&]*)/g)].flatMap((m) => [...m[1]!.matchAll(/(?:^|\s)(--?[a-z][a-z-]*)/g)].map((f) => f[1]!));
}

describe('GitHub workflow examples', () => {
  const workflows = readdirSync(join(EXAMPLES, 'github'));
  it.each(workflows)('%s uses only inputs and outputs the action declares', (file) => {
    const text = readFileSync(join(EXAMPLES, 'github', file), 'utf8');
    const workflow = parse(text);
    const steps = Object.values(workflow.jobs as Record<string, { steps: { uses?: string; with?: object }[] }>).flatMap((job) => job.steps);
    const gate = steps.filter((s) => s.uses?.startsWith('consent-gate/consent-gate@'));
    expect(gate.length).toBeGreaterThan(0);
    for (const step of gate) for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key);
    for (const used of text.matchAll(/steps\.gate\.outputs\.([\w-]+)/g)) expect(outputs).toContain(used[1]);
  });

  type Job = { permissions?: Record<string, string>; steps: { uses?: string; with?: Record<string, string> }[] };
  it.each(workflows)('%s lets every step that comments or keeps the watch issue write it', (file) => {
    const workflow = parse(readFileSync(join(EXAMPLES, 'github', file), 'utf8'));
    const events = typeof workflow.on === 'string' ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on);
    for (const job of Object.values(workflow.jobs as Record<string, Job>)) {
      const permissions = job.permissions ?? workflow.permissions;
      for (const step of job.steps.filter((s) => s.uses?.startsWith('consent-gate/consent-gate@'))) {
        // A shard leaves the comment to the merge step; comment: off posts none.
        const comments = events.includes('pull_request') && !step.with?.['shard'] && step.with?.['comment'] !== 'off';
        if (comments) expect(permissions, `${file}: a job that comments`).toMatchObject({ 'pull-requests': 'write' });
        if (step.with?.['watch-issue']) expect(permissions, `${file}: a job that keeps the watch issue`).toMatchObject({ issues: 'write' });
      }
    }
  });
});

/**
 * The first major version of each action used in examples that runs on Node 24 (`runs.using: node24`):
 * older ones run on Node 20, which GitHub's runners no longer have.
 */
const NODE24_SINCE: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
  'github/codeql-action/upload-sarif': 4,
};

describe('GitHub workflow examples and the README', () => {
  const texts = [...readdirSync(join(EXAMPLES, 'github')).map((f) => join('examples', 'github', f)), 'README.md'];
  it.each(texts)('%s uses actions that run on Node 24, and sets up Node 24', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [, name, major] of text.matchAll(/uses: ([\w./-]+)@v(\d+)/g)) {
      if (name === 'consent-gate/consent-gate') continue;
      expect(NODE24_SINCE, `${file}: ${name} is not in the table of Node 24 versions`).toHaveProperty([name!]);
      expect(Number(major), `${file}: ${name}@v${major} runs on Node 20`).toBeGreaterThanOrEqual(NODE24_SINCE[name!]!);
    }
    for (const [, version] of text.matchAll(/node-version: (\d+)/g)) expect(Number(version), `${file}: node-version ${version}`).toBeGreaterThanOrEqual(24);
  });
});

describe('the sharded examples', () => {
  it('GitHub: each matrix shard scans I/N of the same N and uploads its own report, and the merge reads them all, also after a failed shard', () => {
    const workflow = parse(readFileSync(join(EXAMPLES, 'github', 'sharded.yml'), 'utf8'));
    const { scan, merge } = workflow.jobs;
    const shards: number[] = scan.strategy.matrix.shard;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(scan.strategy['fail-fast']).toBe(false);
    const gate = scan.steps.find((s: { uses?: string }) => s.uses?.startsWith('consent-gate/consent-gate@'));
    expect(gate.with.shard).toBe(`\${{ matrix.shard }}/${shards.length}`);
    expect(gate.with.formats.split(',')).toContain('json');
    const upload = scan.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload.if).toBe('always()');
    expect(upload.with.path).toBe(`${gate.with['report-dir']}/`);
    expect(merge.needs).toBe('scan');
    expect(merge.if).toMatch(/always\(\)|!cancelled\(\)/);
    const download = merge.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/download-artifact@'));
    expect(upload.with.name).toBe('consent-gate-shard-${{ matrix.shard }}');
    expect(download.with.pattern).toBe('consent-gate-shard-*');
    // The Action merges (and comments): the folder the artifacts were downloaded to.
    const merging = merge.steps.find((s: { uses?: string }) => s.uses?.startsWith('consent-gate/consent-gate@'));
    expect(merging.with['merge-reports']).toBe(download.with.path);
    expect(merging.with.shard).toBeUndefined();
  });

  it('GitHub watch: on a schedule and by hand, shards scan the live site by its sitemap, and the merge keeps the issue with the default branch\'s baseline', () => {
    const workflow = parse(readFileSync(join(EXAMPLES, 'github', 'watch-production.yml'), 'utf8'));
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \*$/);
    const { scan, watch } = workflow.jobs;
    const shards: number[] = scan.strategy.matrix.shard;
    const gate = scan.steps.find((s: { uses?: string }) => s.uses?.startsWith('consent-gate/consent-gate@'));
    expect(gate.with).toMatchObject({ url: expect.stringMatching(/^https:\/\//), sitemap: 'auto', shard: `\${{ matrix.shard }}/${shards.length}` });
    expect(gate.with.formats.split(',')).toContain('json');
    const upload = scan.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload).toMatchObject({ if: 'always()', with: { path: `${gate.with['report-dir']}/` } });
    expect(watch.needs).toBe('scan');
    expect(watch.if).toMatch(/!cancelled\(\)/);
    expect(watch.steps[0].uses).toMatch(/^actions\/checkout@/);
    const download = watch.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download.with.pattern).toBe(upload.with.name.replace('${{ matrix.shard }}', '*'));
    const keeper = watch.steps.find((s: { uses?: string }) => s.uses?.startsWith('consent-gate/consent-gate@'));
    expect(keeper.with).toMatchObject({ 'merge-reports': download.with.path, 'watch-issue': true });
  });

  it('GitLab: parallel jobs scan CI_NODE_INDEX of CI_NODE_TOTAL into their own folders, and the merge reads them all, also after a failed shard', () => {
    const text = readFileSync(join(EXAMPLES, 'gitlab', 'sharded.gitlab-ci.yml'), 'utf8');
    const ci = parse(text);
    const shard = ci['consent-gate-shard'];
    const merge = ci['consent-gate'];
    expect(shard.parallel).toBeGreaterThan(1);
    const scan = (shard.script as string[]).find((line) => line.includes('consent-gate scan'))!;
    expect(scan).toContain('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    expect(scan).toContain('--report-dir "consent-gate-shard-$CI_NODE_INDEX"');
    expect(shard.artifacts).toMatchObject({ when: 'always', paths: ['consent-gate-shard-*/'] });
    expect(merge.needs).toEqual(['consent-gate-shard']);
    expect(merge.when).toBe('always');
    expect((merge.script as string[]).join('\n')).toContain('npx consent-gate merge-reports consent-gate-shard-*/ ');
    for (const flag of flagsOf(text)) expect(FLAGS).toContain(flag);
    expect(merge.artifacts.reports).toEqual({
      junit: 'consent-gate-report/consent-gate.junit.xml',
      codequality: 'consent-gate-report/consent-gate.codequality.json',
    });
  });
});

describe('the GitLab watch', () => {
  it('runs on a schedule only: shards scan the live site by its sitemap, the merge keeps the issue and still reports JUnit and Code Quality', () => {
    const text = readFileSync(join(EXAMPLES, 'gitlab', 'watch-production.gitlab-ci.yml'), 'utf8');
    const ci = parse(text);
    const shard = ci['consent-gate-watch-shard'];
    const merge = ci['consent-gate-watch'];
    for (const job of [shard, merge]) expect(job.rules[0].if).toBe('$CI_PIPELINE_SOURCE == "schedule"');
    const scan = (shard.script as string[]).find((line) => line.includes('consent-gate scan'))!;
    expect(scan).toMatch(/consent-gate scan https:\/\/\S+ --sitemap auto /);
    expect(scan).toContain('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    expect(merge.needs).toEqual(['consent-gate-watch-shard']);
    expect(merge.rules[0].when).toBe('always');
    expect((merge.script as string[]).join('\n')).toContain('npx consent-gate merge-reports consent-gate-shard-*/ --gitlab-issue ');
    expect(text).toContain('CONSENT_GATE_GITLAB_TOKEN');
    for (const flag of flagsOf(text)) expect(FLAGS).toContain(flag);
    expect(merge.artifacts.reports).toEqual({
      junit: 'consent-gate-report/consent-gate.junit.xml',
      codequality: 'consent-gate-report/consent-gate.codequality.json',
    });
  });
});

describe('GitLab and hook examples', () => {
  it('the .gitlab-ci.yml is valid, uses real flags and points the report artifacts at the files written', () => {
    const text = readFileSync(join(EXAMPLES, 'gitlab', '.gitlab-ci.yml'), 'utf8');
    const job = parse(text)['consent-gate'];
    expect(job.image).toMatch(/^mcr\.microsoft\.com\/playwright:/);
    for (const flag of flagsOf(text)) expect(FLAGS).toContain(flag);
    expect(job.artifacts.reports).toEqual({
      junit: 'consent-gate-report/consent-gate.junit.xml',
      codequality: 'consent-gate-report/consent-gate.codequality.json',
    });
  });

  it('the hook snippets and the README use real flags', () => {
    const texts = ['husky-pre-push', 'lefthook.yml', 'README.md'].map((f) => readFileSync(join(EXAMPLES, 'hooks', f), 'utf8'));
    parse(texts[1]!);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const flag of [...texts, readme].flatMap(flagsOf)) expect(FLAGS).toContain(flag);
  });
});
