import { hitsByHost, requestSighting, subresources } from './evidence.js';
import type { Rule } from './rule.js';

export const unknownThirdPartyBeforeConsent: Rule = {
  meta: {
    id: 'unknown-third-party-before-consent',
    title: 'Unknown third party before consent',
    description: 'The page contacted a third-party host that no tracker list knows (or a tag manager whose tags are judged on their own). Check what it does; allow it in the policy with a reason if it is needed.',
    legalBasis: 'ePrivacy Directive art. 5(3); GDPR art. 13 (the visitor must be told which third parties receive data).',
    plainWords: 'The page contacted a company that the check does not recognise. Visitors must be told which third parties receive their data; find out what it is, and allow it in the policy if it is needed.',
    translations: {
      nl: {
        title: 'Onbekende derde partij vóór toestemming',
        legalBasis: 'ePrivacyrichtlijn art. 5 lid 3; AVG art. 13 (de bezoeker moet weten welke derden gegevens ontvangen).',
        plainWords: 'De pagina nam contact op met een bedrijf dat de controle niet herkent. Bezoekers moeten weten welke derden hun gegevens ontvangen; zoek uit wat het is, en sta het met een reden toe in het beleid als het nodig is.',
        messages: { contacted: '{{vendor}} is benaderd vóór toestemming: {{count}} verzoek(en) naar {{host}}', contactedUnknown: 'een niet-geclassificeerde derde partij is benaderd vóór toestemming: {{count}} verzoek(en) naar {{host}}' },
      },
      fr: {
        title: 'Tiers inconnu avant le consentement',
        legalBasis: 'Directive ePrivacy, art. 5, § 3 ; RGPD, art. 13 (le visiteur doit savoir quels tiers reçoivent des données).',
        plainWords: "La page a contacté une société que le contrôle ne reconnaît pas. Les visiteurs doivent savoir quels tiers reçoivent leurs données : vérifiez de quoi il s'agit et, si elle est nécessaire, autorisez-la dans la politique en indiquant la raison.",
        messages: { contacted: '{{vendor}} a été contacté avant le consentement : {{count}} requête(s) vers {{host}}', contactedUnknown: 'un tiers non identifié a été contacté avant le consentement : {{count}} requête(s) vers {{host}}' },
      },
    },
    defaultSeverity: 'warn',
    allow: 'subject',
    failClosed: false,
    // Not known to track: a banner is not demanded for it.
    tracking: false,
    visits: ['initial'],
    messages: {
      contacted: '{{vendor}} was contacted before consent: {{count}} request(s) to {{host}}',
      contactedUnknown: 'An unclassified third party was contacted before consent: {{count}} request(s) to {{host}}',
    },
  },
  check: (scan) =>
    hitsByHost(
      scan,
      subresources(scan)
        .filter((r) => r.class.party === 'third' && r.class.category === 'unknown')
        .map(requestSighting),
      (first) => (first.class.vendor ? 'contacted' : 'contactedUnknown'),
    ),
};
