import { withdrawalUnavailable } from '../../src/rules/withdrawal-unavailable.js';
import { ruleTester } from '../support/rule-tester.js';
import { action, banner, page, reopenedBy, scan, visit } from '../support/scans.js';

const first = scan({ banner: banner() });
const withdrawn = (reopened: { via: 'policy' | 'page' | 'api'; control: string } | null, done = reopened !== null) =>
  page(first, visit('after-accept'), visit('after-withdraw', { action: action('withdraw', { done, detail: 'what was tried', reopened: reopened && reopenedBy(reopened.control, reopened.via) }) }));

ruleTester(withdrawalUnavailable).run({
  valid: [
    { name: 'a "Cookie-instellingen" footer link reopened the choice', page: withdrawn({ via: 'page', control: 'Cookie-instellingen' }) },
    { name: "the policy's consent.withdraw selector reopened it", page: withdrawn({ via: 'policy', control: 'Privacy' }) },
    // Reopened but refusing failed: the choice is there to withdraw; withdrawal-not-effective or the detail says the rest.
    { name: 'reopened, but refusing could not be clicked', page: withdrawn({ via: 'page', control: 'Cookie settings' }, false) },
    { name: 'the accept visit alone', page: page(first, visit('after-accept')) },
    { name: 'an after-reject visit that found nothing to click is not about withdrawing', page: page(first, visit('after-reject', { action: action('reject', { done: false }) })) },
  ],
  invalid: [
    {
      name: 'nothing on the page reopens the choice',
      page: withdrawn(null),
      errors: [{ messageId: 'none', phase: 'after-withdraw', severity: 'warn', subject: { kind: 'banner', name: 'withdraw' } }],
    },
    {
      name: "only the consent manager's script API reopens it",
      page: withdrawn({ via: 'api', control: 'window.klaro.show()' }),
      errors: [{ messageId: 'apiOnly', data: { api: 'window.klaro.show()' } }],
    },
    { name: 'the policy may make it an error', page: withdrawn(null), severity: 'error', errors: [{ messageId: 'none', severity: 'error' }] },
  ],
});
