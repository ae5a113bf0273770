import { googleConsentHit } from '../../src/gather/consent/signal-codes.js';
import { consentSignalBeforeChoice } from '../../src/rules/consent-signal-before-choice.js';
import type { ConsentModeCommand, GoogleConsentHit } from '../../src/types.js';
import { ruleTester } from '../support/rule-tester.js';
import { action, consentSignals, page, request, scan, tcfAnswer, visit } from '../support/scans.js';

/** A Google hit as the gatherer records it: decoded from the URL by the real decoder. */
const hit = (url: string): GoogleConsentHit => googleConsentHit(url)!;
const collect = (params: string) => `https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&${params}`;
const ALL = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'] as const;
const mode = (command: ConsentModeCommand['command'], value: 'granted' | 'denied', signals: readonly string[] = ALL): ConsentModeCommand => ({
  command,
  state: Object.fromEntries(signals.map((s) => [s, value])),
});

const denied = consentSignals({ tcf: tcfAnswer(), consentMode: [mode('default', 'denied')] });

ruleTester(consentSignalBeforeChoice).run({
  valid: [
    { name: 'no consent signals read', scan: scan() },
    { name: 'a CMP that answers with nothing consented, and Consent Mode denied by default', scan: scan({ consentSignals: denied }) },
    { name: 'a CMP that did not answer in time says nothing', scan: scan({ consentSignals: consentSignals({ tcf: tcfAnswer({ answered: false, gdprApplies: null, purposeConsents: [] }) }) }) },
    {
      name: 'denied by default, granted only by a later update: not before a choice when the update is a stored choice after accepting',
      page: page(scan({ consentSignals: denied }), visit('after-accept', { consentSignals: consentSignals({ consentMode: [mode('default', 'denied'), mode('update', 'granted')] }) })),
    },
    {
      name: 'functionality and security storage granted by default are not consent to tracking',
      scan: scan({ consentSignals: consentSignals({ consentMode: [{ command: 'default', state: { ...mode('default', 'denied').state, functionality_storage: 'granted', security_storage: 'granted' } }] }) }),
    },
    { name: 'Google hits that say denied (the pings have a rule of their own)', scan: scan({ consentSignals: consentSignals({ googleHits: [hit(collect('gcs=G100&gcd=13p3p3p3p5'))] }) }) },
    {
      name: 'after refusing: everything denied',
      page: page(scan(), visit('after-reject', { consentSignals: consentSignals({ tcf: tcfAnswer({ eventStatus: 'useractioncomplete' }), consentMode: [mode('default', 'denied'), mode('update', 'denied')] }) })),
    },
    {
      name: 'a reject that could not be clicked proves nothing',
      page: page(scan(), visit('after-reject', { action: action('reject', { done: false }), consentSignals: consentSignals({ tcf: tcfAnswer({ purposeConsents: [1] }) }) })),
    },
  ],
  invalid: [
    {
      name: 'a CMP that pre-grants purposes and vendors before any choice',
      scan: scan({ consentSignals: consentSignals({ tcf: tcfAnswer({ purposeConsents: [1, 2, 3, 4], vendorConsents: [2, 755] }) }) }),
      errors: [
        { messageId: 'tcfPurposes', severity: 'error', subject: { kind: 'page', name: 'TCF purpose consents' }, data: { cmp: 300, purposes: '1, 2, 3, 4' } },
        { messageId: 'tcfVendors', subject: { name: 'TCF vendor consents' }, data: { count: 2, vendors: '2, 755' } },
      ],
    },
    {
      name: 'a long vendor list is cut short in the message',
      scan: scan({ consentSignals: consentSignals({ tcf: tcfAnswer({ vendorConsents: Array.from({ length: 12 }, (_, i) => i + 1) }) }) }),
      errors: [{ messageId: 'tcfVendors', data: { count: 12, vendors: '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …' } }],
    },
    {
      name: 'gdprApplies false on a site judged under EU law',
      scan: scan({ consentSignals: consentSignals({ tcf: tcfAnswer({ gdprApplies: false }) }) }),
      errors: [{ messageId: 'gdprNotApplied', subject: { name: 'TCF gdprApplies' }, data: { cmp: 300 } }],
    },
    {
      name: 'Consent Mode granted by default, naming the signals and the command',
      scan: scan({ consentSignals: consentSignals({ consentMode: [mode('default', 'granted', ['ad_storage', 'analytics_storage']), mode('default', 'denied', ['ad_user_data', 'ad_personalization'])] }) }),
      errors: [{ messageId: 'modeGranted', subject: { kind: 'page', name: 'Google Consent Mode' }, data: { signals: 'ad_storage, analytics_storage', command: 'default' } }],
    },
    {
      name: 'an update to granted before anyone chose (a CMP that grants on load)',
      scan: scan({ consentSignals: consentSignals({ consentMode: [mode('default', 'denied'), mode('update', 'granted', ['analytics_storage'])] }) }),
      errors: [{ messageId: 'modeGranted', data: { signals: 'analytics_storage', command: 'update' } }],
    },
    {
      name: 'Google hits that say granted before a choice: one finding per host, with what they carried',
      scan: scan({
        requests: [request(collect('gcs=G111&en=page_view'), 'analytics', { vendor: 'Google Analytics' })],
        consentSignals: consentSignals({
          googleHits: [hit(collect('gcs=G111&en=page_view')), hit(collect('gcs=G111&en=scroll')), hit('https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1?gcd=13r3r3r3r5')],
        }),
      }),
      errors: [
        { messageId: 'hitGranted', subject: { host: 'googleads.g.doubleclick.net' }, data: { count: 1, values: 'gcd=13r3r3r3r5' } },
        { messageId: 'hitGranted', subject: { kind: 'request', host: 'www.google-analytics.com', url: 'https://www.google-analytics.com/g/collect' }, data: { count: 2, values: 'gcs=G111', vendor: 'Google Analytics (analytics)' } },
      ],
    },
    {
      name: 'after refusing: consent still true in the TC string, Consent Mode and the hits',
      page: page(
        scan(),
        visit('after-reject', {
          consentSignals: consentSignals({
            tcf: tcfAnswer({ eventStatus: 'useractioncomplete', purposeConsents: [1], vendorConsents: [755] }),
            consentMode: [mode('default', 'denied'), mode('update', 'granted', ['ad_storage'])],
            googleHits: [hit(collect('gcs=G110'))],
          }),
        }),
      ),
      errors: [
        // The engine reports hits about requests first, then the page's signals by name.
        { messageId: 'hitGrantedAfterReject', phase: 'after-reject', data: { values: 'gcs=G110' } },
        { messageId: 'modeGrantedAfterReject', data: { signals: 'ad_storage', command: 'update' } },
        { messageId: 'tcfPurposesAfterReject', data: { purposes: '1' } },
        { messageId: 'tcfVendorsAfterReject', data: { vendors: '755' } },
      ],
    },
  ],
});
