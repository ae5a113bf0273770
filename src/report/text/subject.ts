import { pageLabel } from '../../shared/url.js';
import type { Finding } from '../../types.js';

/** A subject in a few words: what a person searches the code base for. */
export function subjectLabel(finding: Pick<Finding, 'subject'>): string {
  const { kind, name, host, storage, url } = finding.subject;
  switch (kind) {
    case 'cookie':
      return `cookie ${name}`;
    case 'storage':
      return `${storage} ${name}`;
    case 'request':
    case 'frame':
      return `${kind} ${host}`;
    case 'page':
      // A fact about the page ("cookie policy link"), else the page by path: a preview's host and port change from run to run.
      return name ?? (url ? pageLabel(url) : 'page');
    case 'banner':
      return `banner ${name ?? ''}`.trim();
  }
}
