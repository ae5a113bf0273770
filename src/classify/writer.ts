import type { Category, Classification } from '../types.js';

/**
 * "Weaker" is lower in this order of how much a purpose asks of the visitor: unknown says nothing;
 * necessary storage is exempt by law (ePrivacy 5(3)); preferences (a language, a layout) are exempt as
 * a function the visitor asked for (WP29 Opinion 04/2012, "user-interface customisation"), a narrower
 * claim than a technical need; analytics, marketing and social all need consent. Those three share the
 * top: among them the name is the better witness (a marketing vendor's analytics cookie is analytics,
 * which the nl preset treats apart), so a writer never moves one tracking purpose to another.
 */
const WEIGHT: Readonly<Record<Category, number>> = { unknown: 0, necessary: 1, preferences: 2, analytics: 3, marketing: 3, social: 3 };
const TOP = 3;

const weaker = (a: Category, b: Category): boolean => WEIGHT[a] < WEIGHT[b];

/** A script or response that wrote a cookie or storage key (or the frame that owns the storage), as its host data classifies it. */
export interface Writer {
  url: string;
  class: Classification;
}

/**
 * A name entry weaker than the vendor that wrote it takes that vendor's purpose: LinkedIn Insight's
 * first-party `li_fat_id` is "functional" by name, but LinkedIn's tag wrote it to follow the visitor for
 * ads. Only writers whose purpose needs consent count: a CDN or hosting host says where a script lives,
 * not what it does. First-party writers are classified as the site (unknown), so a language cookie the
 * site's own script writes keeps its name's purpose. A reviewed override in overrides.json that names a
 * purpose was decided for that name and still wins; one that says "unknown" only takes back upstream's guess.
 */
export function classifyByWriter(byName: Classification, writers: readonly Writer[]): Classification {
  if (byName.source === 'override' && byName.category !== 'unknown') return byName;
  const writer = writers.find((w) => WEIGHT[w.class.category] === TOP);
  if (!writer || !weaker(byName.category, writer.class.category)) return byName;
  const { category, vendor, source } = writer.class;
  return { ...byName, category, vendor, source, writer: { url: writer.url, nameCategory: byName.category } };
}
