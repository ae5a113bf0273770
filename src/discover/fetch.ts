import { headersFor, type TargetHeaders } from '../shared/origin-headers.js';
import { errorText } from '../shared/errors.js';
import type { Network, Response } from '../shared/network.js';

/** What a browser follows at most; a longer chain is a loop. */
const MAX_REDIRECTS = 10;
const FETCH_TIMEOUT_MS = 10_000;

/** A 2xx answer and the URL it came from, or why there was none ("HTTP 404", "getaddrinfo ENOTFOUND …"). */
export type Fetched = { response: Response; url: string } | { failure: string };

/** The network's own words for a failed fetch: undici puts them in the cause. */
function why(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  return errorText(cause ?? error);
}

/**
 * A GET that follows redirects itself, so the user's headers are decided per hop: fetch() would copy
 * them to whatever host a redirect names. It goes where the browser's requests go (`network`). The
 * time limit covers reading the body too.
 */
export async function fetchFollowing(url: string, headers: TargetHeaders | undefined, network: Network, timeoutMs = FETCH_TIMEOUT_MS): Promise<Fetched> {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await network.fetch(current, { headers: headersFor(current, headers), redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        // Resolved against the hop that answered, so "//other.host/x" is judged as the host it names.
        current = new URL(location, current).href;
        continue;
      }
      if (response.ok) return { response, url: current };
      await response.body?.cancel();
      return { failure: `HTTP ${response.status}` };
    }
    return { failure: `more than ${MAX_REDIRECTS} redirects` };
  } catch (error) {
    return { failure: why(error) };
  }
}

/** The body of a 2xx answer as text, with its content type and the URL it came from, or why there was none. */
export async function fetchText(url: string, headers: TargetHeaders | undefined, network: Network): Promise<{ text: string; type: string; url: string } | { failure: string }> {
  const fetched = await fetchFollowing(url, headers, network);
  if ('failure' in fetched) return fetched;
  try {
    return { text: await fetched.response.text(), type: fetched.response.headers.get('content-type') ?? '', url: fetched.url };
  } catch (error) {
    return { failure: why(error) };
  }
}
