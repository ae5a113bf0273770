// How reports name a site that was served for the scan alone: its loopback address is dead by the
// time anyone reads the report, so the folder or the project names it instead.
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';

/** `dist`, `site/dist`: the served folder as the repository names it; its own name when outside. */
export function folderName(cwd: string, root: string): string {
  const path = relative(cwd, root).split('\\').join('/');
  return path === '' ? basename(root) : path.startsWith('..') || isAbsolute(path) ? basename(root) : path;
}

/** The package.json name of the project a start command serves, else its folder's name. */
export function projectName(cwd: string): string {
  const file = join(cwd, 'package.json');
  if (existsSync(file)) {
    try {
      const name = (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
      if (typeof name === 'string' && name) return name;
    } catch {
      // An unreadable package.json is the start command's problem, not the report's.
    }
  }
  return basename(cwd);
}

/** A page URL's path as a static server looks it up: percent-decoded. */
export function decodedPath(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}
