import { socialPluginBeforeConsent } from '../../src/rules/social-plugin-before-consent.js';
import { ruleTester } from '../support/rule-tester.js';
import { frame, page, request, scan, visit } from '../support/scans.js';

const youtube = frame('https://www.youtube.com/embed/abc', 'marketing', { vendor: 'YouTube' });

ruleTester(socialPluginBeforeConsent).run({
  valid: [
    { name: 'an analytics request that is no plugin', scan: scan({ requests: [request('https://www.google-analytics.com/g/collect', 'analytics')] }) },
    // A privacy-friendly embed classified as preferences (or necessary) is not a tracking plugin.
    { name: 'a plugin that is necessary or a preference', scan: scan({ frames: [frame('https://www.youtube-nocookie.com/embed/abc', 'preferences')], requests: [request('https://maps.example.net/tiles.js', 'necessary', { plugin: true })] }) },
    { name: 'an embed after accepting', page: page(scan(), visit('after-accept', { frames: [youtube] })) },
  ],
  invalid: [
    {
      name: 'a tracking video embed',
      scan: scan({ frames: [youtube] }),
      errors: [{ messageId: 'embed', subject: { kind: 'frame', host: 'www.youtube.com', url: 'https://www.youtube.com/embed/abc' }, data: { vendor: 'YouTube (marketing)', host: 'www.youtube.com', count: 1 } }],
    },
    {
      name: 'a host both embedded and requested is one finding, reported as the embed',
      scan: scan({ frames: [youtube], requests: [request('https://www.youtube.com/iframe_api', 'marketing', { vendor: 'YouTube', plugin: true })] }),
      errors: [{ messageId: 'embed', data: { count: 2 } }],
    },
    {
      name: 'a social script, and an analytics plugin',
      scan: scan({ requests: [request('https://connect.facebook.net/en_US/sdk.js', 'social', { vendor: 'Facebook' }), request('https://widget.example.net/w.js', 'analytics', { plugin: true })] }),
      errors: [
        { messageId: 'plugin', subject: { kind: 'request', host: 'connect.facebook.net' }, data: { vendor: 'Facebook (social)' } },
        { messageId: 'plugin', subject: { host: 'widget.example.net' }, data: { vendor: 'unknown analytics vendor' } },
      ],
    },
  ],
  // The before-consent rules share the tracking messages; this one judges only its own kind.
  notEmitted: ['cookieSet', 'cookieSent', 'storage', 'request'],
});
