// The data that flows between the pipeline's stages, defined once.
// gather → (Gathered*) → classify → (Classified*) → rules → (Finding) → report

import type { Phase } from './config/visits.js';

export { PHASES, type Phase } from './config/visits.js';
export type Category = 'necessary' | 'preferences' | 'analytics' | 'marketing' | 'social' | 'unknown';
export type Party = 'first' | 'third';
export type Severity = 'error' | 'warn';

/** The languages people's reports (console, markdown, HTML) are written in; JSON and SARIF stay English. */
export const LANGS = ['en', 'nl', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
/** The languages a rule carries translations for, beside its English meta. */
export type TranslatedLang = Exclude<Lang, 'en'>;

/** Where a cookie came from: a response header, or a script writing document.cookie. */
export interface CookieSource {
  via: 'set-cookie' | 'document.cookie';
  /** The response that carried the header, or the script whose code wrote document.cookie. */
  url: string;
  /** Lifetime the site asked for (Max-Age/Expires), in seconds; null for a session cookie. */
  declaredLifetime: number | null;
  /** When the write was first seen, on the visit's clock (see VisitTimes); absent in reports written before times were kept. */
  writtenMs?: number;
}

export interface GatheredCookie {
  name: string;
  /** Cookie domain without a leading dot. */
  domain: string;
  /** Set for the host that wrote it only (no Domain attribute): a write naming a Domain does not reach it. */
  hostOnly: boolean;
  path: string;
  /** Stored expiry (epoch seconds) as the browser keeps it, capped at 400 days; null = session. */
  expires: number | null;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string;
  /** False when the browser refused to keep a cookie the site tried to set: still evidence. */
  stored: boolean;
  /** Values never leave the gatherer: only their length and a short hash. */
  valueLength: number;
  valueHash: string;
  /** The writes that set it in this visit's window; a deletion attempt is never one (see CookieDeletion). */
  sources: CookieSource[];
}

/**
 * A cookie write that asked the browser to remove a cookie (Max-Age <= 0, or an expiry in the past).
 * It removes only the cookie of the same name, domain (host-only or not) and path: a consent manager
 * that deletes `_ga` on the page's host leaves the `_ga` Google set on the registrable domain.
 */
export interface CookieDeletion {
  name: string;
  /** The domain it aimed at: its Domain attribute without the dot, else the host of the writer's document or response. */
  domain: string;
  /** No Domain attribute: it could only remove a host-only cookie of that host. */
  hostOnly: boolean;
  /** Its Path attribute, else the default path of the writer's URL. */
  path: string;
  via: CookieSource['via'];
  /** The response that carried the header, or the script whose code wrote document.cookie. */
  url: string;
}

export type StorageKind = 'localStorage' | 'sessionStorage' | 'indexedDB';

export interface GatheredStorage {
  kind: StorageKind;
  /** Origin of the frame that owns the storage. */
  origin: string;
  key: string;
  /** URLs of the scripts seen writing it (empty when it was found but not seen being written). */
  writtenBy: string[];
  /** When it was first seen written, on the visit's clock (see VisitTimes); absent when it was not seen written. */
  writtenMs?: number;
}

/** What made the browser send a request, as Chromium's DevTools record it. */
export interface RequestInitiator {
  /** html: a tag in a document; script: running code; redirect: the previous hop answered 3xx; other: navigation, preload, the browser. */
  type: 'html' | 'script' | 'redirect' | 'other';
  /** The document, the script (innermost one on the stack, async parents included) or the redirecting URL. */
  url: string | null;
  /** Line (1-based) in that document or script. */
  line: number | null;
}

export interface GatheredRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The embedded frame that made the request; null for the page itself (or a service worker). */
  frameUrl: string | null;
  status: number | null;
  /** Network error text when the request failed: a failed tracker request still shows intent. */
  failure: string | null;
  /** Null when not observed: requests from inside a cross-site frame or a service worker. */
  initiator: RequestInitiator | null;
  /**
   * The names (never the values) of the cookies the request carried in its Cookie header; recorded
   * only after a withdrawal, where a cookie still sent to its vendor is the finding.
   */
  cookiesSent?: string[];
  /** When the request started, on the visit's clock (see VisitTimes); absent in reports written before times were kept. */
  startedMs?: number;
}

