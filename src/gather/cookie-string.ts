/** Parsing of Set-Cookie headers and document.cookie assignments, which share one syntax. */

export interface ParsedCookie {
  name: string;
  value: string;
  /** Domain attribute without a leading dot, or null for a host-only cookie. */
  domain: string | null;
  /** Path attribute, or null when the write gave none (the browser then takes the writer's directory). */
  path: string | null;
  /** Requested lifetime in seconds; null for a session cookie; <= 0 deletes the cookie. */
  lifetime: number | null;
}

export function parseCookieString(text: string, now = Date.now()): ParsedCookie | null {
  const [pair = '', ...attributes] = text.split(';');
  const eq = pair.indexOf('=');
  // A cookie without "=" is a nameless value; we have nothing to classify it by.
  if (eq <= 0) return null;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  let domain: string | null = null;
  let path: string | null = null;
  let maxAge: number | null = null;
  let expires: number | null = null;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const val = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'domain' && val) domain = val.replace(/^\./, '').toLowerCase();
    else if (key === 'path' && val.startsWith('/')) path = val;
    else if (key === 'max-age' && /^-?\d+$/.test(val)) maxAge = Number(val);
    else if (key === 'expires') {
      const when = Date.parse(val);
      if (!Number.isNaN(when)) expires = Math.round((when - now) / 1000);
    }
  }
  // RFC 6265 §5.3: Max-Age wins over Expires.
  const lifetime = maxAge ?? expires;
  return { name, value, domain, path, lifetime };
}

/** A write with Max-Age <= 0 or an expiry in the past asks the browser to remove the cookie: never a set. */
export function isDeletion(parsed: ParsedCookie): boolean {
  return parsed.lifetime !== null && parsed.lifetime <= 0;
}

/** RFC 6265 §5.1.4: the path a cookie written without one gets, from the URL of the writing document or response. */
export function defaultCookiePath(url: string): string {
  let pathname = '/';
  try {
    pathname = new URL(url).pathname;
  } catch {
    return '/';
  }
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}

/** Set-Cookie lines: raw headers may carry several, joined by newlines. */
export function splitSetCookie(headerValue: string): string[] {
  return headerValue.split('\n').map((line) => line.trim()).filter(Boolean);
}
