import { headersFor, type TargetHeaders } from '../shared/origin-headers.js';

/** What a browser follows at most; a longer chain is a loop. */
const MAX_REDIRECTS = 10;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * A GET that follows redirects itself, so the user's headers are decided per hop: fetch() would copy
 * them to whatever host a redirect names. Null when the chain does not end in a 2xx answer. The time
 * limit covers reading the body too.
 */
export async function fetchFollowing(
  url: string,
  headers: TargetHeaders | undefined,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<{ response: Response; url: string } | null> {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await fetch(current, { headers: headersFor(current, headers), redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        // Resolved against the hop that answered, so "//other.host/x" is judged as the host it names.
        current = new URL(location, current).href;
        continue;
      }
      if (response.ok) return { response, url: current };
      await response.body?.cancel();
      return null;
    }
    return null;
  } catch {
    return null;
  }
}

/** The body of a 2xx answer as text, with its content type and the URL it came from. */
export async function fetchText(url: string, headers: TargetHeaders | undefined): Promise<{ text: string; type: string; url: string } | null> {
  const fetched = await fetchFollowing(url, headers);
  if (!fetched) return null;
  try {
    return { text: await fetched.response.text(), type: fetched.response.headers.get('content-type') ?? '', url: fetched.url };
  } catch {
    return null;
  }
}