/** The ways of reading a fingerprint of the browser that the init script counts. */
export type FingerprintTechnique = 'canvas' | 'webgl' | 'audio' | 'fonts' | 'navigator';

/**
 * Calls of one fingerprinting API by one script during a visit: counted, never their results. Canvas
 * read-backs count only on a canvas that text was drawn on, audio read-backs only of a buffer an
 * OfflineAudioContext rendered, font measurements only of an element or context with a font set.
 */
export interface GatheredFingerprinting {
  technique: FingerprintTechnique;
  /** "HTMLCanvasElement.toDataURL", "WebGLRenderingContext.getParameter(UNMASKED_RENDERER_WEBGL)", … */
  api: string;
  /** The script whose code made the calls (the first http(s) URL on the stack); the frame's own URL for code without one. */
  script: string;
  calls: number;
  /** fonts: the most font families one document measured through this API; null for the other techniques. */
  families: number | null;
}

/** The four signals of Google Consent Mode v2 that say whether Google may store, read and use data. */
export const CONSENT_MODE_SIGNALS = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'] as const;
export type ConsentModeSignal = (typeof CONSENT_MODE_SIGNALS)[number];
export type ConsentModeValue = 'granted' | 'denied';

/** What the page's IAB TCF v2 API (`__tcfapi`) answered to getTCData, with its TC string decoded. */
export interface TcfAnswer {
  /** False when the API gave no TC data within the wait: every other field is then empty. */
  answered: boolean;
  gdprApplies: boolean | null;
  /** tcloaded, cmpuishown or useractioncomplete. */
  eventStatus: string | null;
  cmpId: number | null;
  tcString: string | null;
  /** Purpose ids and vendor ids whose consent bit the TC string sets. */
  purposeConsents: number[];
  vendorConsents: number[];
  /** Why the TC string could not be decoded; null when it was, or when there was none. */
  decodeError: string | null;
}

/** One `gtag('consent', 'default' | 'update', {…})` command in the page's dataLayer. */
export interface ConsentModeCommand {
  command: 'default' | 'update';
  /** The signals it sets to granted or denied (other keys, such as region or wait_for_update, left out). */
  state: Record<string, ConsentModeValue>;
}

/** A request to a Google host carrying Consent Mode's gcs or gcd parameter, and what the parameters say. */
export interface GoogleConsentHit {
  url: string;
  gcs: string | null;
  gcd: string | null;
  /** Each signal as the hit reported it (gcd's state where it says one, else gcs's); a signal neither sets is absent. */
  state: Partial<Record<ConsentModeSignal, ConsentModeValue>>;
}

/** The consent the page's own signals claimed, read without touching the page's choice. */
export interface ConsentSignals {
  /** Null when the page (top frame) has no `__tcfapi`. */
  tcf: TcfAnswer | null;
  /** Every Consent Mode command in the page's dataLayer, in the order pushed. */
  consentMode: ConsentModeCommand[];
  /** Google hits recorded in this visit's window that carried gcs or gcd. */
  googleHits: GoogleConsentHit[];
}

/** Where a stored value was kept: a cookie, or a key of the page's web storage. */
export type IdentifierSource = 'cookie' | 'localStorage' | 'sessionStorage';
/** Where in a request it went: the URL's query or path, the body (beacons too), a header, or the Cookie header. */
export type IdentifierPlace = 'query' | 'path' | 'body' | 'header' | 'cookie';

/**
 * A stored value that looks like an identifier, seen in a request to a host other than the one that
 * keeps it (a client id copied into a pixel's URL). Names the cookie or key, never its value.
 */
