import { CONSENT_WORDS } from '../shared/consent-words.js';
import { bannerHit } from './banner-hit.js';
import type { Rule } from './rule.js';

const necessary = (label: string): boolean => CONSENT_WORDS.necessary.some((word) => label.toLowerCase().includes(word));

export const pretickedConsent: Rule = {
  meta: {
    id: 'preticked-consent',
    title: 'Pre-ticked consent',
    description: 'A category that is not strictly necessary is switched on before the visitor chose it.',
    legalBasis: 'CJEU C-673/17 Planet49; EDPB Guidelines 05/2020 §79; EDPB Cookie Banner Taskforce report (2023) §10.',
    plainWords: 'Consent must be an active choice. A box or switch that is already on when the visitor arrives is not consent.',
    translations: {
      nl: {
        title: 'Vooraf aangevinkte toestemming',
        legalBasis: 'HvJ EU C-673/17 Planet49; EDPB-richtsnoeren 05/2020, punt 79; rapport van de Cookie Banner Taskforce van de EDPB (2023), punt 10.',
        plainWords: 'Toestemming moet een actieve keuze zijn. Een vakje of schakelaar die al aan staat als de bezoeker binnenkomt, is geen toestemming.',
        messages: { preticked: '"{{label}}" staat aan voordat de bezoeker ervoor koos' },
      },
      fr: {
        title: 'Consentement précoché',
        legalBasis: 'CJUE C-673/17 Planet49 ; lignes directrices 05/2020 du CEPD, point 79 ; rapport de la task force « bannières cookies » du CEPD (2023), point 10.',
        plainWords: "Le consentement doit être un choix actif. Une case ou un interrupteur déjà activé à l'arrivée du visiteur n'est pas un consentement.",
        messages: { preticked: "« {{label}} » est activé avant que le visiteur l'ait choisi" },
      },
    },
    defaultSeverity: 'error',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: { preticked: '"{{label}}" is switched on before the visitor chose it' },
  },
  check: (scan) =>
    (scan.banner?.toggles ?? [])
      .filter((toggle) => toggle.checked && !toggle.locked && !necessary(toggle.label))
      .map((toggle) => bannerHit(`toggle ${toggle.label}`, 'preticked', [`${toggle.layer === 1 ? 'first layer' : 'settings layer'} of the banner: "${toggle.label}" checked, not locked`], { label: toggle.label })),
};
