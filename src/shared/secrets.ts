/**
 * The last check before anything the gate writes leaves the process. The gatherers already take the
 * values they know of out of what they record (the first line, gather/redact.ts); this second line
 * knows every secret the run has met, wherever it turns up, so a field added later cannot carry one
 * out: the user's header values and URL credentials, and the identifiers held in the cookies and web
 * storage of the pages scanned. Those values live here, in memory, for the run: never in its result.
 *
 * Every writer takes `Cleared` text, and only `RunSecrets.clear` makes it: a writer cannot write
 * without passing the check (see shared/outlet.ts for the console, shared/files.ts for files).
 */

import { escapeMarkup } from './text.js';

declare const cleared: unique symbol;
/** Text that passed the check: the only kind the writers accept. */
export type Cleared = string & { readonly [cleared]: true };

/**
 * What is written decides where a secret may be replaced: anywhere in text (the console, markdown,
 * messages); in string values only in JSON, so a value such as `true` cannot break the document; in
 * text and attribute values only in HTML and XML, where it is written escaped.
 */
export type OutputKind = 'text' | 'json' | 'markup';

const MARK = '<redacted>';
const MARK_IN_MARKUP = '&lt;redacted&gt;';

/**
 * A secret this long is hidden wherever it stands. A shorter one (a header value such as `1` or `nl`
 * may be no secret at all) only where it stands alone, so it does not eat into words and numbers.
 */
const DISTINCT_LENGTH = 8;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** How the JSON writers escape a string's characters. */
const inJson = (text: string): string => JSON.stringify(text).slice(1, -1);

/** A secret as it can be written: as given, percent-encoded, form-encoded. */
function forms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [secret, encoded, encoded.replace(/%20/g, '+')];
}

/** One alternation over every form, longest first: a secret inside another leaves no piece. */
function patternOf(all: readonly string[]): RegExp | null {
  const unique = [...new Set(all.filter((s) => s !== ''))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  const alone = (form: string): string => (form.length >= DISTINCT_LENGTH ? escapeRegExp(form) : `(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`);
  return new RegExp(unique.map(alone).join('|'), 'g');
}

/** A JSON string literal, escapes included. */
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;
/** A tag, or the text between tags. */
const MARKUP_PART = /<[^>]*>|[^<]+/g;
/** A quoted attribute value inside a tag. */
const ATTRIBUTE_VALUE = /"[^"]*"|'[^']*'/g;

/** Every secret one run knows, and the check that takes them out of what it writes. */
export class RunSecrets {
  private readonly values = new Set<string>();
  private patterns: Partial<Record<OutputKind, RegExp | null>> = {};

  /** Values to hide from now on; empty strings are ignored. */
  add(...values: readonly string[]): void {
    const before = this.values.size;
    for (const value of values) if (value !== '') this.values.add(value);
    if (this.values.size !== before) this.patterns = {};
  }

  get size(): number {
    return this.values.size;
  }

  /** `text` with every known secret replaced by `<redacted>`, in the form `kind` writes it. */
  clear(text: string, kind: OutputKind): Cleared {
    const pattern = this.pattern(kind);
    if (!pattern) return text as Cleared;
    const hide = (part: string): string => part.replace(pattern, kind === 'markup' ? MARK_IN_MARKUP : MARK);
    if (kind === 'json') return text.replace(JSON_STRING, hide) as Cleared;
    if (kind === 'markup') return text.replace(MARKUP_PART, (part) => (part.startsWith('<') ? part.replace(ATTRIBUTE_VALUE, hide) : hide(part))) as Cleared;
    return hide(text) as Cleared;
  }

  private pattern(kind: OutputKind): RegExp | null {
    if (!(kind in this.patterns)) {
      const plain = [...this.values].flatMap(forms);
      // Text keeps the plain forms; JSON and markup also their escaped ones, as the writers escape them.
      const written = kind === 'json' ? [...plain, ...plain.map(inJson)] : kind === 'markup' ? [...plain, ...plain.map(escapeMarkup)] : plain;
      this.patterns[kind] = patternOf(written);
    }
    return this.patterns[kind] ?? null;
  }
}

/** For writers with no run behind them (init's starter files): the check, with nothing to find. */
export const nothingSecret = (text: string, kind: OutputKind): Cleared => new RunSecrets().clear(text, kind);
