import type { Rule } from './rule.js';

export const scanError: Rule = {
  id: 'scan-error',
  title: 'Page could not be scanned',
  description: 'The page could not be loaded or observed, so nothing can be said about its consent behaviour. The gate never passes a page it could not look at.',
  legalBasis: 'Fail closed: a compliance check that did not run is not a pass.',
  plainWords: 'The page could not be checked. Nothing is known about it, so the check does not pass it.',
  defaultSeverity: 'error',
  allowable: false,
  phases: ['initial', 'after-scroll', 'after-reject', 'after-accept'],
  check: (scan) =>
    scan.error === null
      ? []
      : [
          {
            subject: { kind: 'page', url: scan.url },
            category: 'unknown',
            vendor: null,
            party: null,
            message: `could not scan ${scan.url}: ${scan.error}`,
            evidence: [scan.error],
            chain: [],
          },
        ],
};