export interface GatheredIdentifier {
  source: IdentifierSource;
  name: string;
  /** Who keeps the value: the cookie's domain, or the host of the storage's origin. */
  holder: string;
  /** The host the request went to. */
  host: string;
  where: IdentifierPlace;
  /** Redacted as every URL in a scan. */
  requestUrl: string;
  initiator: RequestInitiator | null;
}

export interface GatheredFrame {
  url: string;
  parentUrl: string | null;
}

/** A clickable element of a consent banner, as a visitor would read it. */
export interface BannerControl {
  text: string;
  /** A plain text link looks less like a choice than a button does. */
  kind: 'button' | 'link';
  /** 1: on the banner itself; 2: only after opening its settings. */
  layer: 1 | 2;
}

/** A switch or checkbox in the banner's settings layer. */
export interface ConsentToggle {
  label: string;
  checked: boolean;
  /** Disabled and checked: the usual way of showing "strictly necessary, always on". */
  locked: boolean;
  /** 1: shown on the banner itself; 2: only after opening its settings. */
  layer: 1 | 2;
}

/**
 * How the browser's own fetch of a policy link ended. answered: with `status`; reachable: another
 * site answered, but CORS hides its status from the page; unchecked: no answer within the link check's
 * time, or the fetch failed (a network error, or the page's own rules blocked it): "could not check",
 * which is not "missing".
 */
export type PolicyLinkCheck = 'answered' | 'reachable' | 'unchecked';

export interface PolicyLink {
  text: string;
  url: string;
  /** The HTTP status after redirects; null unless `check` is answered. */
  status: number | null;
  check: PolicyLinkCheck;
  /** Why a link could not be checked; null otherwise. */
  reason: string | null;
}

/**
 * Where a page's cookie declaration was read, and what it says, as plain text: the rules read the
 * names and durations from it. page: a cookie or privacy policy page the page links (or the one the
 * policy file names), fetched by the browser; manager: the consent manager's own cookie list, in its
 * settings layer (a table) or its configuration (Klaro's and Orejime's `cookies`, tarteaucitron's services).
 */
export interface DeclarationSource {
  kind: 'page' | 'manager';
  /** The policy page; for a manager, the page it was read on. */
  url: string;
  /** Which consent manager's configuration ("klaro", "orejime", "tarteaucitron"); null for a page, or a table in a settings layer. */
  manager: string | null;
  /** False when it could not be read (see `reason`): then it proves nothing either way. */
  read: boolean;
  reason: string | null;
  /**
   * The declaration as it reads: one entry per table row, definition (its term, then its
   * descriptions), list item, paragraph or heading, each as its cells or parts. Bounded in size:
   * tables and definition lists first, then the rest of the text while room is left.
   */
  blocks: string[][];
  /** Names a manager gives as regular expressions (Klaro's and Orejime's `cookies`), as their source text. */
  expressions: string[];
  /** The page's text went on beyond what was kept. */
  truncated: boolean;
}

/** What the banner looked like to a first-time visitor. Facts only: the rules judge them. */
export interface BannerFacts {
  /** How it was found: the policy's selectors, or the built-in heuristic. */
  source: 'policy' | 'heuristic';
  /** The frame it lives in, when not the page itself. */
  frameUrl: string | null;
  text: string;
  accept: BannerControl | null;
  reject: BannerControl | null;
  /** Stores the switches as they stand ("Save preferences", "Voorkeuren opslaan"). */
  save: BannerControl | null;
  settings: BannerControl | null;
  toggles: ConsentToggle[];
  /** Still visible after the page's timers ran (fast-forwarded or waited), with no choice made. */
  visibleAfterWait: boolean;
}

/**
 * How the consent choice was opened again after accepting. policy: the policy's `consent.withdraw`
 * selector; page: a link or button on the page a visitor can use ("Cookie-instellingen"); api: only
 * the consent manager's script API (`window.klaro.show()`), which no visitor can call.
 */
export interface Reopened {
  via: 'policy' | 'page' | 'api';
  /** The control's name (its text, aria-label, title, an SVG's title or an image's alt), or the API call. */
  control: string;
  /** Where the control was, for the visit's account of itself; null for an API call. */
  place: ReopenPlace | null;
}

