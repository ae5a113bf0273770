import { BEFORE_CONSENT, BEFORE_CONSENT_MESSAGES, socialPlugins } from './hits.js';
import type { Rule } from './rule.js';

export const socialPluginBeforeConsent: Rule = {
  meta: {
    id: 'social-plugin-before-consent',
    title: 'Social plugin or embed before consent',
    description: 'A social button, social script or tracking embed (video, map) loaded before the visitor made any choice; it reports the visit to its network even for visitors without an account.',
    legalBasis: 'CJEU C-40/17 Fashion ID (the site is joint controller for what its plugins send); Art. 29 WP194 §3.6; ePrivacy Directive art. 5(3).',
    plainWords: 'Like and share buttons, videos and maps from other companies tell those companies about every visit, even of people without an account. They may only load after the visitor agrees; the site owner shares responsibility for them.',
    translations: {
      nl: {
        title: 'Social plugin of ingesloten inhoud vóór toestemming',
        legalBasis: 'HvJ EU C-40/17 Fashion ID (de website is gezamenlijk verwerkingsverantwoordelijke voor wat haar plugins doorgeven); Artikel 29-werkgroep, WP194, § 3.6; ePrivacyrichtlijn art. 5 lid 3.',
        plainWords: "Like- en deelknoppen, video's en kaarten van andere bedrijven melden die bedrijven elk bezoek, ook van mensen zonder account. Ze mogen pas laden nadat de bezoeker toestemming geeft; de eigenaar van de website is er medeverantwoordelijk voor.",
        messages: BEFORE_CONSENT_MESSAGES.nl,
      },
      fr: {
        title: 'Module social ou contenu intégré avant le consentement',
        legalBasis: 'CJUE C-40/17 Fashion ID (le site est responsable conjoint de ce que ses modules transmettent) ; Groupe de travail « Article 29 », WP194, § 3.6 ; directive ePrivacy, art. 5, § 3.',
        plainWords: "Les boutons « J'aime » et de partage, les vidéos et les cartes d'autres sociétés signalent chaque visite à ces sociétés, même pour les personnes sans compte. Ils ne peuvent se charger qu'après l'accord du visiteur ; le responsable du site en partage la responsabilité.",
        messages: BEFORE_CONSENT_MESSAGES.fr,
      },
    },
    ...BEFORE_CONSENT,
  },
  check: (scan) => socialPlugins(scan),
};
