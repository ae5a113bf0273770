import type { Category, ChainLink, ClassifiedScan, Party, Phase, Severity, Subject, TranslatedLang } from '../types.js';

/** The other visits of the same page, for rules that compare (after scrolling vs before). */
export interface PageContext {
  phase(phase: Phase): ClassifiedScan | undefined;
  /** The site's home page, where a cookie policy must be linked. */
  isHome: boolean;
}

/** Message data: filled into the rule's message template, never shown raw. */
export type MessageData = Readonly<Record<string, string | number>>;

/** What a rule reports; the engine adds the rule's id, severity, page, visit, message text and fingerprint. */
export interface RuleHit {
  subject: Subject;
  category: Category;
  vendor: string | null;
  party: Party | null;
  /** A key of the rule's `meta.messages`. */
  messageId: string;
  data: MessageData;
  evidence: string[];
  chain: ChainLink[];
  /** At most this severity, whatever the policy sets: a hit the rule judges less serious than its others. */
  maxSeverity?: Severity;
}

/**
 * How the policy's allow list may touch a rule's findings. subject: an allow entry for the cookie,
 * key, host or URL exempts it; never: facts about the page or banner that no entry can excuse;
 * with-tracking: exempt when everything that tracks on the same visit is exempt (a page whose
 * trackers are all allowed needs no banner for them).
 */
export type AllowMode = 'subject' | 'never' | 'with-tracking';

/** Everything about a rule that is not its check: what reports, docs, the policy schema and the engine read. */
export interface RuleMeta {
  id: string;
  title: string;
  description: string;
  /** The law or guidance it enforces, in words a privacy officer recognises. */
  legalBasis: string;
  /** What the law asks and why this finding matters, for a reader who is not a lawyer. */
  plainWords: string;
  defaultSeverity: Severity;
  allow: AllowMode;
  /**
   * A finding that means the page was not looked at: always an error, never allowed or baselined,
   * and it makes the run incomplete rather than failed.
   */
  failClosed: boolean;
  /** Its findings are tracking that needs consent: what a consent banner must cover. */
  tracking: boolean;
  /** The visits whose data this rule judges; every: whatever visits there are. */
  visits: readonly Phase[] | 'every';
  /** Message templates by id; `{{name}}` is replaced with the hit's data. */
  messages: Readonly<Record<string, string>>;
  /**
   * The words people read, in each other report language: beside the English, so whoever changes a
   * message sees the translations to change with it (a test fails when one is missing or a message
   * id or placeholder differs).
   */
  translations: Readonly<Record<TranslatedLang, RuleText>>;
  /** JSON Schema of the rule's options (the second item of `["warn", {…}]` in the policy), if it has any. */
  options?: { schema: Readonly<Record<string, unknown>>; defaults: Readonly<Record<string, unknown>> };
}

/** A rule's words in one language: its title, the law and plain words, and its message templates by the same ids. */
export interface RuleText {
  title: string;
  legalBasis: string;
  plainWords: string;
  messages: Readonly<Record<string, string>>;
}

/** A self-describing check: a pure function from gathered, classified data to hits. */
export interface Rule<Options = Readonly<Record<string, unknown>>> {
  meta: RuleMeta;
  check(scan: ClassifiedScan, page: PageContext, options: Options): RuleHit[];
}

export type RuleSetting = Severity | 'off';

/** A rule's setting in a policy: a severity or "off", optionally with the rule's options (as ESLint writes them). */
export type RuleEntry = RuleSetting | [RuleSetting, Record<string, unknown>];

/** Fills `{{name}}` placeholders; a missing value is a bug in the rule, said plainly rather than printed as "undefined". */
export function renderMessage(template: string, data: MessageData): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`message template "${template}" needs "${key}"`);
    return String(value);
  });
}
