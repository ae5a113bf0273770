import { getDomain } from 'tldts';
import type { Party } from '../types.js';

/** The registrable domain ("eTLD+1"), or the host itself for localhost, IPs and bare names. */
export function siteOf(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '').replace(/^\./, '').toLowerCase();
  // Private suffixes on: two *.vercel.app previews are two different sites, as browsers see them.
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

export function partyOf(host: string, siteDomains: readonly string[]): Party {
  return siteDomains.includes(siteOf(host)) ? 'first' : 'third';
}
