// The subset without HTTP Archive statistics: the same entities at a quarter of the size.
import thirdPartyWeb from 'third-party-web/nostats-subset.js';
import thirdPartyWebPackage from 'third-party-web/package.json' with { type: 'json' };
import type { Category } from '../types.js';
import overrides from './overrides.json' with { type: 'json' };
import { vendorSpelling } from './vendor-names.js';

export const THIRD_PARTY_WEB_VERSION: string = thirdPartyWebPackage.version;

export interface HostMatch {
  vendor: string | null;
  category: Category;
  plugin: boolean;
  source: 'override' | 'third-party-web';
}

/** third-party-web's categories mapped onto consent purposes. */
const CATEGORY: Record<string, { category: Category; plugin: boolean }> = {
  ad: { category: 'marketing', plugin: false },
  marketing: { category: 'marketing', plugin: false },
  analytics: { category: 'analytics', plugin: false },
  social: { category: 'social', plugin: true },
  video: { category: 'marketing', plugin: true },
  // Infrastructure a site needs to work: fonts, libraries, hosting, the consent manager itself.
  cdn: { category: 'necessary', plugin: false },
  hosting: { category: 'necessary', plugin: false },
  utility: { category: 'necessary', plugin: false },
  'consent-provider': { category: 'necessary', plugin: false },
};

interface HostOverride {
  host: string;
  path: string;
  vendor: string | null;
  category: Category;
  plugin: boolean;
}

const HOST_OVERRIDES: HostOverride[] = overrides.hosts
  .map((entry) => {
    const slash = entry.match.indexOf('/');
    return {
      host: slash < 0 ? entry.match : entry.match.slice(0, slash),
      path: slash < 0 ? '' : entry.match.slice(slash),
      vendor: entry.vendor,
      category: entry.category as Category,
      plugin: entry.plugin ?? false,
    };
  })
  // Most specific first, so the first hit is the longest match.
  .sort((a, b) => b.host.length + b.path.length - (a.host.length + a.path.length));

function pathMatches(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** Vendor and purpose of a third-party URL, or null when no data knows it. */
export function classifyUrl(url: string): HostMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname;
  const override = HOST_OVERRIDES.find(
    (o) => (host === o.host || host.endsWith(`.${o.host}`)) && pathMatches(parsed.pathname, o.path),
  );
  if (override) return { vendor: override.vendor, category: override.category, plugin: override.plugin, source: 'override' };
  const entity = thirdPartyWeb.getEntity(url);
  if (!entity) return null;
  const mapped = CATEGORY[entity.category];
  return {
    vendor: vendorSpelling(entity.name),
    category: mapped?.category ?? 'unknown',
    plugin: mapped?.plugin ?? false,
    source: 'third-party-web',
  };
}
