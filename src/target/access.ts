import { GateError } from '../shared/errors.js';
import type { TargetHeaders } from '../shared/origin-headers.js';
import type { TargetSpec } from './index.js';

/** A user name and password written into a URL: http://user:password@host/. */
interface Userinfo {
  origin: string;
  /** Where it was found, without the credentials: for messages. */
  url: string;
  username: string;
  password: string;
}

/** The URL keeps user and password percent-encoded; a stray % is taken as written. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Splits user:password@ off a URL; anything else (a path, a typo) is returned as given. */
function split(url: string, found: Userinfo[]): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return url;
  const { username, password } = parsed;
  parsed.username = '';
  parsed.password = '';
  found.push({ origin: parsed.origin, url: parsed.href, username: decoded(username), password: decoded(password) });
  return parsed.href;
}

/** The URL-bearing fields of the target and of the discovery spec (which comes later in the pipeline). */
type Given = {
  target?: Omit<TargetSpec, 'cwd'> | undefined;
  discover?: { pages?: string[] | undefined; sitemap?: string | undefined; sitemapReplace?: string | undefined } | undefined;
};

/**
 * Takes user:password@ out of every URL a run was given, before anything can print, store or fetch
 * it: the browser would show it in every URL it reports. The credentials come back as `found`.
 */
export function takeUserinfo<T extends Given>(given: T): T & { found: Userinfo[] } {
  const found: Userinfo[] = [];
  // Only the keys that were given: an undefined one would hide a default spread before it.
  const clean = <O extends object>(options: O, keys: (keyof O)[]): O => {
    const copy = { ...options };
    for (const key of keys) {
      const value = copy[key];
      if (typeof value === 'string') copy[key] = split(value, found) as O[keyof O];
      if (Array.isArray(value)) copy[key] = value.map((v: unknown) => (typeof v === 'string' ? split(v, found) : v)) as O[keyof O];
    }
    return copy;
  };
  const { target, discover } = given;
  return {
    ...given,
    ...(target ? { target: clean(target, ['url', 'waitOn']) } : {}),
    ...(discover ? { discover: clean(discover, ['pages', 'sitemap', 'sitemapReplace']) } : {}),
    found,
  };
}

/** The basic auth a user name and password stand for, as a header value. */
const basicAuth = (userinfo: Userinfo): string => `Basic ${Buffer.from(`${userinfo.username}:${userinfo.password}`).toString('base64')}`;

/**
 * The headers the target's origin gets: the user's, plus basic auth from credentials written into a
 * URL on that origin (unless an Authorization header was given).
 */
export function targetAccess(origin: string | null, headers: Record<string, string>, found: Userinfo[]): TargetHeaders | undefined {
  const values = { ...headers };
  for (const userinfo of found) {
    if (userinfo.origin !== origin) {
      throw new GateError(
        `${userinfo.url} was given with a user name and password, but the target is ${origin ?? 'not known'}: credentials are sent to the target's origin only. Put them in the target's URL (--url), or use --header "Authorization: Basic …".`,
      );
    }
    const given = Object.keys(values).some((name) => name.toLowerCase() === 'authorization');
    if (!given) values['authorization'] = basicAuth(userinfo);
  }
  return origin !== null && Object.keys(values).length > 0 ? { origin, values } : undefined;
}

/** The credentials inside a header value: a Basic or Bearer token, and the password a Basic one encodes. */
function credentialsIn(value: string): string[] {
  const token = /^(?:basic|bearer)\s+(\S+)$/i.exec(value.trim())?.[1];
  if (!token) return [];
  const decoded = /^basic/i.test(value.trim()) ? Buffer.from(token, 'base64').toString('utf8') : '';
  const password = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : '';
  return [token, password];
}

/**
 * Every value the user gave us that opens the preview: header values whole, the token of a Basic or
 * Bearer header and the password inside a Basic one, and each password written into a URL with the
 * basic auth it becomes. Known before anything runs, so no message, report or log can carry one.
 */
export function givenSecrets(headers: Record<string, string>, found: Userinfo[]): string[] {
  const values = [...Object.values(headers), ...found.flatMap((u) => [basicAuth(u), u.password])];
  return [...new Set([...values, ...values.flatMap(credentialsIn)].filter((value) => value !== ''))];
}

/** Where the user's headers go: the target's origin, or without one (URLs given alone) the first page's. */
export function targetOrigin(baseUrl: string | null, pages: readonly string[]): string | null {
  const first = baseUrl ?? pages.find((page) => /^https?:\/\//i.test(page) && URL.canParse(page));
  return first === undefined ? null : new URL(first).origin;
}
