// Builders for the data a rule judges: one classified visit (ClassifiedScan) and one page
// (PageResult), with empty, uneventful defaults, so a rule's unit test writes down only what matters
// to the rule. Everything here is plain data, as the gatherer and classifier would hand it over.
import type {
  BannerControl,
  BannerFacts,
  Category,
  Classification,
  Classified,
  ClassifiedScan,
  ConsentSignals,
  ConsentToggle,
  DeclarationSource,
  Reopened,
  FingerprintTechnique,
  IdentifierPlace,
  IdentifierSource,
  GatheredCookie,
  GatheredFingerprinting,
  GatheredFrame,
  GatheredIdentifier,
  GatheredRequest,
  GatheredStorage,
  PageResult,
  Party,
  Phase,
  PhaseAction,
  PolicyLink,
  StorageKind,
  TcfAnswer,
} from '../../src/types.js';

/** The site every builder assumes, unless told otherwise. */
export const SITE = 'https://example.org/';

export interface ClassOptions {
  vendor?: string | null;
  party?: Party;
  plugin?: boolean;
}

/** What the classifier decided; `source` is not read by the rules, so it says "override" (a test's say-so). */
export function classified(category: Category, { vendor = null, party = 'third', plugin = false }: ClassOptions = {}): Classification {
  return { category, vendor, party, plugin, source: 'override' };
}

export interface CookieOptions extends ClassOptions {
  domain?: string;
  /** Lifetime the site asked for, in days (null: a session cookie). */
  days?: number | null;
  /** The script or response that set it. */
  setBy?: string;
  via?: 'set-cookie' | 'document.cookie';
  /** False: the browser refused to keep it. */
  stored?: boolean;
}

/** A cookie the visit saw being set, with its lifetime as declared (what cookie-lifetime rules read). */
export function cookie(name: string, category: Category, options: CookieOptions = {}): Classified<GatheredCookie> {
  const { domain = 'example.org', days = null, setBy = 'https://example.org/app.js', via = 'document.cookie', stored = true } = options;
  return {
    name,
    domain,
    hostOnly: false,
    path: '/',
    // Session cookies have no expiry; others are stored as the browser would (capped at 400 days).
    expires: days === null ? null : Math.floor(Date.now() / 1000) + Math.min(days, 400) * 86_400,
    httpOnly: false,
    secure: true,
    sameSite: 'Lax',
    stored,
    valueLength: 16,
    valueHash: '0badc0de',
    sources: [{ via, url: setBy, declaredLifetime: days === null ? null : days * 86_400 }],
    class: classified(category, { ...options, party: options.party ?? (domain.endsWith('example.org') ? 'first' : 'third') }),
  };
}

export interface StorageOptions extends ClassOptions {
  kind?: StorageKind;
  origin?: string;
  writtenBy?: string[];
}

export function storage(key: string, category: Category, options: StorageOptions = {}): Classified<GatheredStorage> {
  const { kind = 'localStorage', origin = 'https://example.org', writtenBy = ['https://example.org/app.js'] } = options;
  return { kind, origin, key, writtenBy, class: classified(category, { ...options, party: options.party ?? 'first' }) };
}

export interface RequestOptions extends ClassOptions {
  resourceType?: string;
  frameUrl?: string | null;
  failure?: string | null;
  /** Names of the cookies its Cookie header carried. */
  cookiesSent?: string[];
}

/** A request the page made, loaded by a tag in the page itself unless said otherwise. */
export function request(url: string, category: Category, options: RequestOptions = {}): Classified<GatheredRequest> {
  const { resourceType = 'script', frameUrl = null, failure = null, cookiesSent } = options;
  return {
    ...(cookiesSent ? { cookiesSent } : {}),
    url,
    method: 'GET',
    resourceType,
    frameUrl,
    status: failure ? null : 200,
    failure,
    initiator: { type: 'html', url: SITE, line: 1 },
    class: classified(category, options),
  };
}

/** An embedded frame (a video, a map, a like button). */
export function frame(url: string, category: Category, options: ClassOptions = {}): Classified<GatheredFrame> {
  return { url, parentUrl: SITE, class: classified(category, { ...options, plugin: options.plugin ?? true }) };
}

export interface FingerprintOptions extends ClassOptions {
  calls?: number;
  families?: number | null;
}

/** Calls of one fingerprinting API by one script; third party unless the script is on the site. */
export function fingerprinting(technique: FingerprintTechnique, api: string, script: string, options: FingerprintOptions = {}): Classified<GatheredFingerprinting> {
  const { calls = 1, families = null } = options;
  const party = options.party ?? (new URL(script).hostname.endsWith('example.org') ? 'first' : 'third');
  return { technique, api, script, calls, families, class: classified('unknown', { ...options, party }) };
}

export interface IdentifierOptions extends ClassOptions {
  source?: IdentifierSource;
  /** Who keeps the value; the site unless told otherwise. */
  holder?: string;
  where?: IdentifierPlace;
  category?: Category;
}

/** The cookie or key `name`, holding an id, seen in a request to `requestUrl`; third party unless the host is on the site. */
export function identifier(name: string, requestUrl: string, options: IdentifierOptions = {}): Classified<GatheredIdentifier> & { holderParty: Party } {
  const { source = 'cookie', holder = 'example.org', where = 'query', category = 'marketing' } = options;
  const host = new URL(requestUrl).hostname;
  const party = options.party ?? (host.endsWith('example.org') ? 'first' : 'third');
  return {
    source,
    name,
    holder,
    host,
    where,
    requestUrl,
    initiator: { type: 'script', url: `${SITE}app.js`, line: 1 },
    class: classified(category, { ...options, party }),
    holderParty: holder.endsWith('example.org') ? 'first' : 'third',
  };
}

