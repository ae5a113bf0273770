import type { Classification } from '../types.js';
import { frameSighting, hitsByHost, requestSighting, subresources, vendorLabel } from './evidence.js';
import type { Rule } from './rule.js';

const isPlugin = ({ class: c }: { class: Classification }): boolean =>
  c.category === 'social' || (c.plugin && c.category !== 'necessary' && c.category !== 'preferences');

export const socialPluginBeforeConsent: Rule = {
  id: 'social-plugin-before-consent',
  title: 'Social plugin or embed before consent',
  description: 'A social button, social script or tracking embed (video, map) loaded before the visitor made any choice; it reports the visit to its network even for visitors without an account.',
  legalBasis: 'CJEU C-40/17 Fashion ID (the site is joint controller for what its plugins send); Art. 29 WP194 §3.6; ePrivacy Directive art. 5(3).',
  defaultSeverity: 'error',
  allowable: true,
  phases: ['initial'],
  // Frames first, so a host that is embedded is reported as the embed.
  check: (scan) =>
    hitsByHost(
      [...scan.frames.filter(isPlugin).map(frameSighting), ...subresources(scan).filter(isPlugin).map(requestSighting)],
      (host, first, count) =>
        first.kind === 'frame'
          ? `${vendorLabel(first.class.vendor, first.class.category)} embed from ${host} loaded before consent`
          : `${vendorLabel(first.class.vendor, first.class.category)} social plugin loaded before consent: ${count} request(s) to ${host}`,
    ),
};
