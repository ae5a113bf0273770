import type { Page } from 'playwright';
import { errorText } from '../../shared/errors.js';
import { withoutFragment } from '../../shared/url.js';
import type { PolicyLink } from '../../types.js';
import { evaluateInPage } from '../isolated.js';

type Outcome = Pick<PolicyLink, 'status' | 'check' | 'reason'>;

/**
 * Runs in the page (an isolated world, so the page's own fetch wrappers are not ours): the request
 * goes through the browser's network stack, where --host-resolver-rules, proxies, client
 * certificates, the target's headers and the visitor's cookies apply, as they do for a visitor who
 * follows the link. no-cors, because a policy on another site rarely allows CORS: its answer is then
 * opaque, which proves it answered but hides the status.
 */
async function fetchStatus({ url, ms }: { url: string; ms: number }): Promise<Outcome> {
  try {
    const response = await fetch(url, { mode: 'no-cors', credentials: 'include', redirect: 'follow', cache: 'no-store', signal: AbortSignal.timeout(ms) });
    // The status is all we need: the page itself is not downloaded.
    response.body?.cancel().catch(() => undefined);
    return response.type === 'opaque' ? { status: null, check: 'reachable', reason: null } : { status: response.status, check: 'answered', reason: null };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { status: null, check: 'unchecked', reason: timedOut ? `no answer within ${ms / 1000} s` : `the browser's fetch failed (${String(error)}): a network error, or the page's Content-Security-Policy (connect-src) forbids it` };
  }
}

/** The status each policy link answers the browser, asked with the visitor's own cookies, each within `ms`. */
export async function checkPolicyLinks(page: Page, links: { text: string; url: string }[], ms: number): Promise<PolicyLink[]> {
  const unique = [...new Map(links.map((l) => [withoutFragment(l.url), l])).values()].slice(0, 5);
  return Promise.all(
    unique.map(async (link): Promise<PolicyLink> => {
      const outcome = await evaluateInPage(page, fetchStatus, { url: link.url, ms }, ms).catch((error: unknown): Outcome => ({ status: null, check: 'unchecked', reason: errorText(error) }));
      return { text: link.text, url: link.url, status: outcome.status, check: outcome.check, reason: outcome.reason };
    }),
  );
}
