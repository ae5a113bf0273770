// Every way a hand-written policy goes wrong gets a message that names the file, the field and the fix.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GateError } from '../src/shared/errors.js';
import { findPolicyFile, loadPolicy } from '../src/policy/load.js';
import { RULES } from '../src/rules/index.js';
import policySchema from '../schema/policy.schema.json' with { type: 'json' };

function policyFile(content: string, name = 'consent-gate.json'): string {
  const folder = mkdtempSync(join(tmpdir(), 'cg-policy-'));
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** The error message loadPolicy gives, with the temp folder taken out. */
function problem(content: string): string {
  const path = policyFile(content);
  try {
    loadPolicy(path);
  } catch (error) {
    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).exitCode).toBe(2);
    return (error as Error).message.replaceAll(path, 'consent-gate.json').replace(/^.*consent-gate\.json/, 'consent-gate.json');
  }
  throw new Error('the policy was accepted');
}

const allow = (entry: object, list = 'cookies'): string => JSON.stringify({ allow: { [list]: [entry] } });

describe('a valid policy', () => {
  it('fills in the defaults and resolves the baseline beside the policy file', () => {
    const path = policyFile('{"$schema": "./node_modules/consent-gate/schema/policy.schema.json"}');
    const policy = loadPolicy(path);
    expect(policy).toMatchObject({ jurisdiction: 'eu', failOn: 'error', pages: [], rules: {} });
    expect(policy.baselinePath).toBe(join(path, '..', 'consent-gate.baseline.json'));
  });

  it('accepts every setting the schema documents', () => {
    const policy = loadPolicy(
      policyFile(
        JSON.stringify({
          target: { url: 'http://localhost:4173/' },
          pages: ['/', '/contact'],
          jurisdiction: 'nl',
          firstPartyDomains: ['gemeente-cdn.nl'],
          allow: {
            cookies: [{ name: '_pk_id.*', domain: 'gemeente.nl', reason: 'Matomo, IP anonymised, no sharing' }],
            storage: [{ name: 'cc_*', reason: 'consent choice' }],
            hosts: [{ host: '*.gemeente-cdn.nl', reason: 'our own CDN' }],
            urls: [{ pattern: 'https://cdn.example.org/widget/*', reason: 'accessibility widget, no storage' }],
          },
          rules: { 'unknown-third-party-before-consent': 'off', 'cookie-lifetime-too-long': 'error' },
          overrides: [{ pages: '/blog/*', rules: { 'social-plugin-before-consent': 'warn' } }],
          consent: { accept: '#accept', reject: '#reject' },
          declaration: { page: '/privacy/', selector: '#cookie-table' },
          baseline: 'ci/baseline.json',
          failOn: 'warn',
        }),
      ),
    );
    expect(policy).toMatchObject({ jurisdiction: 'nl', failOn: 'warn', overrides: [{ pages: '/blog/*' }] });
    expect(policy.allow.cookies).toHaveLength(1);
    expect(policy.declaration).toEqual({ page: '/privacy/', selector: '#cookie-table' });
  });

  it('lists every rule in the schema, so editors complete rule ids', () => {
    expect(Object.keys(policySchema.$defs.rules.properties).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
});

describe('a bad policy: exit code 2 and a message that says what to fix', () => {
  it.each([
    ['an empty file', '', 'consent-gate.json: the file is empty. A minimal policy is {}'],
    ['not JSON', 'jurisdiction: nl', 'consent-gate.json:1:1: not valid JSON'],
    ['a JSON syntax error, with line and column', '{\n  "jurisdiction": "nl",\n  "failOn": "warn"\n  "pages": []\n}', 'consent-gate.json:4:3: not valid JSON'],
    ['a wrong type', '{"pages": "/"}', '/pages: expected array, got string.'],
    ['a misspelt key', '{"jurisdicton": "nl"}', '/jurisdicton: unknown key. Did you mean "jurisdiction"?'],
    ['an unknown jurisdiction', '{"jurisdiction": "de"}', '/jurisdiction: "de" is not one of eu, nl, be, nl-government.'],
    ['a misspelt jurisdiction', '{"jurisdiction": "nl-govrnment"}', 'Did you mean "nl-government"?'],
    ['an unknown rule id', '{"rules": {"tracking-cookie-before-consen": "off"}}', '/rules/tracking-cookie-before-consen: unknown rule id. Did you mean "tracking-cookie-before-consent"?'],
    ['a bad severity', '{"rules": {"cookie-lifetime-too-long": "warning"}}', '/rules/cookie-lifetime-too-long: "warning" is not one of off, warn, error. Did you mean "warn"?'],
    ['scan-error switched off', '{"rules": {"scan-error": "off"}}', '/rules/scan-error: cannot be "off": a page that could not be scanned never passes.'],
    ['an allow entry without a reason', allow({ name: '_ga' }), '/allow/cookies/0: missing "reason": every allow entry must say why'],
    ['an empty reason', allow({ name: '_ga', reason: '' }), '/allow/cookies/0/reason: must not be empty: say why this is allowed.'],
    ['a pattern that matches every cookie', allow({ name: '*', reason: 'everything' }), '/allow/cookies/0/name: "*" matches every name'],
    ['a cookie name with a space', allow({ name: 'my cookie', reason: 'x x x' }), 'contains a character no cookie or storage name has'],
    ['a URL where a host belongs', allow({ host: 'https://cdn.example.org/x.js', reason: 'our cdn' }, 'hosts'), 'is a URL, not a host. Did you mean "cdn.example.org"?'],
    ['a wildcard inside a host', allow({ host: 'cdn.*.org', reason: 'our cdn' }, 'hosts'), 'may only use * as a leading "*."'],
    ['a URL pattern with a query', allow({ pattern: 'https://x.org/a.js?v=1', reason: 'needed' }, 'urls'), 'has a query string; query strings are never matched'],
    ['a URL pattern without a scheme', allow({ pattern: 'x.org/a.js', reason: 'needed' }, 'urls'), 'must start with http:// or https://'],
    ['duplicate allow entries', JSON.stringify({ allow: { cookies: [{ name: '_ga', reason: 'aaa' }, { name: '_ga', reason: 'bbb' }] } }), '/allow/cookies/1: duplicate of /allow/cookies/0; remove one.'],
    ['an override pattern that is not a path', '{"overrides": [{"pages": "blog/*"}]}', '/overrides/0/pages: "blog/*" must be a path pattern starting with "/"'],
    ['a bad first-party domain', '{"firstPartyDomains": ["https://example.org"]}', '/firstPartyDomains/0: "https://example.org" is not a plain domain name'],
    ['a top-level array', '[]', '/: expected object, got array.'],
    ['a declaration page that is neither a path nor a URL', '{"declaration": {"page": "cookies"}}', '/declaration/page: "cookies" must be a path on the site starting with "/" (e.g. "/cookies/") or an http(s) URL.'],
    ['a misspelt declaration key', '{"declaration": {"selecter": "#cookies"}}', '/declaration/selecter: unknown key. Did you mean "selector"?'],
    ['an empty declaration', '{"declaration": {}}', '/declaration: an empty object says nothing: name what it needs, or leave it out.'],
  ])('%s', (_name, content, expected) => {
    expect(problem(content)).toContain(expected);
  });

  it('a baseline path that is a folder', () => {
    const path = policyFile('{"baseline": "ci"}');
    mkdirSync(join(path, '..', 'ci'));
    expect(() => loadPolicy(path)).toThrow('/baseline: ci is a folder; give a file path such as consent-gate.baseline.json.');
  });

  it('lists several problems at once', () => {
    const message = problem('{"jurisdiction": "de", "failOn": "never", "pages": 3}');
    expect(message.split('\n').filter((line) => line.startsWith('  /'))).toHaveLength(3);
  });
});

describe('finding the policy file', () => {
  it('uses consent-gate.json, else .consent-gate.json, and refuses to guess between both', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cg-find-'));
    expect(findPolicyFile(folder)).toBeNull();
    writeFileSync(join(folder, '.consent-gate.json'), '{}');
    expect(findPolicyFile(folder)).toBe(join(folder, '.consent-gate.json'));
    writeFileSync(join(folder, 'consent-gate.json'), '{}');
    expect(() => findPolicyFile(folder)).toThrow('Both consent-gate.json and .consent-gate.json exist');
    expect(findPolicyFile(folder, '.consent-gate.json')).toBe(join(folder, '.consent-gate.json'));
  });

  it('says so when --config names a missing file', () => {
    expect(() => findPolicyFile(tmpdir(), 'nope.json')).toThrow('--config nope.json: no such file.');
  });
});