/** Where a control that reopens the consent choice sits, as a visitor would find it. */
export interface ReopenPlace {
  kind: 'button' | 'link';
  /** Fixed or sticky on the screen (a round icon in a corner), rather than in the page's flow (a footer link). */
  floating: boolean;
  /** Inside an open shadow root (a consent manager built as a web component). */
  shadowRoot: boolean;
  /** The frame it is in, when not the page itself. */
  frameUrl: string | null;
}

/** One thing a visit did to the page, in order: reports say it in the reader's language. */
export type ActionStep =
  /** Scrolled to the bottom, moved the mouse, pressed Escape. */
  | { do: 'browse' }
  /** Clicked a control of the consent banner; layer 2: in its settings layer; asShown: a save with no switch touched. */
  | { do: 'click'; control: string; layer: 1 | 2; asShown?: true }
  /** DuckDuckGo's autoconsent answered a consent manager it knows, for the page's notice. */
  | { do: 'autoconsent'; cmp: string; choice: 'reject' | 'accept' }
  | { do: 'reopen'; reopened: Reopened }
  | { do: 'reload' }
  /** Opened a same-site link: the next page. */
  | { do: 'follow'; path: string }
  | { do: 'noLink' }
  /**
   * Loaded the page with a choice already stored: the one made on `on` (a path), the first page of the
   * site with the same banner, in the same browser. bannerAgain: the banner showed again, so the site
   * did not remember the choice here, and the visit that follows is this page's own.
   */
  | { do: 'stored'; choice: StoredChoice; on: string; bannerAgain?: true };

/** The choices a visitor makes in the banner, which the site stores and the other pages must honour. */
export type StoredChoice = 'reject' | 'save' | 'accept' | 'withdraw';

/** What a phase did to the page, and whether it could. */
export interface PhaseAction {
  kind: 'scroll' | StoredChoice;
  /**
   * The choice was made and the site stored it (its consent window closed, or its stored choice
   * changed); withdraw: reopened, refused and stored. A visit not done proves nothing about the choice.
   */
  done: boolean;
  /** What was done, in order. */
  steps: ActionStep[];
  /** Why the visit could not be made; null when it was. */
  failure: string | null;
  /** The steps and the failure in English, as one sentence: what progress lines and machine formats show. */
  detail: string;
  /** after-scroll: whether a banner seen before scrolling was still there afterwards. */
  bannerAfter: 'visible' | 'gone' | null;
  /**
   * withdraw only: how the consent choice was opened again; null when nothing opened it. A stored-choice
   * visit carries it from the page where the choice was withdrawn: the way back is looked for once per banner.
   */
  reopened?: Reopened | null;
}

/**
 * How long a visit waited for the page to settle before its state was recorded, and which request,
 * if any, held one of those waits longest (a slow script, a stalled host). Beacons, EventSource,
 * WebSockets and streams are recorded as requests but never waited for, so they do not show here.
 * Also what bounded the visit: its wait budget, and the windows the page opened.
 */
export interface SettleRecord {
  /** Real time spent waiting for the network, all waits of the visit together. */
  waitedMs: number;
  heldBy: { url: string; resourceType: string; heldMs: number } | null;
  /**
   * The visit's waits together reached their budget (visitWaitMs) with something still pending: the
   * rest was not waited for, and the page was recorded as it then stood.
   */
  cutShort: boolean;
  /**
   * Pop-up windows the page opened during the visit, followed like the page; and those it asked for
   * past the visit's cap (maxWindows), which were not opened or were closed at once.
   */
  windows: { opened: number; refused: number };
}

/** JPEG pictures as data: URLs, taken on the initial visit only when an HTML report is asked for. */
export interface Screenshots {
  /** The first screen a visitor sees, before any choice. */
  page: string | null;
  /** The consent banner alone, when one was found. */
  banner: string | null;
}

