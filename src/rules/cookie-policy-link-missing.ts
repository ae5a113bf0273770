import { hostOf } from '../shared/url.js';
import { PHASES, type ClassifiedScan, type PolicyLink } from '../types.js';
import type { PageContext, Rule } from './rule.js';

/** A finding about the page itself, one per site: the home page is the only page judged. */
const SUBJECT = { kind: 'page', name: 'cookie policy link' } as const;

/**
 * What makes a cookie policy necessary, seen on any visit of the page: something stored in the
 * visitor's browser or a third party contacted. A site that does neither has nothing to declare.
 */
function whatNeedsAPolicy(page: PageContext): string[] {
  const reasons = new Set<string>();
  for (const scan of PHASES.map((phase) => page.phase(phase)).filter((s): s is ClassifiedScan => s !== undefined)) {
    for (const cookie of scan.cookies) reasons.add(`stores cookie "${cookie.name}" (${cookie.domain})`);
    for (const item of scan.storage) reasons.add(`stores ${item.kind} key "${item.key}"`);
    for (const request of scan.requests) if (request.class.party === 'third') reasons.add(`contacts ${hostOf(request.url)}`);
  }
  return [...reasons];
}

/** A link a visitor can follow to a policy: it answered 2xx, or another site answered with a status the page may not read. */
const works = (link: PolicyLink): boolean => link.check === 'reachable' || (link.status !== null && link.status >= 200 && link.status < 300);

function describeLink(link: PolicyLink): string {
  if (link.check === 'answered') return `${link.url} answered ${link.status}`;
  if (link.check === 'reachable') return `${link.url} answered (another site: its status is hidden from the page)`;
  return `${link.url} could not be checked: ${link.reason ?? 'no reason given'}`;
}

export const cookiePolicyLinkMissing: Rule = {
  meta: {
    id: 'cookie-policy-link-missing',
    title: 'No cookie policy link on the home page',
    description:
      'The home page (its content, banner or footer) has no working link to a cookie or privacy policy, though the site stores something in the browser or contacts a third party. A link that could not be checked is not reported.',
    legalBasis: 'GDPR art. 13; Belgian regulator (GBA/APD) cookie FAQ: the cookie policy is linked from the home page; CJEU Planet49 (information on purposes, lifetime, third parties).',
    plainWords:
      'Visitors must be able to read which cookies are used, why, for how long and by whom; the cookie policy must be linked from the home page. A site that stores nothing and contacts no one has nothing to declare.',
    translations: {
      nl: {
        title: 'Geen link naar het cookiebeleid op de homepage',
        legalBasis: 'AVG art. 13; Gegevensbeschermingsautoriteit (GBA), FAQ cookies: het cookiebeleid is gelinkt vanaf de homepage; HvJ EU Planet49 (informatie over doeleinden, bewaartermijn en derden).',
        plainWords:
          'Bezoekers moeten kunnen lezen welke cookies worden gebruikt, waarvoor, hoe lang en door wie; het cookiebeleid moet vanaf de homepage gelinkt zijn. Een site die niets opslaat en niemand anders aanspreekt, heeft niets te melden.',
        messages: {
          missing: 'de homepage linkt naar geen cookie- of privacybeleid, terwijl de site {{why}}',
          broken: 'elke link naar een cookie- of privacybeleid op de homepage geeft een foutmelding, terwijl de site {{why}}',
        },
      },
      fr: {
        title: "Pas de lien vers la politique cookies sur la page d'accueil",
        legalBasis: "RGPD, art. 13 ; Autorité de protection des données (APD), FAQ cookies : la politique cookies est accessible depuis la page d'accueil ; CJUE Planet49 (information sur les finalités, la durée et les tiers).",
        plainWords:
          "Les visiteurs doivent pouvoir lire quels cookies sont utilisés, pourquoi, pour combien de temps et par qui ; la politique cookies doit être accessible depuis la page d'accueil. Un site qui n'enregistre rien et ne contacte aucun tiers n'a rien à déclarer.",
        messages: {
          missing: "la page d'accueil ne renvoie vers aucune politique cookies ou de confidentialité, alors que le site {{why}}",
          broken: "tous les liens vers une politique cookies ou de confidentialité de la page d'accueil répondent par une erreur, alors que le site {{why}}",
        },
      },
    },
    defaultSeverity: 'warn',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: {
      missing: 'the home page links no cookie or privacy policy, though the site {{why}}',
      broken: 'every cookie or privacy policy link on the home page answers an error, though the site {{why}}',
    },
  },
  check: (scan, page) => {
    if (!page.isHome || scan.policyLinks.some(works)) return [];
    const reasons = whatNeedsAPolicy(page);
    if (reasons.length === 0) return [];
    // A link that could not be checked may well work: "could not check" is no finding by itself.
    if (scan.policyLinks.some((link) => link.check === 'unchecked')) return [];
    const why = reasons.length > 1 ? `${reasons[0]} (and ${reasons.length - 1} more)` : reasons[0]!;
    const messageId = scan.policyLinks.length === 0 ? 'missing' : 'broken';
    const tried = scan.policyLinks.length > 0 ? scan.policyLinks.map(describeLink) : ['no link whose text or address mentions cookies or privacy'];
    return [{ subject: SUBJECT, category: 'unknown', vendor: null, party: null, messageId, data: { why }, evidence: [...tried, ...reasons.slice(0, 5).map((r) => `the site ${r}`)], chain: [] }];
  },
};
