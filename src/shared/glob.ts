/** `*` matches any run of characters; everything else is literal. Anchored at both ends. */
export function globToRegExp(pattern: string, flags = ''): RegExp {
  const body = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`, flags);
}

export function globMatch(pattern: string, text: string, flags = ''): boolean {
  return globToRegExp(pattern, flags).test(text);
}

/** `example.org` matches only that host; `*.example.org` matches it and every subdomain. */
export function hostMatch(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (!p.startsWith('*.')) return h === p;
  const domain = p.slice(2);
  return h === domain || h.endsWith(`.${domain}`);
}
