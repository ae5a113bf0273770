import { trackingAfterReject } from '../../src/rules/tracking-after-reject.js';
import { ruleTester } from '../support/rule-tester.js';
import { action, banner, cookie, frame, page, request, scan, storage, visit } from '../support/scans.js';

const fb = cookie('_fbp', 'marketing', { vendor: 'Facebook' });
const pixel = request('https://www.facebook.com/tr?id=1', 'marketing', { vendor: 'Facebook', resourceType: 'image' });
const first = scan({ banner: banner(), cookies: [fb] });

ruleTester(trackingAfterReject).run({
  valid: [
    { name: 'nothing tracks after refusing', page: page(first, visit('after-reject', { cookies: [cookie('cc_cookie', 'necessary')] })) },
    // When reject could not be clicked, the visit proves nothing: other rules say why.
    { name: 'reject could not be clicked', page: page(first, visit('after-reject', { action: action('reject', { done: false, detail: 'no reject control' }), cookies: [fb] })) },
    { name: 'no action was recorded', page: page(first, visit('after-reject', { action: null, cookies: [fb] })) },
    { name: 'tracking before the choice is another rule', scan: first },
    { name: 'tracking after accepting is allowed', page: page(first, visit('after-accept', { cookies: [fb], requests: [pixel] })) },
  ],
  invalid: [
    {
      name: 'a marketing cookie that survived the refusal',
      page: page(first, visit('after-reject', { cookies: [fb] })),
      errors: [{ messageId: 'cookieSet', phase: 'after-reject', subject: { kind: 'cookie', name: '_fbp' }, data: { vendor: 'Facebook (marketing)', name: '_fbp', domain: 'example.org' } }],
    },
    {
      // Unlike the scroll rule, tracking that was there before the refusal still counts: the refusal should have stopped it.
      name: 'everything that tracks, whether or not the first visit showed it too',
      page: page(
        first,
        visit('after-reject', {
          cookies: [fb, cookie('IDE', 'marketing', { domain: 'doubleclick.net', stored: false })],
          storage: [storage('_hjSession', 'analytics')],
          requests: [pixel, request('https://platform.twitter.com/widgets.js', 'social')],
          frames: [frame('https://www.youtube.com/embed/x', 'marketing')],
        }),
      ),
      errors: [
        { messageId: 'plugin', subject: { host: 'platform.twitter.com' } },
        { messageId: 'request', subject: { host: 'www.facebook.com' } },
        { messageId: 'embed', subject: { host: 'www.youtube.com' } },
        { messageId: 'cookieSent', subject: { name: 'IDE' } },
        { messageId: 'cookieSet', subject: { name: '_fbp' } },
        { messageId: 'storage', subject: { name: '_hjSession' } },
      ],
    },
  ],
});
