// The committed dist/ as GitHub runs it: action.yml and dist/ alone in a folder, no node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startVendors } from '../examples/vendors/serve.mjs';
import { startStatic, type StaticServer } from '../src/target/static.js';
import { ROOT } from './support/fixtures.js';
import { OPTIONS } from '../src/entry/options.js';
import { actionForFile, outputsIn, RUNTIMES } from './support/action.js';

const SITE = join(ROOT, 'test', 'fixtures', 'static-site');
const { folder, runnerEnv, runAction } = actionForFile();
let vendorArgs: string[];
let closeVendors: () => Promise<unknown>;

beforeAll(async () => {
  const vendors = await startVendors();
  vendorArgs = vendors.browserArgs;
  closeVendors = vendors.close;
});
afterAll(async () => closeVendors?.());

describe('the GitHub Action (dist/index.js)', () => {
  it('has no node_modules to lean on but its own bundled copy, and runs on Node 24', () => {
    expect(existsSync(join(folder(), 'node_modules'))).toBe(false);
    expect(parse(readFileSync(join(folder(), 'action.yml'), 'utf8')).runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(execFileSync(RUNTIMES['node24']!, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  });

  it('exports run() for @github/local-action, which imports the bundle and calls it, and starts nothing on import', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'cg-workspace-'));
    const files = mkdtempSync(join(tmpdir(), 'cg-runner-'));
    const env = { ...runnerEnv(workspace, files, { 'static-dir': SITE, formats: 'json,htm' }), ENTRYPOINT: join(folder(), 'dist', 'index.js') };
    // What local-action does with an ESM action: import the entry point, check run is a function, await it.
    const script = `const { run } = await import(process.env.ENTRYPOINT);
      console.log('typeof run: ' + typeof run);
      if (typeof run === 'function') await run();`;
    const child = spawnSync(RUNTIMES['node24']!, ['--input-type=module', '-e', script], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
    expect(child.stdout).toContain('typeof run: function');
    // run() did the step, once: the import itself started nothing (a second run would say it twice).
    expect(child.stdout.split('::error::Input "formats": unknown format "htm". Did you mean "html"?')).toHaveLength(2);
    expect(readFileSync(join(files, 'output'), 'utf8').match(/^result<</gm)).toHaveLength(1);
    expect(child.status).toBe(2);
    expect(outputsIn(join(files, 'output'))).toEqual({ result: 'error' });
  });

  it('scans a static site, fails the step, and sets outputs, summary, annotations and reports', async () => {
    // A policy file in the repository: where code scanning and annotations file the findings.
    const prepare = (workspace: string) => writeFileSync(join(workspace, 'consent-gate.json'), '{}\n');
    const run = await runAction({ 'static-dir': SITE, 'browser-args': vendorArgs.join('\n'), formats: 'json,sarif,markdown,junit,html', phases: 'initial' }, { prepare });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'failed', 'new-findings': '6', 'exit-code': '1' });
    expect(run.outputs['report-sarif']).toBe(join(run.workspace, 'consent-gate-report', 'consent-gate.sarif'));
    expect(JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')).verdict.status).toBe('failed');
    expect(existsSync(run.outputs['report-junit']!)).toBe(true);
    expect(readFileSync(run.outputs['report-html']!, 'utf8')).toContain('<img src="data:image/jpeg;base64,');
    expect(run.summary).toMatch(/^❌ \*\*consent-gate failed\*\*: 6 new error\(s\)/);
    expect(run.summary).toContain('| /news/2026/item.html | initial | 🔴 `tracking-cookie-before-consent` Tracking cookie before consent | cookie _fbp |');
    // Workflow commands escape ':' in properties as %3A.
    expect(run.stdout).toMatch(/^::error title=tracking-cookie-before-consent%3A cookie _fbp,file=consent-gate\.json,line=1::Facebook \(marketing\) cookie "_fbp"/m);
    expect(run.stdout).toContain('::error::consent-gate failed: 6 new errors (failOn: error)');
  });

  it('takes static-dir inside working-directory, and files findings at the page\'s own file when there is no policy', async () => {
    const prepare = (workspace: string) => {
      mkdirSync(join(workspace, 'site'));
      cpSync(SITE, join(workspace, 'site', 'dist'), { recursive: true });
    };
    const run = await runAction(
      { 'working-directory': 'site', 'static-dir': 'dist', pages: '/news/2026/item.html', 'browser-args': vendorArgs.join('\n'), phases: 'initial' },
      { prepare },
    );
    expect(run.outputs).toMatchObject({ result: 'failed', 'report-sarif': join(run.workspace, 'site', 'consent-gate-report', 'consent-gate.sarif') });
    // Relative to the workspace, the repository's root, as code scanning and annotations resolve them.
    expect(run.stdout).toMatch(/^::error title=tracking-cookie-before-consent%3A cookie _fbp,file=site\/dist\/news\/2026\/item\.html,line=1::/m);
    expect(run.stdout).not.toContain('consent-gate.json');
    const sarif = JSON.parse(readFileSync(run.outputs['report-sarif']!, 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('site/dist/news/2026/item.html');
    expect(run.summary.trimEnd().split('\n').at(-1)).toBe('Full report: `site/consent-gate-report/consent-gate-report.json`.');
  });

  it('rejects an unknown report format before scanning', async () => {
    const run = await runAction({ 'static-dir': SITE, formats: 'json,htm' });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error::Input "formats": unknown format "htm". Did you mean "html"?');
    expect(run.stdout).not.toContain('scanning');
  });

  it('scans the target_url of a successful deployment_status event, sending headers only masked', async () => {
    const site: StaticServer = await startStatic(join(ROOT, 'examples', 'site-clean'));
    try {
      const run = await runAction(
        { headers: 'x-preview-bypass: s3cr3t-bypass-token-4242', 'browser-args': vendorArgs.join('\n') },
        { event: { name: 'deployment_status', payload: { deployment_status: { state: 'success', target_url: site.url } } } },
      );
      expect(run.stdout).toContain('::add-mask::s3cr3t-bypass-token-4242');
      expect(run.stdout.replace('::add-mask::s3cr3t-bypass-token-4242', '')).not.toContain('s3cr3t-bypass-token-4242');
      expect(run.outputs).toMatchObject({ result: 'passed', 'new-findings': '0' });
      expect(run.stdout).toContain(`scanning 3 page(s)`);
      expect(run.code).toBe(0);
    } finally {
      await site.close();
    }
  });

  it('refuses max-pages 0, timeout 0 and shard 0 as input errors, with the same limits as the CLI and the policy', async () => {
    for (const [input, message] of [
      ['max-pages', '::error::Input "max-pages" takes a whole number of at least 1; got "0".'],
      ['timeout', '::error::Input "timeout" takes a whole number from 1000 to 600000; got "0".'],
      ['shard', '::error::Input "shard" takes I/N, whole numbers with 1 ≤ I ≤ N (the second of three shards is 2/3); got "0".'],
    ] as const) {
      const run = await runAction({ 'static-dir': SITE, [input]: '0' });
      expect(run.code).toBe(2);
      expect(run.outputs['result']).toBe('error');
      expect(run.stdout).toContain(message);
      expect(run.stdout).not.toContain('scanning');
    }
  });

  it('declares exactly the inputs of the shared option table, plus its own working-directory', () => {
    const declared = Object.keys(parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')).inputs as object).sort();
    const fromTable = OPTIONS.flatMap((o) => (o.input ? [o.input] : []));
    expect(declared).toEqual([...fromTable, 'working-directory'].sort());
  });

  it('refuses a failed deployment instead of passing it', async () => {
    const run = await runAction({}, { event: { name: 'deployment_status', payload: { deployment_status: { state: 'failure', target_url: 'https://x.example/' } } } });
    expect(run.code).toBe(2);
    expect(run.outputs['result']).toBe('error');
    expect(run.stdout).toContain('::error::This deployment_status event is "failure": there is no preview to scan.');
  });

  it('looks for the policy in the workspace and stops with exit 2 when the named one is missing', async () => {
    const run = await runAction({ 'static-dir': SITE, config: 'missing-policy.json' });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error::Input "config": missing-policy.json: no such file.');
  });
});

describe('the Action in its own words', () => {
  it('says what to set by input name when nothing is given to scan', async () => {
    const run = await runAction({});
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`::error::Nothing to scan: no target was given, and there is no consent-gate.json in ${run.workspace}. Give one of input "static-dir" DIR (a built site, e.g. dist), input "url" URL (a running site) or input "start-command" CMD with input "wait-on" URL`);
    expect(run.stdout).not.toMatch(/--static|--url|--start/);
  });

  it('serves static-dir under the base-path input', async () => {
    const run = await runAction({ 'static-dir': SITE, 'base-path': '/sub/', pages: '/about/', phases: 'initial', 'browser-args': vendorArgs.join('\n') });
    expect(run.stdout).toMatch(/✓ http:\/\/127\.0\.0\.1:\d+\/sub\/about\/\s+clean/);
    expect(run.code).toBe(0);
  });
});
