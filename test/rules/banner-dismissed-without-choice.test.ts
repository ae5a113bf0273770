import { bannerDismissedWithoutChoice } from '../../src/rules/banner-dismissed-without-choice.js';
import { ruleTester } from '../support/rule-tester.js';
import { action, banner, page, scan, visit } from '../support/scans.js';

const stays = banner();

ruleTester(bannerDismissedWithoutChoice).run({
  valid: [
    { name: 'no banner', scan: scan() },
    { name: 'the banner stays until answered', page: page(scan({ banner: stays }), visit('after-scroll', { action: action('scroll', { bannerAfter: 'visible' }) })) },
    { name: 'no banner to watch after scrolling', page: page(scan(), visit('after-scroll', { action: action('scroll', { bannerAfter: null }) })) },
    // A banner gone after the visitor's own choice is what a choice does.
    { name: 'gone after refusing or accepting', page: page(scan({ banner: stays }), visit('after-reject', { action: action('reject', { bannerAfter: 'gone' }) }), visit('after-accept', { action: action('accept', { bannerAfter: 'gone' }) })) },
  ],
  invalid: [
    {
      name: 'the banner went away while the visitor waited',
      scan: scan({ banner: banner({ visibleAfterWait: false }) }),
      errors: [{ messageId: 'byItself', phase: 'initial', subject: { kind: 'banner', name: 'dismissed' } }],
    },
    {
      name: 'the banner went away when the visitor scrolled or browsed on',
      page: page(scan({ banner: stays }), visit('after-scroll', { action: action('scroll', { bannerAfter: 'gone', detail: 'scrolled, pressed Escape, followed /contact.html' }) })),
      errors: [{ messageId: 'byBrowsing', phase: 'after-scroll' }],
    },
    {
      name: 'both, on their own visits',
      page: page(scan({ banner: banner({ visibleAfterWait: false }) }), visit('after-scroll', { action: action('scroll', { bannerAfter: 'gone' }) })),
      errors: [
        { messageId: 'byItself', phase: 'initial' },
        { messageId: 'byBrowsing', phase: 'after-scroll' },
      ],
    },
  ],
});