/**
 * When the visitor could see and answer the banner. Every time in a visit (these, and each request's
 * start, cookie write and storage write) is real milliseconds, measured by the gate, from the start of
 * the first navigation of the browser session the visit ran in: `from` names that visit (the initial
 * visit for after-scroll, after-accept for after-withdraw). The page's own clock is fast-forwarded and
 * says nothing about real time.
 */
export interface VisitTimes {
  from: Phase;
  /**
   * When the gate found the consent banner on screen in this visit (reopened, for after-withdraw): it
   * appeared at this time or before. Null when no banner was found.
   */
  bannerShownMs: number | null;
  /** When the visit's action began: the click on reject, save, accept or the refusal of a withdrawal, or the scrolling. Null: none. */
  actionMs: number | null;
}

export interface PhaseScan {
  phase: Phase;
  /** The URL we were asked to scan. */
  url: string;
  /** Where the page ended up after redirects. */
  finalUrl: string;
  status: number | null;
  durationMs: number;
  /** Set when the page could not be scanned: the gate must never pass such a page. */
  error: string | null;
  /** initial: the consent banner, if one was found (null: none). Other phases: null. */
  banner: BannerFacts | null;
  /** Something that looks like a consent notice but offered no control we recognise. */
  bannerUnrecognised: string | null;
  /** initial: links to a cookie or privacy policy on the page, with the status each answered. */
  policyLinks: PolicyLink[];
  /** initial: where the site declares its cookies (its policy pages, its consent manager), as read; other visits: none. */
  declarations: DeclarationSource[];
  action: PhaseAction | null;
  /** Null when not asked for, and on every visit but the initial one. */
  screenshots: Screenshots | null;
  /** Null when the visit failed before its state was recorded. */
  settle: SettleRecord | null;
  cookies: GatheredCookie[];
  /**
   * Deletion attempts seen in this visit's window, whether or not they removed anything; on a
   * stored-choice visit, since the choice was made on the banner's first page: those that answered it.
   */
  cookieDeletions: CookieDeletion[];
  storage: GatheredStorage[];
  requests: GatheredRequest[];
  frames: GatheredFrame[];
  fingerprinting: GatheredFingerprinting[];
  /** initial and after-reject: the consent the page's TCF API, Consent Mode and Google hits claimed; null on other visits. */
  consentSignals: ConsentSignals | null;
  identifiers: GatheredIdentifier[];
  /** The banner's and the action's moments; null in reports written before times were kept. */
  times: VisitTimes | null;
}

export interface Classification {
  category: Category;
  vendor: string | null;
  party: Party;
  /** A social plugin or tracking embed (like/share buttons, video, maps). */
  plugin: boolean;
  /** Which data decided: an override, third-party-web, the Open Cookie Database, or nothing. */
  source: 'override' | 'third-party-web' | 'open-cookie-database' | 'site' | 'none';
  /** Cookies and storage only: set when the vendor that wrote it decided, not its name (see classify/writer.ts). */
  writer?: { url: string; nameCategory: Category };
}

export type Classified<T> = T & { class: Classification };

export interface ClassifiedScan extends Omit<PhaseScan, 'cookies' | 'storage' | 'requests' | 'frames' | 'fingerprinting' | 'identifiers'> {
  /** Registrable domains treated as first party for this page. */
  siteDomains: string[];
  cookies: Classified<GatheredCookie>[];
  storage: Classified<GatheredStorage>[];
  requests: Classified<GatheredRequest>[];
  frames: Classified<GatheredFrame>[];
  /** Classified by the calling script's URL. */
  fingerprinting: Classified<GatheredFingerprinting>[];
  /** Classified by the receiving request's URL; `holderParty` says whose value it was. */
  identifiers: (Classified<GatheredIdentifier> & { holderParty: Party })[];
}

export interface Subject {
  kind: 'cookie' | 'storage' | 'request' | 'frame' | 'page' | 'banner';
  /** Cookie name or storage key. */
  name?: string;
  /** Cookie domain, storage origin's host, or request/frame host. */
  host?: string;
  url?: string;
  storage?: StorageKind;
}

