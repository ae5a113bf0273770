import type { Classification, ClassifiedScan, Lang, TranslatedLang } from '../types.js';
import { TRACKING, cookieHit, frameSighting, hitsByHost, requestSighting, storageHit, subresources } from './evidence.js';
import { renderMessage, type RuleHit } from './rule.js';

/**
 * What tracks in one visit's data, as hits. Shared by the before-consent rules, the after-reject rule
 * and the implicit-action rule: the same things are wrong, only "when" differs, and each of those
 * rules takes its message templates from `trackingMessages(when)`.
 */

type TrackingMessages = Record<'cookieSet' | 'cookieSent' | 'storage' | 'request' | 'embed' | 'plugin', string>;

/** Each language's sentences, with `at` (" before consent") where that language says when. */
const TRACKING_SENTENCES: Readonly<Record<Lang, (at: string) => TrackingMessages>> = {
  en: (at) => ({
    cookieSet: `{{vendor}} cookie "{{name}}" on {{domain}} was set${at}`,
    cookieSent: `{{vendor}} cookie "{{name}}" on {{domain}} was sent${at}`,
    storage: `{{vendor}} {{storage}} key "{{name}}" on {{origin}} was written${at}`,
    request: `{{vendor}} was contacted${at}: {{count}} request(s) to {{host}}`,
    embed: `{{vendor}} embed from {{host}} loaded${at}`,
    plugin: `{{vendor}} social plugin loaded${at}: {{count}} request(s) to {{host}}`,
  }),
  nl: (at) => ({
    cookieSet: `cookie "{{name}}" van {{vendor}} op {{domain}} is geplaatst${at}`,
    cookieSent: `cookie "{{name}}" van {{vendor}} op {{domain}} is meegestuurd${at}`,
    storage: `{{storage}}-sleutel "{{name}}" van {{vendor}} op {{origin}} is opgeslagen${at}`,
    request: `{{vendor}} is benaderd${at}: {{count}} verzoek(en) naar {{host}}`,
    embed: `ingesloten inhoud van {{vendor}} vanaf {{host}} is geladen${at}`,
    plugin: `social plugin van {{vendor}} is geladen${at}: {{count}} verzoek(en) naar {{host}}`,
  }),
  fr: (at) => ({
    cookieSet: `le cookie « {{name}} » de {{vendor}} sur {{domain}} a été déposé${at}`,
    cookieSent: `le cookie « {{name}} » de {{vendor}} sur {{domain}} a été envoyé${at}`,
    storage: `la clé {{storage}} « {{name}} » de {{vendor}} sur {{origin}} a été écrite${at}`,
    request: `{{vendor}} a été contacté${at} : {{count}} requête(s) vers {{host}}`,
    embed: `le contenu intégré de {{vendor}} depuis {{host}} a été chargé${at}`,
    plugin: `le module social de {{vendor}} a été chargé${at} : {{count}} requête(s) vers {{host}}`,
  }),
};

/** The messages of tracking hits, with when it happened ("before consent", in `lang`) spelled into each. */
export function trackingMessages(when: string, lang: Lang = 'en'): TrackingMessages {
  return TRACKING_SENTENCES[lang](when ? ` ${when}` : '');
}

/** The before-consent rules' messages in the other report languages, for their `translations`. */
export const BEFORE_CONSENT_MESSAGES: Readonly<Record<TranslatedLang, TrackingMessages>> = {
  nl: trackingMessages('vóór toestemming', 'nl'),
  fr: trackingMessages('avant le consentement', 'fr'),
};

const FACTS: Readonly<Record<string, string>> = trackingMessages('');

/** What the four before-consent rules share: judged on the first look, allowable per subject, what a banner must cover. */
export const BEFORE_CONSENT = {
  defaultSeverity: 'error',
  allow: 'subject',
  failClosed: false,
  tracking: true,
  visits: ['initial'],
  messages: trackingMessages('before consent'),
} as const;

/** A tracking hit as a plain fact ("… cookie "_ga" on example.org was set"), for another rule's evidence. */
export function trackingFact(hit: RuleHit): string {
  return renderMessage(FACTS[hit.messageId]!, hit.data);
}

export function trackingCookies(scan: ClassifiedScan): RuleHit[] {
  return scan.cookies.filter((cookie) => TRACKING.has(cookie.class.category)).map((cookie) => cookieHit(scan, cookie, cookie.stored ? 'cookieSet' : 'cookieSent'));
}

export function trackingStorage(scan: ClassifiedScan): RuleHit[] {
  return scan.storage.filter((entry) => TRACKING.has(entry.class.category)).map((entry) => storageHit(scan, entry, 'storage'));
}

export function trackerRequests(scan: ClassifiedScan): RuleHit[] {
  return hitsByHost(
    scan,
    subresources(scan)
      .filter((r) => (r.class.category === 'analytics' || r.class.category === 'marketing') && !r.class.plugin)
      .map(requestSighting),
    () => 'request',
  );
}

const isPlugin = ({ class: c }: { class: Classification }): boolean =>
  c.category === 'social' || (c.plugin && c.category !== 'necessary' && c.category !== 'preferences');

export function socialPlugins(scan: ClassifiedScan): RuleHit[] {
  // Frames first, so a host that is embedded is reported as the embed.
  return hitsByHost(scan, [...scan.frames.filter(isPlugin).map(frameSighting), ...subresources(scan).filter(isPlugin).map(requestSighting)], (first) =>
    first.kind === 'frame' ? 'embed' : 'plugin',
  );
}

/** Everything that tracks in a visit, by all four measures. */
export function allTracking(scan: ClassifiedScan): RuleHit[] {
  return [...trackingCookies(scan), ...trackingStorage(scan), ...trackerRequests(scan), ...socialPlugins(scan)];
}

/** The same thing in two visits: kind, name and host (a request or frame by its host). */
export function hitKey(hit: Pick<RuleHit, 'subject'>): string {
  const { kind, name, host, storage } = hit.subject;
  return [kind === 'frame' ? 'request' : kind, storage ?? '', name ?? '', host ?? ''].join('|');
}
