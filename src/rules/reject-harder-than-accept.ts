import { bannerHit, describeControl } from './banner-hit.js';
import type { Rule } from './rule.js';

export const rejectHarderThanAccept: Rule = {
  meta: {
    id: 'reject-harder-than-accept',
    title: 'Reject harder than accept',
    description: 'Refusing is offered as a plain text link while accepting is a button: not an equal choice.',
    legalBasis: 'EDPB Cookie Banner Taskforce report (2023) §§11-19 (deceptive link design); Dutch AP guidance (2024).',
    plainWords: 'Refusing must be as easy as accepting. A refuse option shown as a plain link, or hidden behind more clicks, steers visitors towards "yes".',
    defaultSeverity: 'warn',
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial'],
    messages: { linkVersusButton: 'reject is a text link while accept is a button' },
  },
  check: (scan) => {
    const { accept, reject } = scan.banner ?? {};
    if (!accept || !reject || reject.layer !== 1 || !(reject.kind === 'link' && accept.kind === 'button')) return [];
    return [bannerHit('reject', 'linkVersusButton', [`accept: ${describeControl(accept)}`, `reject: ${describeControl(reject)}`])];
  },
};
