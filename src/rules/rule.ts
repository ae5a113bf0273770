import type { Category, ChainLink, ClassifiedScan, Party, Phase, Severity, Subject } from '../types.js';

/** The other phases of the same page, for rules that compare (after scrolling vs before). */
export interface PageContext {
  phase(phase: Phase): ClassifiedScan | undefined;
  /** The site's home page, where a cookie policy must be linked. */
  isHome: boolean;
}

/** What a rule reports; the engine adds the rule's id, severity, page, phase and fingerprint. */
export interface RuleHit {
  subject: Subject;
  category: Category;
  vendor: string | null;
  party: Party | null;
  message: string;
  evidence: string[];
  chain: ChainLink[];
}

/** A self-describing check: a pure function from gathered, classified data to hits. */
export interface Rule {
  id: string;
  title: string;
  description: string;
  /** The law or guidance it enforces, in words a privacy officer recognises. */
  legalBasis: string;
  /** What the law asks and why this finding matters, for a reader who is not a lawyer. */
  plainWords: string;
  defaultSeverity: Severity;
  /** Whether a policy allow entry may exempt a subject: true for consent rules, false for facts like lifetime. */
  allowable: boolean;
  /** The phases whose data this rule judges. */
  phases: readonly Phase[];
  check(scan: ClassifiedScan, page: PageContext): RuleHit[];
}
