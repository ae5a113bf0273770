/**
 * Longest text a glob is compared with. A beacon URL can carry tens of kilobytes; the allow list only
 * needs its start, and a bound keeps every match cheap whatever the page sends.
 */
export const MAX_GLOB_TEXT = 4_096;

/**
 * `*` matches any run of characters; everything else is literal. Anchored at both ends. The literal
 * pieces between stars are found left to right, each from where the last one ended (taking the
 * leftmost place for each is always safe), so a match costs time linear in the text: never the
 * backtracking a regular expression of many `.*` does on a long URL. `ignoreCase` folds both sides.
 *
 * Text longer than MAX_GLOB_TEXT is compared by its first MAX_GLOB_TEXT characters, and then only a
 * pattern ending in `*` can match: a match of the start is then a match of the whole, and anything
 * else is no match, so the cut can only keep an allow entry from applying, never apply one wrongly.
 */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const cut = text.length > MAX_GLOB_TEXT;
  if (cut && !pattern.endsWith('*')) return false;
  const subject = ignoreCase ? text.slice(0, MAX_GLOB_TEXT).toLowerCase() : text.slice(0, MAX_GLOB_TEXT);
  const pieces = (ignoreCase ? pattern.toLowerCase() : pattern).split('*');
  const first = pieces[0]!;
  if (pieces.length === 1) return subject === first;
  const last = pieces[pieces.length - 1]!;
  if (!subject.startsWith(first)) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = subject.indexOf(piece, at);
    if (found === -1) return false;
    at = found + piece.length;
  }
  // The last piece must end the text, and must not overlap what the pieces before it used.
  return subject.length - last.length >= at && subject.endsWith(last);
}

/** `example.org` matches only that host; `*.example.org` matches it and every subdomain. */
export function hostMatch(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (!p.startsWith('*.')) return h === p;
  const domain = p.slice(2);
  return h === domain || h.endsWith(`.${domain}`);
}
