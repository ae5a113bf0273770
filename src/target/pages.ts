import { GateError } from '../errors.js';
import type { Policy } from '../policy/policy.js';

/** URLs given on the command line win; else the policy's target.url with its pages (default "/"). */
export function pageUrls(given: readonly string[], policy: Policy): string[] {
  if (given.length > 0) return [...given];
  const base = policy.target.url;
  if (!base) {
    throw new GateError(
      `No pages to scan. Give URLs (consent-gate scan http://localhost:4173/) or set "target": {"url": …} in ${policy.path ?? 'consent-gate.json'}.`,
    );
  }
  const pages = policy.pages.length > 0 ? policy.pages : ['/'];
  return pages.map((page) => {
    try {
      return new URL(page, base).href;
    } catch {
      throw new GateError(`${policy.path}: /target/url ${JSON.stringify(base)} is not a URL; give a full address such as http://localhost:4173/.`);
    }
  });
}
