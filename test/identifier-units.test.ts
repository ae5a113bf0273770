// The identifier heuristic and matcher, without a browser: which stored values count as identifiers,
// and where in a request a copy of one is found.
import { describe, expect, it } from 'vitest';
import { encodingsOf, identifiersIn, looksLikeIdentifier, matchIdentifiers, type HeldValue, type SentRequest } from '../src/gather/identifiers.js';

describe('looksLikeIdentifier', () => {
  it.each([
    ['a UUID', '3f2b8c1e-9d4a-4e7b-a1c2-5f6e7d8c9b0a'],
    ['a CRM id', 'CRM-48213-XQ7'],
    ['a GA client id', '1797905125.1700000000'],
    ['a Meta browser id', 'fb.1.1700000000000.1234567890'],
    ['a random base64 token', 'Zx81kLmQ0pRt55vW'],
    ['a long random number', '48291736501937'],
  ])('takes %s', (_, value) => {
    expect(looksLikeIdentifier(value)).toBe(true);
  });

  it.each([
    ['a language code', 'nl'],
    ['a JSON boolean', 'true'],
    ['a consent state', 'granted'],
    ['an enum list', 'necessary,analytics,marketing'],
    ['a timestamp in seconds', '1700000000'],
    ['a timestamp in milliseconds', '1700000000123'],
    ['a date', '2026-11-30T10:00:00Z'],
    ['a compact date', '20261130'],
    ['a repetition', '0000000000'],
    ['a low-entropy value', 'aaaaaaa1'],
    ['a URL', 'https://example.org/page?id=42'],
    ['a path', '/products/4711'],
    ['a Google tag id', 'G-TEST4242'],
    ['text with spaces', 'hello world 2026 edition'],
    ['a short number', '4711'],
  ])('leaves %s alone', (_, value) => {
    expect(looksLikeIdentifier(value)).toBe(false);
  });
});

describe('identifiersIn', () => {
  it("finds a GA client id without _ga's version prefix, and not the bare timestamp", () => {
    expect(identifiersIn('GA1.1.1797905125.1700000000')).toEqual(['GA1.1.1797905125.1700000000', '1.1797905125.1700000000', '1797905125.1700000000']);
  });

  it('finds ids in a JSON value, URL-encoded or not, and not its flags', () => {
    const state = JSON.stringify({ user: { id: 'u-93a8f0c2d1' }, consent: true, lang: 'nl', at: 1700000000 });
    expect(identifiersIn(state)).toEqual(['u-93a8f0c2d1']);
    expect(identifiersIn(encodeURIComponent(state))).toEqual(['u-93a8f0c2d1']);
  });

  it('finds nothing in values every visitor shares', () => {
    expect(['nl', 'true', '1700000000', '{"analytics":false}', 'necessary,analytics'].flatMap(identifiersIn)).toEqual([]);
  });
});

describe('encodingsOf', () => {
  it('spells an id as written, percent-encoded and base64 (standard and URL-safe, unpadded)', () => {
    expect(encodingsOf('a+b/c?d=e1234')).toEqual(['a+b/c?d=e1234', 'a%2Bb%2Fc%3Fd%3De1234', 'YStiL2M/ZD1lMTIzNA', 'YStiL2M_ZD1lMTIzNA']);
  });
});

describe('matchIdentifiers', () => {
  const crm: HeldValue = { source: 'cookie', name: 'crm_id', holder: 'shop.example', value: 'CRM-48213-XQ7' };
  const ga: HeldValue = { source: 'cookie', name: '_ga', holder: 'shop.example', value: 'GA1.1.1797905125.1700000000' };
  const lang: HeldValue = { source: 'cookie', name: 'lang', holder: 'shop.example', value: 'nl' };
  const visitor: HeldValue = { source: 'localStorage', name: 'visitor', holder: 'www.shop.example', value: '{"id":"v-7f3e9a1b2c"}' };
  const request = (url: string, body: string | null = null, headers: [string, string][] = []): SentRequest => ({ url, body, headers });
  const found = (held: HeldValue[], requests: SentRequest[]) => matchIdentifiers(held, requests).map((m) => [m.held.name, m.request, m.where]);

  it('finds each id where it went: query, path, body (JSON, base64), header, Cookie header', () => {
    const requests = [
      request('https://px.ads.example/i.gif?cid=1797905125.1700000000&lang=nl'),
      request(`https://px.ads.example/u/${encodeURIComponent('CRM-48213-XQ7')}.gif`),
      request('https://px.ads.example/b', JSON.stringify({ crm: 'CRM-48213-XQ7' })),
      request('https://px.ads.example/b64', `uid=${Buffer.from('v-7f3e9a1b2c').toString('base64').replace(/=+$/, '')}`),
      request('https://px.ads.example/k', null, [['x-client-id', 'CRM-48213-XQ7']]),
      request('https://px.ads.example/s', null, [['cookie', 'sync=1797905125.1700000000']]),
    ];
    expect(found([crm, ga, lang, visitor], requests)).toEqual([
      ['_ga', 0, 'query'],
      ['crm_id', 1, 'path'],
      ['crm_id', 2, 'body'],
      ['visitor', 3, 'body'],
      ['crm_id', 4, 'header'],
      ['_ga', 5, 'cookie'],
    ]);
  });

  it('does not count a value going to the host that holds it, or to a host its cookie domain covers', () => {
    const requests = [
      request('https://shop.example/api?crm=CRM-48213-XQ7'),
      request('https://www.shop.example/api', null, [['cookie', 'crm_id=CRM-48213-XQ7']]),
      request('https://www.shop.example/save', '{"id":"v-7f3e9a1b2c"}'),
    ];
    expect(found([crm, visitor], requests)).toEqual([]);
  });

  it('does not count a short value or a request without ids', () => {
    expect(found([lang, crm], [request('https://px.ads.example/i.gif?lang=nl&ev=PageView')])).toEqual([]);
  });
});
