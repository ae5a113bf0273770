import { partyOf } from '../classify/party.js';
import { hostOf, withoutFragment } from '../shared/url.js';
import type { Cause, ChainLink, ClassifiedScan, Subject } from '../types.js';

/** A Google Tag Manager container, by the id in its script's (or its noscript frame's) URL. */
const CONTAINER = /[?&]id=(GTM-[A-Z0-9]+)/i;

/** The vendor the visit classified a URL's request as, if it made one. */
function vendorOf(scan: ClassifiedScan, url: string): string | null {
  const wanted = withoutFragment(url);
  return scan.requests.find((r) => withoutFragment(r.url) === wanted)?.class.vendor ?? null;
}

/** The cookie was set by a Set-Cookie header of the response from `url` (not by a script there). */
function setByResponse(scan: ClassifiedScan, subject: Subject, url: string): boolean {
  const wanted = withoutFragment(url);
  return scan.cookies.some((c) => c.name === subject.name && c.domain === subject.host && c.sources.some((s) => s.via === 'set-cookie' && withoutFragment(s.url) === wanted));
}

/**
 * Where the fix for a finding goes (see Cause). Walking back from the subject along its chain, the
 * first step the site controls: a tag-manager container (its contents are the site's, configured
 * elsewhere); a script or response of the site's own; else the tag in the page that started it all.
 * A trail that is lost before any of these points at nothing: null, never a guess.
 */
export function causeOf(scan: ClassifiedScan, subject: Subject, chain: readonly ChainLink[]): Cause | null {
  const page = chain[0];
  if (!page) return null;
  const own = (url: string): boolean => partyOf(hostOf(url), scan.siteDomains) === 'first';
  // A request or frame is the chain's last link itself; a cookie or key was written by its last link.
  const subjectIsLast = subject.kind === 'request' || subject.kind === 'frame';
  for (let i = chain.length - 1; i >= 1; i--) {
    const link = chain[i]!;
    const id = CONTAINER.exec(link.url)?.[1];
    if (id) return { kind: 'container', url: link.url, line: null, id: id.toUpperCase(), vendor: vendorOf(scan, link.url) };
    const isSubject = subjectIsLast && i === chain.length - 1;
    if (!isSubject && own(link.url)) {
      if (subject.kind === 'cookie' && i === chain.length - 1 && setByResponse(scan, subject, link.url)) return { kind: 'server', url: link.url, line: null, id: null, vendor: null };
      return { kind: 'script', url: link.url, line: chain[i + 1]?.line ?? null, id: null, vendor: null };
    }
    if (link.via === 'unknown') return null;
    if (i === 1) return { kind: 'tag', url: link.url, line: link.line, id: null, vendor: vendorOf(scan, link.url) };
  }
  // Written by the page itself: its own response's Set-Cookie, or an inline script in it.
  if (subject.kind !== 'cookie' && subject.kind !== 'storage') return null;
  if (subject.kind === 'cookie' && setByResponse(scan, subject, page.url)) return { kind: 'server', url: page.url, line: null, id: null, vendor: null };
  return { kind: 'tag', url: page.url, line: null, id: null, vendor: null };
}
