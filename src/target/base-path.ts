import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GateError } from '../shared/errors.js';

/** Enough files to see how a build writes its asset URLs, few enough to read in a blink. */
const MAX_FILES = 50;

/** "/my-repo", "my-repo/" → "/my-repo/": the form a static server compares request paths with. */
export function normalizeBasePath(value: string, name = '--base-path'): string {
  const path = `/${value.trim().replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (/[?#\\]|\/\/|(^|\/)\.\.?(\/|$)/.test(path)) {
    throw new GateError(`${name} "${value}" is not a URL path. Give the path the site is built for, such as /my-repo/ (Vite's base, Astro's base, Next's basePath).`);
  }
  return path;
}

/** Root-relative URLs of the scripts, stylesheets, icons and images an HTML file loads. */
function assetPaths(html: string): string[] {
  const tags = html.match(/<(script|link|img)\b[^>]*>/gi) ?? [];
  const paths: string[] = [];
  for (const tag of tags) {
    if (/^<link/i.test(tag) && !/\brel\s*=\s*["']?(stylesheet|modulepreload|preload|icon|shortcut icon|apple-touch-icon|manifest)\b/i.test(tag)) continue;
    const url = /\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = url ? (url[1] ?? url[2] ?? url[3] ?? '') : '';
    // Root-relative only: a base path shows as the prefix of those; "//host/…" is another host.
    if (value.startsWith('/') && !value.startsWith('//')) paths.push(decodeURI(value.split(/[?#]/)[0]!));
  }
  return paths;
}

const isFile = (root: string, path: string): boolean => {
  const file = join(root, path);
  return existsSync(file) && statSync(file).isFile();
};

/**
 * The base path a site was built for (Vite's `base: '/my-repo/'`), read from the asset URLs of its
 * built HTML: when none of them exists in the folder as written, all share a leading folder, and
 * without that folder they do exist. Null when the assets are served from the root as they are.
 */
export function guessBasePath(root: string, htmlFiles: string[]): string | null {
  const paths = [...new Set(htmlFiles.slice(0, MAX_FILES).flatMap((file) => assetPaths(readFileSync(join(root, file), 'utf8'))))];
  if (paths.length === 0 || paths.some((path) => isFile(root, path))) return null;
  const folders = paths.map((path) => path.split('/').slice(1, -1));
  const common: string[] = [];
  for (let i = 0; folders.every((f) => f[i] !== undefined && f[i] === folders[0]![i]); i++) common.push(folders[0]![i]!);
  for (let depth = 1; depth <= common.length; depth++) {
    const prefix = `/${common.slice(0, depth).join('/')}/`;
    if (paths.some((path) => isFile(root, path.slice(prefix.length)))) return prefix;
  }
  return null;
}
