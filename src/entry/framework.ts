import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetSettings } from '../policy/policy.js';

/** What init guessed about the site, and why, so a person can check it in one read. */
export interface SiteGuess {
  /** "Vite", "Next.js (static export)", or the folder that was found. */
  name: string;
  /** The file, dependency or folder that gave it away. */
  because: string;
  target: TargetSettings;
  /** The project's own preview server, said as the other way to scan it. */
  preview: { start: string; waitOn: string } | null;
}

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface Framework {
  name: string;
  /** The dependency that names it; frameworks built on Vite come before Vite itself. */
  dependency: string;
  /** Where its build writes the site; null when the site needs its own server to run. */
  output: (project: Project) => string | null;
  /** The build when package.json has no build script. */
  build: string;
  /** The preview server: the package.json script to prefer, the command without it, and its port. */
  preview: { script: string; command: string; port: number } | null;
  /** Said when `output` depends on the project's own configuration. */
  mode?: (project: Project) => string;
}

interface Project {
  cwd: string;
  pkg: PackageJson;
  has: (dependency: string) => boolean;
  /** The text of the first of these files that exists, else ''. */
  read: (...files: string[]) => string;
}

const NEXT_CONFIG = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'];
const nextExports = (p: Project): boolean => /output\s*:\s*["']export["']/.test(p.read(...NEXT_CONFIG));

// Checked in order: a framework that uses Vite under the hood is named before Vite.
const FRAMEWORKS: Framework[] = [
  {
    name: 'Next.js',
    dependency: 'next',
    output: (p) => (nextExports(p) ? 'out' : null),
    build: 'npx next build',
    preview: { script: 'start', command: 'npx next start', port: 3000 },
    mode: (p) => (nextExports(p) ? ' with output: "export" in its next.config' : ', served by next start (no output: "export" in its next.config)'),
  },
  {
    name: 'Nuxt',
    dependency: 'nuxt',
    output: (p) => (p.pkg.scripts?.['generate'] ? '.output/public' : null),
    build: 'npx nuxi build',
    preview: { script: 'preview', command: 'npx nuxi preview', port: 3000 },
    mode: (p) => (p.pkg.scripts?.['generate'] ? ', generated as static pages (package.json has a "generate" script)' : ', served by its own server'),
  },
  {
    name: 'SvelteKit',
    dependency: '@sveltejs/kit',
    output: (p) => (p.has('@sveltejs/adapter-static') ? 'build' : null),
    build: 'npx vite build',
    preview: { script: 'preview', command: 'npx vite preview', port: 4173 },
    mode: (p) => (p.has('@sveltejs/adapter-static') ? ' with @sveltejs/adapter-static' : ', served by its preview server (no @sveltejs/adapter-static)'),
  },
  { name: 'Astro', dependency: 'astro', output: () => 'dist', build: 'npx astro build', preview: { script: 'preview', command: 'npx astro preview', port: 4321 } },
  { name: 'Gatsby', dependency: 'gatsby', output: () => 'public', build: 'npx gatsby build', preview: { script: 'serve', command: 'npx gatsby serve', port: 9000 } },
  { name: 'Docusaurus', dependency: '@docusaurus/core', output: () => 'build', build: 'npx docusaurus build', preview: { script: 'serve', command: 'npx docusaurus serve', port: 3000 } },
  { name: 'Eleventy', dependency: '@11ty/eleventy', output: () => '_site', build: 'npx @11ty/eleventy', preview: { script: 'serve', command: 'npx @11ty/eleventy --serve', port: 8080 } },
  { name: 'VitePress', dependency: 'vitepress', output: () => 'docs/.vitepress/dist', build: 'npx vitepress build docs', preview: { script: 'docs:preview', command: 'npx vitepress preview docs', port: 4173 } },
  { name: 'Create React App', dependency: 'react-scripts', output: () => 'build', build: 'npx react-scripts build', preview: null },
  { name: 'Parcel', dependency: 'parcel', output: () => 'dist', build: 'npx parcel build', preview: null },
  { name: 'Vite', dependency: 'vite', output: () => 'dist', build: 'npx vite build', preview: { script: 'preview', command: 'npx vite preview', port: 4173 } },
];

/** `npm run x`, or the same in the package manager the lockfile says the project uses. */
function runner(cwd: string): (script: string) => string {
  if (existsSync(join(cwd, 'pnpm-lock.yaml'))) return (s) => `pnpm run ${s}`;
  if (existsSync(join(cwd, 'yarn.lock'))) return (s) => `yarn ${s}`;
  if (existsSync(join(cwd, 'bun.lock')) || existsSync(join(cwd, 'bun.lockb'))) return (s) => `bun run ${s}`;
  return (s) => `npm run ${s}`;
}

function readPackage(cwd: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

function fromPackage(project: Project): SiteGuess | null {
  const framework = FRAMEWORKS.find((f) => project.has(f.dependency));
  if (!framework) return null;
  const run = runner(project.cwd);
  const scripts = project.pkg.scripts ?? {};
  const generate = framework.name === 'Nuxt' && scripts['generate'];
  const build = generate ? run('generate') : scripts['build'] ? run('build') : framework.build;
  const where = project.pkg.dependencies?.[framework.dependency] !== undefined ? 'dependencies' : 'devDependencies';
  const preview = framework.preview && {
    start: scripts[framework.preview.script] ? run(framework.preview.script) : framework.preview.command,
    waitOn: `http://localhost:${framework.preview.port}/`,
  };
  const output = framework.output(project);
  const because = `"${framework.dependency}" is in package.json's ${where}${framework.mode?.(project) ?? ''}`;
  if (output !== null) return { name: framework.name, because, target: { build, static: output }, preview };
  // No static output: the site only runs behind its own server, so that is what gets scanned.
  return preview ? { name: framework.name, because, target: { build, start: preview.start, waitOn: preview.waitOn }, preview: null } : null;
}

const isFolder = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();
const hasHtml = (folder: string): boolean => isFolder(folder) && readdirSync(folder).some((f) => /\.html?$/.test(f));

/** Static site generators that are not npm packages: known by their configuration files. */
function fromFiles(cwd: string): SiteGuess | null {
  const hugo = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'].find((f) => existsSync(join(cwd, f)));
  if (hugo) return { name: 'Hugo', because: `${hugo} is here`, target: { build: 'hugo', static: 'public' }, preview: { start: 'hugo server', waitOn: 'http://localhost:1313/' } };
  if (existsSync(join(cwd, '_config.yml')) && (isFolder(join(cwd, '_layouts')) || /jekyll/.test(existsSync(join(cwd, 'Gemfile')) ? readFileSync(join(cwd, 'Gemfile'), 'utf8') : ''))) {
    return { name: 'Jekyll', because: '_config.yml is here, with a Gemfile naming jekyll or a _layouts folder', target: { build: 'bundle exec jekyll build', static: '_site' }, preview: { start: 'bundle exec jekyll serve', waitOn: 'http://localhost:4000/' } };
  }
  return null;
}

/**
 * The build output folder of a site no framework was recognised for. public/ counts only when it holds
 * HTML: in Vite, Next and most bundlers it is the folder of static assets copied into the build.
 */
function fromFolders(cwd: string): SiteGuess | null {
  for (const folder of ['dist', 'build', 'out', '_site']) {
    if (isFolder(join(cwd, folder))) return { name: `a built site in ${folder}/`, because: `the folder ${folder}/ is here`, target: { static: folder }, preview: null };
  }
  if (hasHtml(join(cwd, 'public'))) return { name: 'a static site in public/', because: 'public/ holds HTML pages', target: { static: 'public' }, preview: null };
  if (hasHtml(cwd)) return { name: 'a static site in this folder', because: 'this folder holds HTML pages', target: { static: '.' }, preview: null };
  return null;
}

/** The framework (from package.json or its config files) and what to build and scan; null when there is no site here yet. */
export function detectSite(cwd: string): SiteGuess | null {
  const pkg = readPackage(cwd);
  if (pkg) {
    const deps = { ...pkg.devDependencies, ...pkg.dependencies };
    const found = fromPackage({
      cwd,
      pkg,
      has: (d) => deps[d] !== undefined,
      read: (...files) => {
        const file = files.map((f) => join(cwd, f)).find((f) => existsSync(f));
        return file ? readFileSync(file, 'utf8') : '';
      },
    });
    if (found) return found;
  }
  const guess = fromFiles(cwd) ?? fromFolders(cwd);
  // A build script with no framework we know still builds the folder we found.
  if (guess && guess.target.build === undefined && pkg?.scripts?.['build']) return { ...guess, target: { build: runner(cwd)('build'), ...guess.target } };
  return guess;
}
