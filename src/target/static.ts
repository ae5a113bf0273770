import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { GateError, errorText } from '../shared/errors.js';
import { globMatch } from '../shared/glob.js';
import { guessBasePath } from './base-path.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  // A cookie policy is often a PDF: served as hosts serve it, it is a document the gate cannot read, not a web page.
  '.pdf': 'application/pdf',
};

interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/**
 * The `_headers` file that Netlify and Cloudflare Pages read: a path pattern (`*` matches the rest),
 * then indented `Name: value` lines. Honouring it lets a static scan see the cookies the host sets.
 */
function readHeaderRules(root: string): HeaderRule[] {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
    } else {
      const at = line.indexOf(':');
      if (at > 0) rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

export interface StaticOptions {
  /** Serve index.html for paths that match no file, as single-page apps expect. */
  spa?: boolean;
  port?: number;
  /** The path the site was built for ("/my-repo/"); guessed from its HTML when not given. */
  basePath?: string;
  /** Where a relative folder is found: the project (an Action's working-directory), not the process. */
  cwd?: string;
}

export interface StaticServer {
  /** The site's start page: the server's root plus the base path. */
  url: string;
  root: string;
  basePath: string;
  /** Said once: how the base path was chosen, when it was guessed. */
  notes: string[];
  /** The file a page path was answered with (after `/about/` → `about/index.html`), once it was served. */
  sourceOf(path: string): string | null;
  close(): Promise<void>;
}

/** The folder to serve, resolved; a missing one or a file is said at once, before anything starts. */
export function checkStaticFolder(folder: string, cwd = ''): string {
  const root = resolve(cwd, folder);
  if (!existsSync(root)) {
    throw new GateError(`--static ${folder}: no such folder. Build the site first (e.g. npm run build), or point at its output folder (dist/, build/, out/, public/).`);
  }
  if (!statSync(root).isDirectory()) throw new GateError(`--static ${folder}: is a file, not a folder. Point at the build output folder.`);
  return root;
}

/** Serves a built site on a free loopback port. */
export async function startStatic(folder: string, options: StaticOptions = {}): Promise<StaticServer> {
  const root = checkStaticFolder(folder, options.cwd);
  let pages: string[];
  try {
    pages = await glob('**/*.{html,htm}', { cwd: root });
  } catch (error) {
    throw new GateError(`--static ${folder}: the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? errorText(error)}). Check its permissions.`, 2, error);
  }
  if (pages.length === 0) {
    throw new GateError(`--static ${folder}: the folder holds no HTML pages. Is it the build output folder?`);
  }
  const guessed = options.basePath === undefined ? guessBasePath(root, pages) : null;
  const basePath = options.basePath ?? guessed ?? '/';
  const notes = guessed ? [`serving ${folder} under the base path ${guessed}, as the asset URLs in its HTML expect (set --base-path to choose another).`] : [];
  const rules = readHeaderRules(root);
  const spaIndex = join(root, 'index.html');
  // Recorded as served rather than worked out again later, so reports name the very file a page was.
  const sources = new Map<string, string>();

  const server = createServer((request, response) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://static').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    // A site built for /my-repo/ is served there, as its host will: what lies outside is not the site.
    if (`${path}/` === basePath) {
      response.writeHead(301, { location: basePath }).end();
      return;
    }
    if (!path.startsWith(basePath)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: this site is served under ${basePath}`);
      return;
    }
    path = `/${path.slice(basePath.length)}`;
    let file = normalize(join(root, path));
    if ((file !== root && !file.startsWith(root + sep)) || path === '/_headers') {
      response.writeHead(404).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      // /about → /about/, so relative links inside the page resolve as the browser expects.
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${basePath}${path.slice(1)}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file) && extname(file) === '' && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) {
      if (options.spa && existsSync(spaIndex)) file = spaIndex;
      else {
        status = 404;
        file = join(root, '404.html');
      }
    }
    for (const rule of rules) {
      if (globMatch(rule.pattern, path)) for (const [name, value] of rule.headers) response.appendHeader(name, value);
    }
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (status === 200 && type.startsWith('text/html')) sources.set(path, file);
    response.writeHead(status, { 'content-type': type });
    response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
  });
  const port = await listen(server, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}${basePath}`, root, basePath, notes, sourceOf: (path) => sources.get(path) ?? null, close: () => closeServer(server) };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new GateError(`Port ${port} is already in use. Stop what runs there, or leave the port out to use a free one.`) : error),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
