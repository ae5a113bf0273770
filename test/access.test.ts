// Credentials written into a URL: out of every URL, into basic auth for the target's origin only.
import { describe, expect, it } from 'vitest';
import { givenSecrets, takeUserinfo, targetAccess, targetOrigin } from '../src/target/access.js';

const basic = (pair: string): string => `Basic ${Buffer.from(pair).toString('base64')}`;

describe('user:password@ in the URLs a run is given', () => {
  it('is taken out of every URL, and sent as basic auth to that origin', () => {
    const given = takeUserinfo({ target: { url: 'http://alice:p%40ss@127.0.0.1:4173/' }, discover: { pages: ['/a', 'http://alice:p%40ss@127.0.0.1:4173/b'] } });
    expect(given.target.url).toBe('http://127.0.0.1:4173/');
    expect(given.discover.pages).toEqual(['/a', 'http://127.0.0.1:4173/b']);
    expect(targetAccess('http://127.0.0.1:4173', { 'x-token': 'LettersOnly' }, given.found)).toEqual({ origin: 'http://127.0.0.1:4173', values: { 'x-token': 'LettersOnly', authorization: basic('alice:p@ss') } });
    // Every form a site could echo: the header whole, its base64 alone, the password; never the user name alone.
    expect(givenSecrets({ 'x-token': 'LettersOnly' }, given.found)).toEqual(['LettersOnly', basic('alice:p@ss'), 'p@ss', Buffer.from('alice:p@ss').toString('base64')]);
  });

  it('leaves an Authorization header the user gave as it is', () => {
    const given = takeUserinfo({ target: { url: 'http://alice:pw@127.0.0.1:4173/' } });
    expect(targetAccess('http://127.0.0.1:4173', { Authorization: 'Bearer t0k' }, given.found)?.values).toEqual({ Authorization: 'Bearer t0k' });
  });

  it('counts the token and password inside an Authorization header the user gave as secrets', () => {
    expect(givenSecrets({ Authorization: basic('preview:opensesame') }, [])).toEqual([basic('preview:opensesame'), Buffer.from('preview:opensesame').toString('base64'), 'opensesame']);
    expect(givenSecrets({ Authorization: 'Bearer t0k3n', 'x-empty': '' }, [])).toEqual(['Bearer t0k3n', 't0k3n']);
  });

  it('is an error for another origin than the target: credentials go nowhere else', () => {
    const given = takeUserinfo({ target: { url: 'http://127.0.0.1:4173/' }, discover: { sitemap: 'https://bob:pw@cdn.example.org/sitemap.xml' } });
    expect(given.discover.sitemap).toBe('https://cdn.example.org/sitemap.xml');
    expect(() => targetAccess('http://127.0.0.1:4173', {}, given.found)).toThrow(
      "https://cdn.example.org/sitemap.xml was given with a user name and password, but the target is http://127.0.0.1:4173: credentials are sent to the target's origin only.",
    );
  });

  it('without a target, headers go to the first page given', () => {
    expect(targetOrigin(null, ['/x', 'https://pr-7.preview.example/a', 'https://other.example/'])).toBe('https://pr-7.preview.example');
    expect(targetOrigin('http://127.0.0.1:4173/about/', [])).toBe('http://127.0.0.1:4173');
    expect(targetOrigin(null, ['/x'])).toBeNull();
  });
});
