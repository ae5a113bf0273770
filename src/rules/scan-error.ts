import type { Rule } from './rule.js';

export const scanError: Rule = {
  meta: {
    id: 'scan-error',
    title: 'Page could not be scanned',
    description: 'The page could not be loaded or observed, so nothing can be said about its consent behaviour. The gate never passes a page it could not look at.',
    legalBasis: 'Fail closed: a compliance check that did not run is not a pass.',
    plainWords: 'The page could not be checked. Nothing is known about it, so the check does not pass it.',
    translations: {
      nl: {
        title: 'Pagina kon niet worden gescand',
        legalBasis: 'Fail closed: een controle die niet kon worden uitgevoerd, telt niet als geslaagd.',
        plainWords: 'De pagina kon niet worden gecontroleerd. Er is niets over bekend, dus de controle keurt haar niet goed.',
        messages: { failed: 'kon {{url}} niet scannen: {{error}}' },
      },
      fr: {
        title: 'Page impossible à analyser',
        legalBasis: "Échec par défaut (fail closed) : un contrôle qui n'a pas pu s'exécuter ne vaut pas réussite.",
        plainWords: "La page n'a pas pu être contrôlée. On n'en sait rien, le contrôle ne la valide donc pas.",
        messages: { failed: "impossible d'analyser {{url}} : {{error}}" },
      },
    },
    defaultSeverity: 'error',
    allow: 'never',
    failClosed: true,
    tracking: false,
    visits: 'every',
    messages: { failed: 'could not scan {{url}}: {{error}}' },
  },
  check: (scan) =>
    scan.error === null
      ? []
      : [
          {
            subject: { kind: 'page', url: scan.url },
            category: 'unknown',
            vendor: null,
            party: null,
            messageId: 'failed',
            data: { url: scan.url, error: scan.error },
            evidence: [scan.error],
            chain: [],
          },
        ],
};
