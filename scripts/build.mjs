// @ts-check
// Builds dist/: the self-contained code that action.yml and the npm bin run.
// Everything is bundled except Playwright, which reads its own package files at run time; it is
// copied beside the bundle as dist/node_modules/playwright-core (it has no dependencies of its own).
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

/** @type {import('esbuild').Plugin} */
const playwrightAsCore = {
  name: 'playwright-as-core',
  setup(b) {
    b.onResolve({ filter: /^playwright(-core)?$/ }, () => ({ path: 'playwright-core', external: true }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/entry/action.ts', cli: 'src/entry/cli.ts', api: 'src/index.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'linked',
  plugins: [playwrightAsCore],
  // Bundled CommonJS code may call require() for Node built-ins.
  banner: { js: "import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const require = createRequire(import.meta.url);
const core = dirname(require.resolve('playwright-core/package.json'));
// lib/vite holds the trace viewer and report UIs, which a scan never opens.
cpSync(core, join(dist, 'node_modules', 'playwright-core'), {
  recursive: true,
  filter: (source) => !source.startsWith(join(core, 'lib', 'vite')) && !source.startsWith(join(core, 'types')),
});
// autoconsent (MPL-2.0) is read at run time from its package: copy the files it needs, unchanged,
// with its licence, where Node's resolution finds them from dist/.
const autoconsent = join(dirname(require.resolve('@duckduckgo/autoconsent/rules/rules.json')), '..');
for (const file of ['package.json', 'LICENSE', 'dist/autoconsent.cjs.js', 'dist/autoconsent.playwright.js', 'rules/rules.json']) {
  cpSync(join(autoconsent, file), join(dist, 'node_modules', '@duckduckgo', 'autoconsent', file));
}

// Bundled data keeps its licence and attribution.
cpSync(join(root, 'src/classify/data/open-cookie-database/LICENSE'), join(dist, 'licenses/open-cookie-database/LICENSE'));
cpSync(join(root, 'src/classify/data/open-cookie-database/SOURCE.md'), join(dist, 'licenses/open-cookie-database/SOURCE.md'));
cpSync(join(dirname(require.resolve('third-party-web/package.json')), 'LICENSE'), join(dist, 'licenses/third-party-web/LICENSE'));
// @iabtcf/core (Apache-2.0) is bundled to decode TC strings: its licence travels with it.
cpSync(join(root, 'node_modules/@iabtcf/core/LICENSE'), join(dist, 'licenses/iabtcf-core/LICENSE'));
// The policy schema's rules section is made from the rules' metas: write it back for editors (CI
// fails when the committed copy is stale, as for dist/).
const api = await import(join(dist, 'api.js'));
writeFileSync(join(root, 'schema', 'policy.schema.json'), `${JSON.stringify(api.policySchema(), null, 2)}\n`);

const version = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')).version;
console.log(`dist/ built (playwright-core ${version} alongside)`);
