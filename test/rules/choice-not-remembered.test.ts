import { choiceNotRemembered } from '../../src/rules/choice-not-remembered.js';
import type { ActionStep, StoredChoice } from '../../src/types.js';
import { ruleTester } from '../support/rule-tester.js';
import { action, banner, page, scan, visit } from '../support/scans.js';

const first = scan({ banner: banner() });
const stored = (choice: StoredChoice, bannerAgain: boolean): ActionStep => ({ do: 'stored', choice, on: '/', ...(bannerAgain ? { bannerAgain: true as const } : {}) });
/** The page's own flow after the stored load: its own click follows. */
const forgot = (choice: StoredChoice): ActionStep[] => [stored(choice, true), { do: 'click', control: 'Reject all', layer: 1 }];

ruleTester(choiceNotRemembered).run({
  valid: [
    { name: 'the first page with the banner, which made the choice itself', page: page(first, visit('after-reject')) },
    { name: 'another page that remembered the refusal', page: page(first, visit('after-reject', { action: action('reject', { steps: [stored('reject', false)] }) })) },
    { name: 'a withdrawal remembered', page: page(first, visit('after-accept', { action: action('accept', { steps: [stored('accept', false)] }) }), visit('after-withdraw', { action: action('withdraw', { steps: [stored('withdraw', false)] }) })) },
  ],
  invalid: [
    {
      name: 'the refusal made on / was forgotten here',
      page: page(first, visit('after-reject', { action: action('reject', { steps: forgot('reject') }) })),
      errors: [{ messageId: 'reject', phase: 'after-reject', severity: 'warn', subject: { kind: 'banner', name: 'remembered' }, data: { on: '/' } }],
    },
    { name: 'a choice saved as shown', page: page(first, visit('after-save', { action: action('save', { steps: forgot('save') }) })), errors: [{ messageId: 'save', phase: 'after-save' }] },
    { name: 'consent', page: page(first, visit('after-accept', { action: action('accept', { steps: forgot('accept') }) })), errors: [{ messageId: 'accept', phase: 'after-accept' }] },
    {
      name: 'a withdrawal, one finding per choice forgotten',
      page: page(first, visit('after-accept', { action: action('accept', { steps: forgot('accept') }) }), visit('after-withdraw', { action: action('withdraw', { steps: forgot('withdraw') }) })),
      errors: [{ messageId: 'accept', phase: 'after-accept' }, { messageId: 'withdraw', phase: 'after-withdraw' }],
    },
    { name: 'the policy may make it an error', page: page(first, visit('after-reject', { action: action('reject', { steps: forgot('reject') }) })), severity: 'error', errors: [{ messageId: 'reject', severity: 'error' }] },
  ],
});
