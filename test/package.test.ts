// npx consent-gate, as GitLab CI or any shell gets it: the packed tarball installed into an empty folder.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { ROOT } from './support/fixtures.js';

let project: string;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

beforeAll(() => {
  const packs = mkdtempSync(join(tmpdir(), 'cg-pack-'));
  execFileSync(npm, ['pack', '--pack-destination', packs, '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = join(packs, readdirSync(packs).find((f) => f.endsWith('.tgz'))!);
  project = mkdtempSync(join(tmpdir(), 'cg-installed-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-site', private: true }));
  // --offline: the package must need nothing from the registry beyond itself.
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
}, 120_000);

describe('the npm package', () => {
  it('installs with no dependencies to fetch and answers --version through npx', () => {
    const run = spawnSync('npx', ['--no-install', 'consent-gate', '--version'], { cwd: project, encoding: 'utf8' });
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run.status).toBe(0);
  });

  it('runs a real scan from the installed package', async () => {
    const vendors = await startVendors();
    try {
      const site = join(ROOT, 'test', 'fixtures', 'static-site');
      const args = ['--no-install', 'consent-gate', 'scan', '--static', site, '--page', '/news/2026/item.html', ...vendors.browserArgs.map((a) => `--browser-arg=${a}`)];
      const run = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const child = spawn('npx', args, { cwd: project });
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.on('close', (status) => resolve({ status, stdout }));
      });
      expect(run.stdout).toMatch(/error\s+tracking-cookie-before-consent\s+cookie _fbp/);
      expect(run.status).toBe(1);
    } finally {
      await vendors.close();
    }
  });

  it('ships the schemas for editors and the action definition', () => {
    const files = readdirSync(join(project, 'node_modules', 'consent-gate', 'schema'));
    expect(files.sort()).toEqual(['policy.schema.json', 'report.schema.json']);
  });
});
