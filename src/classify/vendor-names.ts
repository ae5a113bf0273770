// One spelling per vendor. The three sources spell some vendors differently ("YouTube" in ours and in
// third-party-web, "Youtube" in the Open Cookie Database, which also has both "Hubspot" and "HubSpot"),
// and a report listed one vendor twice: its requests under one name, its cookies under the other.
import thirdPartyWeb from 'third-party-web/nostats-subset.js';
import database from './data/open-cookie-database/open-cookie-database.json' with { type: 'json' };
import overrides from './overrides.json' with { type: 'json' };

/** Lower-cased name → the spelling used: ours first, then third-party-web's, then the database's. */
const SPELLING = new Map<string, string>();
for (const name of [...overrides.hosts.map((o) => o.vendor), ...overrides.names.map((o) => o.vendor), ...thirdPartyWeb.entities.map((e) => e.name), ...Object.keys(database)]) {
  if (name && !SPELLING.has(name.toLowerCase())) SPELLING.set(name.toLowerCase(), name);
}

/** The one spelling of a vendor's name, whichever source named it. */
export const vendorSpelling = (name: string): string => SPELLING.get(name.toLowerCase()) ?? name;