export function control(text: string, kind: BannerControl['kind'] = 'button', layer: BannerControl['layer'] = 1): BannerControl {
  return { text, kind, layer };
}

export function toggle(label: string, checked: boolean, locked = false, layer: ConsentToggle['layer'] = 2): ConsentToggle {
  return { label, checked, locked, layer };
}

/** A consent banner with accept and reject buttons on its first layer, that stays until answered. */
export function banner(facts: Partial<BannerFacts> = {}): BannerFacts {
  return {
    source: 'heuristic',
    frameUrl: null,
    text: 'We use cookies to measure visits. Accept or reject them.',
    accept: control('Accept all'),
    reject: control('Reject all'),
    save: null,
    settings: null,
    toggles: [],
    visibleAfterWait: true,
    ...facts,
  };
}

/** What the visit did; done unless told otherwise. */
export function action(kind: PhaseAction['kind'], facts: Partial<PhaseAction> = {}): PhaseAction {
  return { kind, done: true, steps: [{ do: 'click', control: kind, layer: 1 }], failure: null, detail: `clicked "${kind}"`, bannerAfter: null, ...facts };
}

/** A footer link that reopened the consent choice, as the withdrawal visit records it. */
export function reopenedBy(control: string, via: Reopened['via'] = 'page'): Reopened {
  return { via, control, place: via === 'api' ? null : { kind: 'link', floating: false, shadowRoot: false, frameUrl: null } };
}

/** A policy link that answered the browser with a status, or was reachable or could not be checked. */
export function policyLink(url = `${SITE}cookies/`, outcome: number | 'reachable' | 'unchecked' = 200, text = 'Cookie policy'): PolicyLink {
  if (typeof outcome === 'number') return { text, url, status: outcome, check: 'answered', reason: null };
  return { text, url, status: null, check: outcome, reason: outcome === 'unchecked' ? 'no answer within 5 s' : null };
}

/**
 * A cookie declaration as the gatherer reads it: a policy page's blocks (table rows, definitions,
 * paragraphs, each as its cells), or, with `reason`, a page that could not be read.
 */
export function declarationPage(url: string, blocks: string[][], reason: string | null = null): DeclarationSource {
  return { kind: 'page', url, manager: null, read: reason === null, reason, blocks: reason === null ? blocks : [], expressions: [], truncated: false };
}

/** A consent manager's own cookie list: its configuration's names and regular expressions (null manager: a table in its settings layer). */
export function managerList(manager: string | null, blocks: string[][], expressions: string[] = []): DeclarationSource {
  return { kind: 'manager', url: SITE, manager, read: true, reason: null, blocks, expressions, truncated: false };
}

/** One visit of a page that loaded fine and showed nothing: no banner, no cookies, no requests. */
export function scan(facts: Partial<ClassifiedScan> = {}): ClassifiedScan {
  const url = facts.url ?? SITE;
  return {
    phase: 'initial',
    url,
    finalUrl: url,
    status: 200,
    durationMs: 1000,
    error: null,
    banner: null,
    bannerUnrecognised: null,
    policyLinks: [],
    declarations: [],
    action: null,
    screenshots: null,
    settle: null,
    siteDomains: [new URL(url).hostname],
    cookies: [],
    cookieDeletions: [],
    storage: [],
    requests: [],
    frames: [],
    fingerprinting: [],
    consentSignals: null,
    identifiers: [],
    times: null,
    ...facts,
  };
}

/** A later visit of the same page: the action its phase implies (done), unless given. */
export function visit(phase: Exclude<Phase, 'initial'>, facts: Partial<ClassifiedScan> = {}): ClassifiedScan {
  if (phase === 'after-withdraw') return scan({ phase, action: action('withdraw', { reopened: reopenedBy('Cookie settings') }), ...facts });
  const kind = phase === 'after-scroll' ? 'scroll' : phase === 'after-reject' ? 'reject' : phase === 'after-save' ? 'save' : 'accept';
  return scan({ phase, action: action(kind), ...facts });
}

/** A page made of the given visits (the first one's URL is the page's). */
export function page(...visits: ClassifiedScan[]): PageResult {
  return { url: visits[0]?.url ?? SITE, phases: visits, skipped: [] };
}

/** What a page's TCF API answered: answered, GDPR applying, nothing consented, unless told otherwise. */
export function tcfAnswer(facts: Partial<TcfAnswer> = {}): TcfAnswer {
  return { answered: true, gdprApplies: true, eventStatus: 'cmpuishown', cmpId: 300, tcString: 'CQuf10AQuf10AEsABAENBGFAAAAAAAAAAAAAAAAAAAAA.IF5wAQF5gAAA', purposeConsents: [], vendorConsents: [], decodeError: null, ...facts };
}

/** A visit's consent signals: no TCF API, no Consent Mode commands, no Google hits, unless given. */
export function consentSignals(facts: Partial<ConsentSignals> = {}): ConsentSignals {
  return { tcf: null, consentMode: [], googleHits: [], ...facts };
}