/** One step on the way from the scanned page to what a finding is about. */
export interface ChainLink {
  url: string;
  /**
   * How this step was reached from the one before. page: the scanned page, where every chain starts;
   * html: a tag in it; script: code in the previous script; redirect: the previous response redirected
   * here; frame: a request made inside the previous (embedded) document; unknown: the trail is lost.
   */
  via: 'page' | 'html' | 'script' | 'redirect' | 'frame' | 'unknown';
  /** For via html or script: the line of the previous document or script that loaded this one. */
  line: number | null;
}

/**
 * Where the fix for a finding goes: walking back along its chain from the subject, the first step the
 * site itself controls. tag: a tag (or inline script) in the page's HTML; container: a tag-manager
 * container the site configures (GTM-…); script: a script of the site's own; server: the site's own
 * response that set the cookie (Set-Cookie).
 */
export interface Cause {
  kind: 'tag' | 'container' | 'script' | 'server';
  /** tag: what the tag loaded; container: the container's script; script: the site's script; server: the response. */
  url: string;
  /** tag: its line in the page; script: the line in it that loaded the next step; else null. */
  line: number | null;
  /** container: its id (GTM-XXXX); else null. */
  id: string | null;
  /** Whose tag or container it is, as classified; null for the site's own. */
  vendor: string | null;
}

export interface Finding {
  rule: string;
  severity: Severity;
  page: string;
  phase: Phase;
  subject: Subject;
  category: Category;
  vendor: string | null;
  party: Party | null;
  /** In English, from the rule's message template; `messageId` and `data` let a report word it anew. */
  message: string;
  messageId: string;
  data: Record<string, string | number>;
  /** What set or loaded it. */
  evidence: string[];
  /**
   * From the page to what set or loaded the subject (the first evidence): the last link is the
   * request, frame or writing script itself. Empty for findings about the page or its banner.
   */
  chain: ChainLink[];
  /** Where the fix goes; null when the chain reaches nothing the site controls, and for findings about the page or its banner. */
  cause: Cause | null;
  /** When the visit first saw the subject (see VisitTimes); null for findings about the page or its banner, or when not seen. */
  firstSeenMs: number | null;
  /**
   * Every visit of the page that showed the same thing tracking, this one included: a tracker seen
   * before consent and still after reject says so in its one finding.
   */
  seenIn: Phase[];
  /** Stable across runs, preview hosts, query strings and cookie values. */
  fingerprint: string;
  /** new: fails the gate at or above failOn; baselined: known and accepted debt; allowed: by the policy. */
  status: FindingStatus;
  /** The policy's reason when allowed, the baseline note when baselined. */
  because: string | null;
  /** Why an allow entry that matched was not applied, or changed the severity. */
  notes: string[];
}

export type FindingStatus = 'new' | 'baselined' | 'allowed';

/** A baseline entry whose finding was not seen on the pages it was recorded for. */
export interface FixedEntry {
  fingerprint: string;
  rule: string;
  phase: Phase;
  subject: Subject;
  pages: string[];
}

/** A visit that was not made, and why: a report shows it, never leaves a blank. */
export interface SkippedVisit {
  phase: Phase;
  reason: string;
}

export interface PageResult {
  url: string;
  phases: ClassifiedScan[];
  skipped: SkippedVisit[];
}

/**
 * One row of the after-accept inventory: what the cookie policy must declare. A page that offers no
 * consent choice (no banner, no notice) adds what its first visit stored: that is what every visitor gets.
 */
export interface InventoryEntry {
  kind: 'cookie' | 'storage';
  /** Storage only: which one. */
  storage?: StorageKind;
  name: string;
  /** The name as a declaration writes its family: the id a name carries as "*" (`_ga_*`, `_pk_id.*`), else the name. */
  family: string;
  domain: string;
  vendor: string | null;
  category: Category;
  party: Party;
  /** Cookies: the lifetime asked for, in days; null for a session cookie or storage. */
  lifetimeDays: number | null;
  /** What the Open Cookie Database says it is for (in English); null for a name it does not know. */
  description: string | null;
  /** Third-party hosts its value was seen sent to after accepting (see GatheredIdentifier). */
  sentTo: string[];
  /** Named in the site's own declaration (a policy page, the consent manager's list); null when none could be read. */
  declared: boolean | null;
  pages: string[];
}

