import { createHash } from 'node:crypto';
import type { Page } from 'playwright';
import { listStorage } from '../hooks.js';
import { evaluateIsolated, frameTargets } from '../isolated.js';

/**
 * What the site keeps on the visitor's device right now, as one digest: the cookie jar and every
 * frame's web storage, values included (hashed, never kept). A consent manager that stored the
 * visitor's choice changed it; one whose window only switched its toggles did not.
 */
export async function storedState(page: Page, scanMs: number): Promise<string> {
  const cookies = (await page.context().cookies()).map((c) => ['cookie', c.name, c.domain, c.path, c.value].join('\u0000'));
  const listings = await Promise.all((await frameTargets(page).catch(() => [])).map((target) => evaluateIsolated(target, listStorage, undefined, scanMs).catch(() => null)));
  const storage = listings.flatMap((listing) =>
    listing ? (['local', 'session'] as const).flatMap((area) => listing[area].map(([key, value]) => [area, listing.origin, key, value].join('\u0000'))) : [],
  );
  return createHash('sha256').update([...cookies, ...storage].sort().join('\n')).digest('hex');
}
