import type { Classification, ClassifiedScan, Party, PhaseScan } from '../types.js';
import { classifyUrl } from './hosts.js';
import { classifyName } from './names.js';
import { partyOf, siteOf } from './party.js';
import { classifyByWriter, type Writer } from './writer.js';
import { hostOf } from '../shared/url.js';

export { THIRD_PARTY_WEB_VERSION } from './hosts.js';
export { OPEN_COOKIE_DATABASE_VERSION } from './names.js';
export { siteOf } from './party.js';

export interface ClassifyOptions {
  /** Registrable domains the site owner declares as its own (a CDN host, an apex/www split). */
  firstPartyDomains?: readonly string[];
}

function urlClass(url: string, siteDomains: readonly string[]): Classification {
  const party = partyOf(hostOf(url), siteDomains);
  // The site's own requests are the site; its self-hosted trackers are found by their storage.
  if (party === 'first') return { category: 'unknown', vendor: null, party, plugin: false, source: 'site' };
  const match = classifyUrl(url);
  if (!match) return { category: 'unknown', vendor: null, party, plugin: false, source: 'none' };
  return { ...match, party };
}

/** Names first (they say what a cookie is for); for unknown third-party names, who set it. */
function nameClass(name: string, host: string, siteDomains: readonly string[]): Classification {
  const party: Party = partyOf(host, siteDomains);
  const match = classifyName(name, host, party);
  if (match) return { ...match, party, plugin: false };
  if (party === 'third') {
    const byHost = classifyUrl(`https://${host}/`);
    if (byHost) return { ...byHost, party, plugin: false };
  }
  return { category: 'unknown', vendor: null, party, plugin: false, source: 'none' };
}

export function classifyScan(scan: PhaseScan, options: ClassifyOptions = {}): ClassifiedScan {
  const siteDomains = [...new Set([siteOf(hostOf(scan.finalUrl)), siteOf(hostOf(scan.url)), ...(options.firstPartyDomains ?? []).map(siteOf)])];
  const writer = (url: string): Writer => ({ url, class: urlClass(url, siteDomains) });
  return {
    ...scan,
    siteDomains,
    cookies: scan.cookies.map((c) => ({ ...c, class: classifyByWriter(nameClass(c.name, c.domain, siteDomains), c.sources.map((source) => writer(source.url))) })),
    // Storage belongs to the frame that holds it: a third-party frame's origin wrote it, whichever script did.
    storage: scan.storage.map((s) => ({
      ...s,
      class: classifyByWriter(nameClass(s.key, hostOf(s.origin), siteDomains), [...s.writtenBy, s.origin].map(writer)),
    })),
    requests: scan.requests.map((r) => ({ ...r, class: urlClass(r.url, siteDomains) })),
    frames: scan.frames.map((f) => ({ ...f, class: urlClass(f.url, siteDomains) })),
    fingerprinting: scan.fingerprinting.map((f) => ({ ...f, class: urlClass(f.script, siteDomains) })),
    identifiers: scan.identifiers.map((i) => ({ ...i, class: urlClass(i.requestUrl, siteDomains), holderParty: partyOf(i.holder, siteDomains) })),
  };
}
