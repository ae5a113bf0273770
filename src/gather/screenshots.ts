import type { Page } from 'playwright';
import type { Screenshots } from '../types.js';
import type { Banner } from './consent/banner.js';

// Small JPEGs: an HTML report of a hundred pages must still open quickly in a mail attachment.
const SHOT = { type: 'jpeg', quality: 60, timeout: 5_000, animations: 'disabled', caret: 'hide' } as const;

const dataUrl = (image: Buffer): string => `data:image/jpeg;base64,${image.toString('base64')}`;

/**
 * What the visitor saw before choosing, and the banner up close. A picture that cannot be taken is
 * left out (null): it is evidence for a reader, not a fact the rules judge.
 */
export async function takeScreenshots(page: Page, banner: Banner | null): Promise<Screenshots> {
  const screen = await page.screenshot(SHOT).then(dataUrl, () => null);
  const notice = banner ? await banner.frame.locator('[data-consent-gate-banner]').first().screenshot(SHOT).then(dataUrl, () => null) : null;
  return { page: screen, banner: notice };
}
