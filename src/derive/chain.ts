import type { ChainLink, ClassifiedScan, GatheredFrame, GatheredRequest } from '../types.js';
import { withoutFragment } from '../shared/url.js';

/** Deeper than any real tag-manager cascade; a bound against initiator cycles. */
const MAX_LINKS = 12;


type Trace = (url: string) => ChainLink[];

const traces = new WeakMap<ClassifiedScan, Trace>();

/**
 * The chain from the scanned page to `url` (a request, a frame or a script), following each request's
 * initiator back: the pixel to the script that sent it, that script to the tag manager that injected
 * it, the tag manager to the page's HTML. Empty when `url` is null (the setter was not observed).
 */
export function chainTo(scan: ClassifiedScan, url: string | null | undefined): ChainLink[] {
  if (!url) return [];
  let trace = traces.get(scan);
  if (!trace) {
    trace = tracer(scan);
    traces.set(scan, trace);
  }
  return trace(url);
}

function tracer(scan: ClassifiedScan): Trace {
  const requests = new Map<string, GatheredRequest>();
  // The first request for a URL is the one that brought it in; later ones are reloads and repeats.
  for (const request of scan.requests) if (!requests.has(withoutFragment(request.url))) requests.set(withoutFragment(request.url), request);
  const frames = new Map<string, GatheredFrame>(scan.frames.map((frame) => [withoutFragment(frame.url), frame]));
  const pageUrls = new Set([withoutFragment(scan.url), withoutFragment(scan.finalUrl)]);
  const isPage = (url: string): boolean => {
    const request = requests.get(withoutFragment(url));
    // A main-frame document is a page too: the reload after a choice, the link followed after it.
    return pageUrls.has(withoutFragment(url)) || (request?.resourceType === 'document' && request.frameUrl === null);
  };

  return (start) => {
    const links: ChainLink[] = [];
    const seen = new Set<string>();
    let current: string | null = start;
    while (current !== null) {
      if (isPage(current)) return [{ url: current, via: 'page', line: null }, ...links];
      if (seen.has(withoutFragment(current)) || links.length >= MAX_LINKS) break;
      seen.add(withoutFragment(current));
      const request = requests.get(withoutFragment(current));
      const initiator = request?.initiator;
      if (initiator?.url && initiator.type !== 'other') {
        links.unshift({ url: current, via: initiator.type, line: initiator.line });
        current = initiator.url;
        continue;
      }
      // Inside an embed whose own process we do not watch: the embed is the next step back.
      const parent: string | null = request?.frameUrl ?? frames.get(withoutFragment(current))?.parentUrl ?? null;
      links.unshift({ url: current, via: parent ? 'frame' : 'unknown', line: null });
      current = parent;
    }
    // The trail is lost: say so between the page and what we do know.
    if (links[0]) links[0] = { ...links[0], via: 'unknown', line: null };
    return [{ url: scan.finalUrl, via: 'page', line: null }, ...links];
  };
}
