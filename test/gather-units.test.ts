import { describe, expect, it } from 'vitest';
import { defaultCookiePath, isDeletion, parseCookieString, splitSetCookie } from '../src/gather/cookie-string.js';
import { secretRedactor, urlRedactor } from '../src/gather/redact.js';
import { fingerprint } from '../src/rules/run.js';

const redactUrl = (url: string, secrets: string[]): string => urlRedactor(secrets)(url);

describe('cookie strings', () => {
  const now = Date.UTC(2026, 0, 1);

  it('reads name, value, domain and the lifetime asked for', () => {
    expect(parseCookieString('_ga=GA1.1.1.2; Max-Age=63072000; Domain=.example.com; Path=/', now)).toEqual({
      name: '_ga',
      value: 'GA1.1.1.2',
      domain: 'example.com',
      path: '/',
      lifetime: 63072000,
    });
  });

  it('tells a deletion (Max-Age 0 or less, an expiry in the past) from a write, whatever else the line says', () => {
    const deletions = ['_ga=; Max-Age=0; Path=/', '_ga=x; Max-Age=-1', '_ga=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Domain=example.be', '_ga=GA1.1.1.2; Expires=Wed, 31 Dec 2025 23:59:59 GMT'];
    for (const line of deletions) expect(isDeletion(parseCookieString(line, now)!), line).toBe(true);
    for (const line of ['_ga=GA1.1.1.2; Max-Age=63072000', 'sid=abc', '_ga=; Expires=Fri, 01 Jan 2027 00:00:00 GMT']) expect(isDeletion(parseCookieString(line, now)!), line).toBe(false);
  });

  it("reads the Path attribute, and gives a cookie written without one the writer's directory (RFC 6265 5.1.4)", () => {
    expect(parseCookieString('a=1; path=/nl', now)!.path).toBe('/nl');
    expect(parseCookieString('a=1; path=nl', now)!.path).toBeNull();
    expect(defaultCookiePath('https://example.be/nl/news/item.html?x=1')).toBe('/nl/news');
    expect(defaultCookiePath('https://example.be/index.html')).toBe('/');
    expect(defaultCookiePath('https://example.be')).toBe('/');
    expect(defaultCookiePath('about:blank')).toBe('/');
  });

  it('prefers Max-Age over Expires, and reads Expires relative to now', () => {
    expect(parseCookieString('a=1; Expires=Fri, 01 Jan 2027 00:00:00 GMT; Max-Age=60', now)!.lifetime).toBe(60);
    expect(parseCookieString('a=1; Expires=Fri, 01 Jan 2027 00:00:00 GMT', now)!.lifetime).toBe(365 * 86400);
  });

  it('treats a cookie without lifetime as a session cookie and skips nameless ones', () => {
    expect(parseCookieString('sid=abc; HttpOnly', now)!.lifetime).toBeNull();
    expect(parseCookieString('justavalue', now)).toBeNull();
  });

  it('splits raw Set-Cookie headers joined by newlines', () => {
    expect(splitSetCookie('a=1; Path=/\nb=2')).toEqual(['a=1; Path=/', 'b=2']);
  });
});

describe('URL redaction', () => {
  it('hides identifier-like query values and echoed cookie values, keeps the keys', () => {
    expect(redactUrl('https://t.example/collect?v=2&cid=1234567890.1700000000&en=page_view', [])).toBe(
      'https://t.example/collect?v=2&cid=<redacted>&en=page_view',
    );
    expect(redactUrl('https://t.example/tr?fbp=abcdefgh&ev=x', ['abcdefgh'])).toBe('https://t.example/tr?fbp=<redacted>&ev=x');
    expect(redactUrl('https://t.example/plain.js', ['abcdefgh'])).toBe('https://t.example/plain.js');
  });

  it("keeps Consent Mode's gcd, a consent state rather than an identifier, unless it is a secret", () => {
    expect(redactUrl('https://t.example/g/collect?gcs=G100&gcd=13p3p3p3p5&cid=1234567890.1', [])).toBe('https://t.example/g/collect?gcs=G100&gcd=13p3p3p3p5&cid=<redacted>');
    expect(redactUrl('https://t.example/g/collect?gcd=13p3p3p3p5', ['13p3p3p3p5'])).toBe('https://t.example/g/collect?gcd=<redacted>');
  });

  it('hides a secret wherever it stands in the URL, and never shows user:password@', () => {
    expect(redactUrl('https://t.example/px/abcdefgh.gif?ev=x', ['abcdefgh'])).toBe('https://t.example/px/<redacted>.gif?ev=x');
    expect(redactUrl('https://alice:pw@t.example/a', [])).toBe('https://t.example/a');
    // Percent-encoded in a path, decoded in a query: both forms are found.
    expect(redactUrl('https://t.example/a%20b%2Fc/x?q=a%20b/c', ['a b/c'])).toBe('https://t.example/<redacted>/x?q=<redacted>');
  });
});

describe('redacting values the user gave', () => {
  it('replaces each exactly, whatever it looks like, the longest first', () => {
    const redact = secretRedactor(['LettersOnlyToken', 'Letters', '']);
    expect(redact('→ redirected to /landed?bypass=LettersOnlyToken and Letters')).toBe('→ redirected to /landed?bypass=<redacted> and <redacted>');
    expect(redact('nothing secret here')).toBe('nothing secret here');
  });
});

describe('fingerprints', () => {
  const cookie = (host: string, party: 'first' | 'third') => ({ subject: { kind: 'cookie' as const, name: '_ga', host }, party });

  it('are the same for the same first-party cookie on two preview hosts', () => {
    expect(fingerprint('r', cookie('pr-1.preview.example', 'first'), 'initial')).toBe(fingerprint('r', cookie('pr-2.other.example', 'first'), 'initial'));
  });

  it('differ by rule, phase and third-party host', () => {
    const base = fingerprint('r', cookie('a.example', 'third'), 'initial');
    expect(fingerprint('s', cookie('a.example', 'third'), 'initial')).not.toBe(base);
    expect(fingerprint('r', cookie('a.example', 'third'), 'after-reject')).not.toBe(base);
    expect(fingerprint('r', cookie('b.example', 'third'), 'initial')).not.toBe(base);
  });
});
