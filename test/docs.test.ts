// The README is the user's manual: keep it true to the code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../src/entry/args.js';
import { RULES } from '../src/rules/index.js';
import { ROOT } from './support/fixtures.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the demo and test commands that .ci/run and package.json really run', () => {
    const firstBlock = readme.split('```')[1]!;
    expect(firstBlock).toContain('npm run demo');
    expect(firstBlock).toContain('npm test');
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm test /m);
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.demo).toBeDefined();
    expect(scripts.test).toBeDefined();
  });

  it('documents every rule with its default severity, under the anchor its docs link names', () => {
    for (const { meta } of RULES) expect(readme).toMatch(new RegExp(`\\| <a id="rule-${meta.id}"></a>\`${meta.id}\` \\| ${meta.defaultSeverity} \\|`));
  });

  it('documents every CLI option the help text lists', () => {
    for (const flag of HELP.match(/--[a-z-]+/g)!) expect(readme).toContain(flag);
  });
});
