import type { RuleEntry } from '../rules/index.js';
import type { Lang, Severity } from '../types.js';
import type { Jurisdiction } from './presets.js';

export interface CookieAllow { name: string; domain?: string; reason: string }
export interface StorageAllow { name: string; host?: string; reason: string }
export interface HostAllow { host: string; reason: string }
export interface UrlAllow { pattern: string; reason: string }

export interface AllowList {
  cookies: CookieAllow[];
  storage: StorageAllow[];
  hosts: HostAllow[];
  urls: UrlAllow[];
}

export interface PageOverride {
  pages: string;
  allow: AllowList;
  rules: Record<string, RuleEntry>;
}

export interface ConsentSelectors {
  banner?: string;
  accept?: string;
  reject?: string;
  settings?: string;
  /** Reopens the consent choice after it was made (a footer link, a floating button). */
  withdraw?: string;
}

/** Where the site's cookie declaration is, when its pages do not link it (cookie-not-declared). */
export interface DeclarationPlace {
  /** A URL or a path on the site. */
  page?: string;
  /** The element that holds it: on `page`; without it, on each scanned page. */
  selector?: string;
}

export interface TargetSettings {
  url?: string;
  start?: string;
  waitOn?: string;
  readyPattern?: string;
  startTimeout?: number;
  static?: string;
  spa?: boolean;
  basePath?: string;
  /** The build command the pre-push hook runs before scanning. */
  build?: string;
}

export interface DiscoverSettings {
  include?: string[];
  exclude?: string[];
  sitemap?: string;
  sitemapFind?: string;
  sitemapReplace?: string;
  crawl?: boolean;
  depth?: number;
  maxPages?: number;
}

/** A validated policy, with defaults filled in and paths made absolute. */
export interface Policy {
  /** The file it was read from; null when the defaults apply. */
  path: string | null;
  target: TargetSettings;
  pages: string[];
  discover: DiscoverSettings;
  jurisdiction: Jurisdiction;
  firstPartyDomains: string[];
  allow: AllowList;
  rules: Record<string, RuleEntry>;
  overrides: PageOverride[];
  consent: ConsentSelectors;
  declaration: DeclarationPlace;
  baselinePath: string;
  failOn: Severity;
  /** The language of the reports people read: the policy's `lang`, else the jurisdiction's. */
  lang: Lang;
}

export const emptyAllow = (): AllowList => ({ cookies: [], storage: [], hosts: [], urls: [] });
