import type { ClassifiedScan, Phase } from '../types.js';
import { chainTo } from '../derive/chain.js';
import { vendorLabel, withoutQuery } from './evidence.js';
import type { PageContext, Rule, RuleHit } from './rule.js';

type Identifier = ClassifiedScan['identifiers'][number];

const MAX_LINES = 3;

/** The message for each visit judged: before any choice, after browsing without one, after refusing. */
const MESSAGE_OF: Readonly<Partial<Record<Phase, string>>> = { initial: 'beforeConsent', 'after-scroll': 'afterScroll', 'after-reject': 'afterReject' };

const key = (i: Identifier): string => [i.source, i.name, i.host].join('\u0000');

/** The site's own cookie or storage value, in a request to someone else: what this rule is about. */
function sentOn(scan: ClassifiedScan): Identifier[] {
  return scan.identifiers.filter((i) => i.holderParty === 'first' && i.class.party === 'third');
}

/** One finding per value and receiving host: a pixel that sends the same id on every hit is one thing to fix. */
function hits(scan: ClassifiedScan, identifiers: Identifier[]): RuleHit[] {
  const groups = new Map<string, Identifier[]>();
  for (const identifier of identifiers) groups.set(key(identifier), [...(groups.get(key(identifier)) ?? []), identifier]);
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    // The console shows a finding by its host: the evidence names the cookie or key.
    const lines = group.slice(0, MAX_LINES).map((i) => `${i.source} ${i.name} in the ${i.where} of ${withoutQuery(i.requestUrl)}`);
    if (group.length > MAX_LINES) lines.push(`and ${group.length - MAX_LINES} more to ${first.host}`);
    return {
      subject: { kind: 'request', host: first.host, name: first.name, url: withoutQuery(first.requestUrl), ...(first.source === 'cookie' ? {} : { storage: first.source }) },
      category: first.class.category,
      vendor: first.class.vendor,
      party: first.class.party,
      messageId: MESSAGE_OF[scan.phase]!,
      data: {
        source: first.source,
        name: first.name,
        holder: first.holder,
        host: first.host,
        vendor: vendorLabel(first.class.vendor, first.class.category),
        where: [...new Set(group.map((i) => i.where))].join(', '),
      },
      evidence: lines,
      chain: chainTo(scan, first.requestUrl),
    };
  });
}

function judged(scan: ClassifiedScan, page: PageContext): Identifier[] {
  // Refusing that could not be done proves nothing; other rules say why.
  if (scan.phase === 'after-reject' && !scan.action?.done) return [];
  // After browsing, only what the first look did not already show: that is reported there.
  const initial = scan.phase === 'after-scroll' ? page.phase('initial') : undefined;
  const before = new Set(initial ? sentOn(initial).map(key) : []);
  return sentOn(scan).filter((i) => !before.has(key(i)));
}

export const identifierSentToThirdParty: Rule = {
  meta: {
    id: 'identifier-sent-to-third-party',
    title: 'Identifier sent to a third party without consent',
    description:
      "A value the site keeps in a cookie or in web storage that identifies the visitor (a client id, a CRM id) was sent to a third party's host, in a URL, a request body, a header or a cookie, before any choice, after browsing without one, or after the visitor refused.",
    legalBasis:
      'ePrivacy Directive art. 5(3): reading an identifier stored on the device and handing it on needs consent; GDPR art. 6 (no lawful basis for disclosing it) and, for a recipient outside the EEA, art. 44 (transfers).',
    plainWords:
      "The site read the number it uses to recognise this visitor from the visitor's own device and sent it to another company, which can now link the visit to everything else it knows about that number. That needs the visitor's consent first.",
    translations: {
      nl: {
        title: 'Identificatiecode naar een derde gestuurd zonder toestemming',
        legalBasis:
          'ePrivacyrichtlijn art. 5 lid 3 (Telecommunicatiewet art. 11.7a): een op het apparaat opgeslagen identificatiecode uitlezen en doorgeven vraagt toestemming; AVG art. 6 (geen grondslag om haar te verstrekken) en, voor een ontvanger buiten de EER, art. 44 (doorgifte).',
        plainWords:
          'De site las het nummer waarmee ze deze bezoeker herkent van het apparaat van de bezoeker en stuurde het naar een ander bedrijf, dat het bezoek nu kan koppelen aan alles wat het verder over dat nummer weet. Daarvoor moet de bezoeker eerst toestemming geven.',
        messages: {
          beforeConsent: '{{source}} "{{name}}" van {{holder}} bevat een identificatiecode die vóór toestemming naar {{host}} ({{vendor}}) is gestuurd ({{where}})',
          afterScroll: '{{source}} "{{name}}" van {{holder}} bevat een identificatiecode die na scrollen en doorklikken, zonder keuze, naar {{host}} ({{vendor}}) is gestuurd ({{where}})',
          afterReject: '{{source}} "{{name}}" van {{holder}} bevat een identificatiecode die nadat de bezoeker weigerde naar {{host}} ({{vendor}}) is gestuurd ({{where}})',
        },
      },
      fr: {
        title: 'Identifiant envoyé à un tiers sans consentement',
        legalBasis:
          "Directive ePrivacy, art. 5, § 3 : lire un identifiant stocké dans l'appareil pour le transmettre exige le consentement ; RGPD, art. 6 (aucune base licite pour le communiquer) et, pour un destinataire hors de l'EEE, art. 44 (transferts).",
        plainWords:
          "Le site a lu sur l'appareil du visiteur le numéro qui sert à le reconnaître et l'a envoyé à une autre entreprise, qui peut désormais relier la visite à tout ce qu'elle sait de ce numéro. Cela exige d'abord le consentement du visiteur.",
        messages: {
          beforeConsent: '{{source}} « {{name}} » de {{holder}} contient un identifiant envoyé à {{host}} ({{vendor}}) avant le consentement ({{where}})',
          afterScroll: '{{source}} « {{name}} » de {{holder}} contient un identifiant envoyé à {{host}} ({{vendor}}) après défilement et navigation, sans choix ({{where}})',
          afterReject: '{{source}} « {{name}} » de {{holder}} contient un identifiant envoyé à {{host}} ({{vendor}}) après le refus du visiteur ({{where}})',
        },
      },
    },
    defaultSeverity: 'error',
    allow: 'subject',
    failClosed: false,
    tracking: true,
    visits: ['initial', 'after-scroll', 'after-reject'],
    messages: {
      beforeConsent: '{{source}} "{{name}}" of {{holder}} holds an identifier that was sent to {{host}} ({{vendor}}) before consent ({{where}})',
      afterScroll: '{{source}} "{{name}}" of {{holder}} holds an identifier that was sent to {{host}} ({{vendor}}) after scrolling and browsing, without a choice ({{where}})',
      afterReject: '{{source}} "{{name}}" of {{holder}} holds an identifier that was sent to {{host}} ({{vendor}}) after the visitor refused ({{where}})',
    },
  },
  check: (scan, page) => hits(scan, judged(scan, page)),
};
