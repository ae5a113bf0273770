import { BEFORE_CONSENT, socialPlugins } from './hits.js';
import type { Rule } from './rule.js';

export const socialPluginBeforeConsent: Rule = {
  meta: {
    id: 'social-plugin-before-consent',
    title: 'Social plugin or embed before consent',
    description: 'A social button, social script or tracking embed (video, map) loaded before the visitor made any choice; it reports the visit to its network even for visitors without an account.',
    legalBasis: 'CJEU C-40/17 Fashion ID (the site is joint controller for what its plugins send); Art. 29 WP194 §3.6; ePrivacy Directive art. 5(3).',
    plainWords: 'Like and share buttons, videos and maps from other companies tell those companies about every visit, even of people without an account. They may only load after the visitor agrees; the site owner shares responsibility for them.',
    ...BEFORE_CONSENT,
  },
  check: (scan) => socialPlugins(scan),
};
