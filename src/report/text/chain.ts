import type { ChainLink, Finding } from '../../types.js';
import { subjectLabel } from './subject.js';
import { EN } from '../words/en.js';
import type { Words } from '../words/index.js';

/**
 * The site's own files by path, others by host and path; a short query is kept, since
 * `gtm.js?id=GTM-XXXX` names the container to look in.
 */
function shortUrl(link: ChainLink, site: string): string {
  let url: URL;
  try {
    url = new URL(link.url);
  } catch {
    return link.url;
  }
  const base = url.origin === site ? url.pathname : `${url.host}${url.pathname}`;
  if (link.via === 'page') return base;
  return url.search.length > 1 && url.search.length <= 24 ? base + url.search : base;
}

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

/** What the chain ends in: the cookie or key itself, or nothing when the last link is the subject. */
function tail(finding: Finding): string[] {
  return finding.subject.kind === 'cookie' || finding.subject.kind === 'storage' ? [subjectLabel(finding)] : [];
}

/**
 * `/index.html → www.googletagmanager.com/gtm.js?id=GTM-XXXX → connect.facebook.net/en_US/fbevents.js → cookie _fbp`;
 * null when there is no chain or it says no more than the evidence (the page loaded the thing itself).
 */
export function shortChain(finding: Finding): string | null {
  const { chain } = finding;
  if (chain.length < 2 || (chain.length === 2 && chain[1]!.via !== 'unknown')) return null;
  const site = originOf(chain[0]!.url);
  const steps = chain.map((link) => (link.via === 'unknown' ? `… → ${shortUrl(link, site)}` : shortUrl(link, site)));
  return [...steps, ...tail(finding)].join(' → ').replace(/ → … → /g, ' … → ');
}

/** Each step in words, for readers who want the whole trail (HTML, JUnit). */
export function chainSteps(finding: Finding, words: Words = EN): { url: string; how: string }[] {
  const said = words.html;
  const steps = finding.chain.map((link, i) => {
    const before = finding.chain[i - 1];
    const where = before?.via === 'page' ? 'page' : link.via === 'html' ? 'document' : 'script';
    const at = link.line !== null && before ? said.chainAt(link.line, where) : '';
    return { url: link.url, how: `${said.chain[link.via]}${at}` };
  });
  return [...steps, ...tail(finding).map((label) => ({ url: label, how: finding.subject.kind === 'cookie' ? said.setByAbove : said.writtenByAbove }))];
}