/** A rule as the reports show it: everything but its check. */
export interface RuleDescription {
  id: string;
  title: string;
  description: string;
  legalBasis: string;
  plainWords: string;
  defaultSeverity: Severity;
  /** Its findings mean a page was not looked at: the run is incomplete, never passed. */
  failClosed: boolean;
  /** The rule's section of the README. */
  docsUrl: string;
}

/** Pages found but not scanned, and why: partial coverage is never silent. */
export interface LeftOut {
  /**
   * max-pages: beyond the cap; excluded: matched --exclude; other-host: sitemap pages on another host;
   * sitemap-unreadable: a sitemap that could not be read, so its pages are unknown; crawl-unreadable:
   * pages the crawl could not fetch, so the pages linked from them are unknown.
   */
  reason: 'max-pages' | 'excluded' | 'other-host' | 'sitemap-unreadable' | 'crawl-unreadable';
  /** Pages left out; for sitemap-unreadable and crawl-unreadable, the sitemaps or pages that could not be read. */
  count: number;
  /** The first few of them, so a reader can check. */
  examples: string[];
  /** One sentence: what was left out, why, and how to include it. */
  message: string;
}

export interface Coverage {
  /** Pages found on the target: the ones scanned plus the ones left out. */
  found: number;
  scanned: number;
  leftOut: LeftOut[];
  /** Set when this run scanned one shard of the pages (--shard i/n). */
  shard?: ShardCoverage;
}

/** What a shard's report records so merge-reports can check that the shards together scanned every page. */
export interface ShardCoverage {
  /** Shard `index` (from 1) of `total`. */
  index: number;
  total: number;
  /** Pages in the list before it was split: all shards together scan this many. */
  of: number;
  /** The path (and query) of each page this shard drew; possibly none. */
  pages: string[];
  /** Digest of the settings that decide what is scanned and how: the shards of one run share it. */
  settings: string;
}

export interface GateResult {
  tool: { name: string; version: string };
  data: { thirdPartyWeb: string; openCookieDatabase: string };
  browser: { executable: string; version: string };
  startedAt: string;
  durationMs: number;
  target: {
    urls: string[];
    /** What reports call the site: a deployed site's host, the served folder, the project; null for page URLs alone. */
    name: string | null;
    /** Served on loopback by this run (--static, --start): the page URLs are dead once it ends. */
    ephemeral: boolean;
    /** Page URL → the file it was served from (--static), for code hosts that want a file. */
    files: Record<string, string>;
  };
  /** How many pages were found, scanned and left out, and why. */
  coverage: Coverage;
  pages: PageResult[];
  findings: Finding[];
  /** Every rule that could report, for the reports' titles, legal basis and links. */
  rules: RuleDescription[];
  /** Everything stored after the visitor accepted, across pages. */
  inventory: InventoryEntry[];
  policy: { path: string | null; jurisdiction: string; failOn: Severity };
  /** found: a baseline file existed before the run; updated: this run wrote it. */
  baseline: { path: string; found: boolean; updated: boolean; fixed: FixedEntry[] };
  verdict: Verdict;
}

export interface Verdict {
  status: 'passed' | 'failed' | 'incomplete';
  exitCode: 0 | 1 | 3;
  /** New findings by severity: the ones that decide. */
  errors: number;
  warnings: number;
  scanErrors: number;
  baselined: number;
  allowed: number;
  fixed: number;
  reason: string;
}

/** Progress callbacks: each visit (one page, one phase) as it starts, and again with its data when it ends. */
export interface VisitProgress {
  url: string;
  phase: Phase;
  /** Null while the visit runs. */
  scan: ClassifiedScan | null;
}

export interface PageProgress {
  done: number;
  total: number;
  page: PageResult;
  findings: Finding[];
}
