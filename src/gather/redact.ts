/**
 * Query values that identify a visitor (client ids, cookie values echoed into beacons, tokens)
 * must never reach a report. Keys stay: they tell a developer what kind of request it was.
 */
const REDACTED = '<redacted>';

function looksLikeIdentifier(value: string): boolean {
  return value.length >= 8 && /\d/.test(value);
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
