// Messages that send people the right way when there is nothing to scan.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inInputWords } from '../src/entry/input-names.js';
import { runCli } from './support/cli.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'cg-messages-'));

describe('nothing to scan', () => {
  it('a bare scan says which target options there are, and that init writes one', async () => {
    const dir = temp();
    const run = await runCli(['scan'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Nothing to scan: no target was given, and there is no consent-gate.json in ${dir}.`);
    expect(run.stderr).toContain('Give one of --static DIR (a built site, e.g. dist), --url URL (a running site) or --start CMD with --wait-on URL (the preview command); or run consent-gate init');
  });

  it('a policy without a target says so', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'consent-gate.json'), '{"jurisdiction": "nl"}');
    const run = await runCli(['scan'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Nothing to scan: no target was given, and consent-gate.json has no "target".');
  });

  it('a run from a subfolder of the site names the policy above and how to use it', async () => {
    const site = temp();
    writeFileSync(join(site, 'consent-gate.json'), '{"target": {"static": "dist"}}');
    mkdirSync(join(site, 'src', 'pages'), { recursive: true });
    const run = await runCli(['scan'], { cwd: join(site, 'src', 'pages') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`this is a subfolder of the site. Run consent-gate from ${site}, or pass --config ../../consent-gate.json.`);
  });

  it('--start with --ready-pattern but no URL asks for the address before starting anything', async () => {
    const dir = temp();
    const run = await runCli(['scan', '--start', 'node -e "require(\'fs\').writeFileSync(\'started\', \'\')"', '--ready-pattern', 'ready'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--start with --ready-pattern says when the preview is ready, not where it listens: add --url URL');
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });
});

describe('the Action\'s words', () => {
  it('names inputs where the CLI names flags, and leaves other text alone', () => {
    expect(inInputWords('Give one of --static DIR, --url URL or --start CMD with --wait-on URL. Raise --max-pages; --static-ish stays.')).toBe(
      'Give one of input "static-dir" DIR, input "url" URL or input "start-command" CMD with input "wait-on" URL. Raise input "max-pages"; --static-ish stays.',
    );
  });
});
