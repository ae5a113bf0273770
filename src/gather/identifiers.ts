/**
 * Which stored values (cookies, localStorage, sessionStorage) went out in a request to another host:
 * a client id or CRM id copied into a pixel's URL, a beacon's body or a header. Pure: the collector
 * keeps the requests and reads the values, this only compares. Values never leave here: a match
 * names the cookie or key, the request and where in it.
 */
import type { IdentifierPlace, IdentifierSource } from '../types.js';
import { hostOf } from '../shared/url.js';

/** Below this length: flags, enums and language codes ("nl", "true", "granted"), too little to single out a visitor. */
const MIN_LENGTH = 8;
/** Above it a value is a document (a consent string, a JSON state): its ids are found as its JSON leaves. */
const MAX_LENGTH = 256;
/** Fewer distinct characters than this is a repetition ("00000000"), not a random id. */
const MIN_DISTINCT = 5;
/** Bits per character: a UUID has about 3.8, a random decimal id 3.2, a GA client id (half of it a time) 2.4, "aaaaaaa1" 0.5. */
const MIN_ENTROPY = 2;
/** JSON values are searched this deep and for this many leaves: a stored state object, not a database. */
const JSON_DEPTH = 4;
const JSON_LEAVES = 20;

/** Google tag and container ids (GTM-…, G-…) are in every visitor's HTML: the site's, not the visitor's. */
const TAG_ID = /^(GTM|G|GT|UA|AW|DC)-[A-Z0-9]{4,12}(-\d{1,3})?$/;
/** 2026-11-30, 2026-11-30T10:00:00Z, 20261130. */
const DATE = /^(19|20)\d{2}(-\d{2}-\d{2}|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$)/;
const YEAR_2000 = 946_684_800;
const YEAR_2100 = 4_102_444_800;

/** A Unix time in seconds or milliseconds (with a fraction of up to microseconds) in this century: the same for every visitor at that moment. */
function isTimestamp(value: string): boolean {
  const match = /^(\d{10}|\d{13})(\.\d{1,6})?$/.exec(value);
  if (!match) return false;
  const seconds = Number(match[1]) / (match[1]!.length === 13 ? 1000 : 1);
  return seconds >= YEAR_2000 && seconds < YEAR_2100;
}

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / value.length) * Math.log2(count / value.length);
  return bits;
}

/**
 * Whether a value looks like it singles out a visitor: long, varied, with a digit, and none of the
 * things sites store that every visitor shares (timestamps and dates, words and enums, URLs, tag ids).
 * Stricter than the report redactor's test, which hides anything that might be one: a finding
 * must not fire on a language code or a consent state sent along with a hit.
 */
export function looksLikeIdentifier(value: string): boolean {
  if (value.length < MIN_LENGTH || value.length > MAX_LENGTH || /\s/.test(value)) return false;
  // Ids almost always carry a digit; words, enums and consent states ("analytics,marketing") do not.
  if (!/\d/.test(value)) return false;
  if (isTimestamp(value) || DATE.test(value) || TAG_ID.test(value)) return false;
  // A URL or path (the last page seen, a referrer) is sent with every hit and names a page, not a visitor.
  if (value.includes('://') || value.startsWith('/')) return false;
  return new Set(value).size >= MIN_DISTINCT && entropy(value) >= MIN_ENTROPY;
}

function jsonLeaves(value: unknown, depth: number, into: string[]): void {
  if (into.length >= JSON_LEAVES) return;
  if (typeof value === 'string' || typeof value === 'number') into.push(String(value));
  else if (value !== null && typeof value === 'object' && depth < JSON_DEPTH) for (const item of Object.values(value)) jsonLeaves(item, depth + 1, into);
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The identifiers a stored value holds: the value itself; the leaves of a JSON value; and the tails
 * of a dotted value, since vendors send the random part without their version prefix (Google
 * Analytics keeps "GA1.1.<random>.<time>" in _ga and sends "<random>.<time>" as the client id).
 */
export function identifiersIn(value: string): string[] {
  const plain = decoded(value);
  const found: string[] = [];
  if (/^[[{]/.test(plain)) {
    try {
      // A JSON document is its leaves: the whole of it is state, not an id.
      jsonLeaves(JSON.parse(plain), 0, found);
      return [...new Set(found.filter(looksLikeIdentifier))];
    } catch {
      // Not JSON after all: judged as a plain value below.
    }
  }
  const parts = plain.split('.');
  for (let i = 0; i < parts.length; i++) found.push(parts.slice(i).join('.'));
  return [...new Set(found.filter(looksLikeIdentifier))];
}

/** An identifier as it may be written into a request: as is, percent-encoded, or base64 (standard or URL-safe, unpadded). */
export function encodingsOf(identifier: string): string[] {
  const base64 = Buffer.from(identifier, 'utf8').toString('base64').replace(/=+$/, '');
  return [...new Set([identifier, encodeURIComponent(identifier), base64, base64.replace(/\+/g, '-').replace(/\//g, '_')])];
}

/** A value kept in the browser: a cookie (held by its domain) or a storage entry (held by its origin's host). */
export interface HeldValue {
  source: IdentifierSource;
  name: string;
  /** The cookie's domain, or the host of the storage's origin. */
  holder: string;
  value: string;
}

/** What a request carried, kept in memory only for this comparison. */
export interface SentRequest {
  url: string;
  /** The request body as text; null when there was none, or it was too large to keep. */
  body: string | null;
  /** Header name (lower case) and value, the Cookie header included when it was seen. */
  headers: readonly (readonly [string, string])[];
}

export interface IdentifierMatch {
  held: HeldValue;
  /** Index into the requests compared. */
  request: number;
  where: IdentifierPlace;
}

/**
 * Sending a cookie to the hosts its domain covers is what the cookie jar does, and a storage value
 * going back to its own host is the site talking to itself: neither is a copy to someone else.
 */
function sentToHolder(host: string, holder: string): boolean {
  const bare = holder.replace(/^\[|\]$/g, '');
  return host === bare || host.endsWith(`.${bare}`);
}

function placesOf(request: SentRequest): [IdentifierPlace, string][] {
  const places: [IdentifierPlace, string][] = [];
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return places;
  }
  places.push(['path', url.pathname], ['query', url.search]);
  if (request.body) places.push(['body', request.body]);
  const headers = request.headers.filter(([name]) => name !== 'cookie');
  if (headers.length > 0) places.push(['header', headers.map(([name, value]) => `${name}: ${value}`).join('\n')]);
  const cookie = request.headers.filter(([name]) => name === 'cookie').map(([, value]) => value);
  if (cookie.length > 0) places.push(['cookie', cookie.join('; ')]);
  return places;
}

/** Every place in every request to another host where a held value's identifier appears, once per value, request and place. */
export function matchIdentifiers(held: readonly HeldValue[], requests: readonly SentRequest[]): IdentifierMatch[] {
  const needles = held.map((value) => ({ value, forms: identifiersIn(value.value).flatMap(encodingsOf) })).filter((n) => n.forms.length > 0);
  const matches: IdentifierMatch[] = [];
  if (needles.length === 0) return matches;
  requests.forEach((request, index) => {
    const host = hostOf(request.url);
    const places = placesOf(request);
    for (const { value, forms } of needles) {
      if (sentToHolder(host, value.holder)) continue;
      for (const [where, text] of places) if (forms.some((form) => text.includes(form))) matches.push({ held: value, request: index, where });
    }
  });
  return matches;
}

