/**
 * Cookie and storage names as a cookie declaration writes them: exact ("_ga"), or a family whose id
 * part is a wildcard ("_ga_*", "_ga_<container-id>", "_pk_id.*", Cookiebot's "_ga_#",
 * "_ga_XXXXXXXXXX"). Matching is case-insensitive, as a reader would match them.
 */

export interface DeclaredName {
  /** As written, with each placeholder or wildcard as "*" ("_ga_*"). */
  text: string;
  /** The same in lower case. */
  pattern: string;
  /** Where it starts in the text it was read from. */
  at: number;
}

/** What a name may hold: RFC 6265's token characters, less those that separate words in prose. */
const NAME = /[\p{L}\p{N}_\-.$%!~+#*]+(?:::?[\p{L}\p{N}_\-.$%!~+#*]+)*/gu;
/** An id placeholder attached to a name: "_ga_<container-id>", "_hjSession_{site-id}", "_pk_id.[id]". */
const PLACEHOLDER = /(?<=[\p{L}\p{N}_.-])(<[^<>\n]{1,40}>|\{[^{}\n]{1,40}\}|\[[^[\]\n]{1,40}\])/gu;
/** A run of X standing for an id after a separator: "_ga_XXXXXXXXXX", "_pk_id.XX.XXXX". */
const XS = /(?<=[_.-])X{3,}(?![\p{Ll}\p{N}])/gu;

/**
 * Every name-like word of `text`, with its position. Placeholders become one "*" padded with
 * spaces, so positions still point into `text` (durations are read from the same text).
 */
export function readNames(text: string): DeclaredName[] {
  const star = (m: string): string => `*${' '.repeat(m.length - 1)}`;
  const marked = text.replace(PLACEHOLDER, star).replace(XS, star);
  const names: DeclaredName[] = [];
  for (const match of marked.matchAll(NAME)) {
    const word = match[0].replace(/^[-.:]+|[-.:]+$/g, '').replace(/[*#]+/g, '*');
    if (!word) continue;
    // A wildcard needs something before it: a lone "*" footnote or "#3" names nothing.
    const wildcard = word.indexOf('*');
    if (wildcard >= 0 && wildcard < 2) continue;
    names.push({ text: word, pattern: word.toLowerCase(), at: match.index + match[0].indexOf(word[0]!) });
  }
  return names;
}

const cache = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'u');
    cache.set(pattern, re);
  }
  return re;
}

/** Whether the declared name or family covers `name` (case-insensitive). */
export function covers(declared: Pick<DeclaredName, 'pattern'>, name: string): boolean {
  const lower = name.toLowerCase();
  return declared.pattern.includes('*') ? compiled(declared.pattern).test(lower) : declared.pattern === lower;
}
