import { CONSENT_WORDS } from '../gather/consent/words.js';
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
