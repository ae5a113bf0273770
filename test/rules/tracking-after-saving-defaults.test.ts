import { trackingAfterSavingDefaults } from '../../src/rules/tracking-after-saving-defaults.js';
import { ruleTester } from '../support/rule-tester.js';
import { action, banner, control, cookie, frame, page, request, scan, storage, toggle, visit } from '../support/scans.js';

const ga = cookie('_ga', 'analytics', { vendor: 'Google Analytics' });
const collect = request('https://www.google-analytics.com/g/collect?v=2', 'analytics', { vendor: 'Google Analytics', resourceType: 'ping' });
const first = scan({ banner: banner({ save: control('Save preferences'), toggles: [toggle('Analytics', true, false, 1)] }) });
const saved = action('save', { detail: 'clicked "Save preferences" without changing a switch' });

ruleTester(trackingAfterSavingDefaults).run({
  valid: [
    { name: 'nothing tracks after saving as shown', page: page(first, visit('after-save', { action: saved, cookies: [cookie('consent', 'necessary')] })) },
    { name: 'the save control could not be clicked: the visit proves nothing', page: page(first, visit('after-save', { action: action('save', { done: false, detail: 'no save control' }), cookies: [ga] })) },
    { name: 'tracking after accepting is allowed', page: page(first, visit('after-accept', { cookies: [ga], requests: [collect] })) },
  ],
  invalid: [
    {
      name: 'the pre-ticked analytics category starts Google Analytics once saved',
      page: page(first, visit('after-save', { action: saved, cookies: [ga], requests: [collect] })),
      errors: [
        { messageId: 'request', phase: 'after-save', subject: { host: 'www.google-analytics.com' } },
        { messageId: 'cookieSet', phase: 'after-save', subject: { kind: 'cookie', name: '_ga' }, data: { vendor: 'Google Analytics (analytics)', name: '_ga', domain: 'example.org' } },
      ],
    },
    {
      name: 'every kind of tracking the saved defaults let in',
      page: page(
        first,
        visit('after-save', {
          action: saved,
          cookies: [cookie('IDE', 'marketing', { domain: 'doubleclick.net', stored: false })],
          storage: [storage('_hjSession', 'analytics')],
          requests: [request('https://platform.twitter.com/widgets.js', 'social')],
          frames: [frame('https://www.youtube.com/embed/x', 'marketing')],
        }),
      ),
      errors: [
        { messageId: 'plugin', subject: { host: 'platform.twitter.com' } },
        { messageId: 'embed', subject: { host: 'www.youtube.com' } },
        { messageId: 'cookieSent', subject: { name: 'IDE' } },
        { messageId: 'storage', subject: { name: '_hjSession' } },
      ],
    },
  ],
});
