/**
 * Values that identify a visitor or open the preview (client ids, cookie values echoed into beacons,
 * the user's header values, a password) must never reach a report. Query keys stay: they tell a
 * developer what kind of request it was.
 */
const REDACTED = '<redacted>';

/** Google tag and container ids (GTM-…, G-…, AW-…) are in every visitor's HTML: the site's, not the visitor's. */
const TAG_ID = /^(GTM|G|GT|UA|AW|DC)-[A-Z0-9]{4,12}(-\d{1,3})?$/;

/** Consent Mode's gcd (13p3p3p3p5): how each consent signal was set, the same for everyone who chose alike; the rules read it. */
const CONSENT_STATE = /^\d\d([a-z]\d){4,}$/;

function looksLikeIdentifier(value: string): boolean {
  return value.length >= 8 && /\d/.test(value) && !TAG_ID.test(value) && !CONSENT_STATE.test(value);
}

/** A secret as it can appear in a URL or a message: as given, percent-encoded, form-encoded. */
function forms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [secret, encoded, encoded.replace(/%20/g, '+')];
}

/**
 * Replaces every occurrence of every secret, exactly, whatever it looks like. One pass over one
 * alternation, longest first: a secret inside another leaves no piece, and no replacement is redone.
 */
export function secretRedactor(secrets: readonly string[]): (text: string) => string {
  const all = [...new Set(secrets.filter((s) => s !== '').flatMap(forms))].sort((a, b) => b.length - a.length);
  if (all.length === 0) return (text) => text;
  const pattern = new RegExp(all.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) => text.replace(pattern, REDACTED);
}

/**
 * URLs as a report may show them: no user:password@, query and fragment values that look like
 * identifiers or contain a secret hidden whole, and a secret anywhere else (a path such as
 * /px/<cookie value>.gif, the host) replaced where it stands. `secrets` are the cookie and storage
 * values seen in this visit.
 */
export function urlRedactor(secrets: readonly string[]): (url: string) => string {
  const redact = secretRedactor(secrets);
  const value = (v: string): string => (looksLikeIdentifier(v) || secrets.some((secret) => v.includes(secret)) ? REDACTED : v);
  return (url) => {
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return redact(url);
    const parsed = new URL(url);
    const query = [...parsed.searchParams].map(([key, v]) => `${encodeURIComponent(key)}=${value(v)}`).join('&');
    const hash = parsed.hash.length > 1 ? `#${value(parsed.hash.slice(1))}` : '';
    return redact(`${parsed.origin}${parsed.pathname}${query ? `?${query}` : ''}${hash}`);
  };
}
