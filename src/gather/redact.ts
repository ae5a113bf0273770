/**
 * Query values that identify a visitor (client ids, cookie values echoed into beacons, tokens)
 * must never reach a report. Keys stay: they tell a developer what kind of request it was.
 */
const REDACTED = '<redacted>';

/** Google tag and container ids (GTM-…, G-…, AW-…) are in every visitor's HTML: the site's, not the visitor's. */
const TAG_ID = /^(GTM|G|GT|UA|AW|DC)-[A-Z0-9]{4,12}(-\d{1,3})?$/;

function looksLikeIdentifier(value: string): boolean {
  return value.length >= 8 && /\d/.test(value) && !TAG_ID.test(value);
}

/** `secrets` are cookie and storage values seen in this visit: echoed anywhere, they are hidden. */
export function redactUrl(url: string, secrets: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.search && !parsed.hash) return url;
  const redact = (value: string): string =>
    looksLikeIdentifier(value) || secrets.some((secret) => value.includes(secret)) ? REDACTED : value;
  const query = [...parsed.searchParams].map(([key, value]) => `${encodeURIComponent(key)}=${redact(value)}`).join('&');
  const hash = parsed.hash.length > 1 ? `#${redact(parsed.hash.slice(1))}` : '';
  return `${parsed.origin}${parsed.pathname}${query ? `?${query}` : ''}${hash}`;
}
