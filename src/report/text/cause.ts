import { hostOf, pageLabel, urlPath } from '../../shared/url.js';
import type { ChainLink, GateResult } from '../../types.js';
import type { Words } from '../words/index.js';
import type { CauseGroup } from './group.js';
import { repoPath } from './location.js';

/** A page as the site's code names it: the file --static served it from, else its path. */
function pageFile(gate: GateResult, page: string): string {
  return repoPath(gate.target.files[page]) ?? pageLabel(page);
}

/** A card's title: where the fix goes, in words ("The Google Analytics tag in index.html, line 8"). */
export function causeTitle(group: CauseGroup, gate: GateResult, words: Words): string {
  const said = words.cause;
  const { cause } = group;
  if (cause) {
    switch (cause.kind) {
      case 'tag':
        return said.tag(cause.vendor, pageFile(gate, group.findings[0]!.page), cause.line, group.pages.length - 1);
      case 'container':
        return said.container(cause.vendor, cause.id ?? '');
      case 'script':
        return said.script(urlPath(cause.url));
      case 'server':
        return said.server(hostOf(cause.url));
    }
  }
  if (group.kind === 'banner') return said.banner(group.label !== null);
  if (group.kind === 'page') return said.page(pageLabel(group.label ?? ''));
  return said.vendor(group.label);
}

const sameStep = (a: ChainLink, b: ChainLink): boolean => a.url === b.url && a.via === b.via;

/**
 * The steps from the page that every finding of a card shares (the page, the tag, the container):
 * its chain, said once. Pages differ in their first step only, so that one is the first finding's.
 * Empty when they share nothing beyond the page.
 */
export function sharedChain(group: CauseGroup): ChainLink[] {
  const first = group.findings[0]?.chain ?? [];
  let shared = first.length;
  for (const { chain } of group.findings) {
    let i = 1;
    while (i < shared && i < chain.length && sameStep(chain[i]!, first[i]!)) i++;
    shared = Math.min(shared, i);
  }
  return shared >= 2 ? first.slice(0, shared) : [];
}
