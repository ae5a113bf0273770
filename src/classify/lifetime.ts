import type { GatheredCookie } from '../types.js';

const DAY = 86_400;

/**
 * The lifetime the site asked for, in seconds; null for a session cookie. Chromium caps what it
 * stores at 400 days, so the cookie jar hides a two-year cookie; the Set-Cookie header or the
 * document.cookie string tells the truth.
 */
export function declaredLifetimeSeconds(cookie: GatheredCookie, now = Date.now() / 1000): number | null {
  const declared = cookie.sources.map((s) => s.declaredLifetime).filter((l): l is number => l !== null && l > 0);
  if (declared.length > 0) return Math.max(...declared);
  return cookie.expires === null ? null : cookie.expires - now;
}

/** The same in whole days. */
export function declaredLifetimeDays(cookie: GatheredCookie, now = Date.now() / 1000): number | null {
  const seconds = declaredLifetimeSeconds(cookie, now);
  return seconds === null ? null : Math.round(seconds / DAY);
}
