/**
 * The visits made to each page, declared once. A visit is a list of named steps (implemented in
 * src/gather/visit/steps.ts, which must implement every name here); the gate, the progress lines,
 * the HTML report, --phases and --help all read this table. Adding a visit kind is one entry here,
 * its steps, and its rules.
 */

export type StepName =
  | 'load'
  | 'waitForBanner'
  | 'settle'
  | 'describeBanner'
  | 'record'
  | 'readConsentSignals'
  | 'checkOwnAssets'
  | 'checkPolicyLinks'
  | 'screenshots'
  | 'browse'
  | 'followLink'
  | 'checkBannerStays'
  | 'readSettingsLayer'
  | 'readDeclarations'
  | 'reject'
  | 'save'
  | 'accept'
  | 'withdraw'
  | 'reload'
  | 'checkChoiceKept';

export interface VisitDeclaration {
  id: string;
  /** Column heading in reports. */
  label: string;
  /** What the visit does, in words for a report reader ("once after refusing in the consent banner"). */
  summary: string;
  /**
   * What the first look must have shown for the visit to be worth a fresh context: nothing; a consent
   * banner or notice to answer (choice); switches on the banner's first layer with a control that
   * saves them as they stand (save); a visit it continues that accepted (accepted: there is consent to withdraw).
   */
  needs: 'nothing' | 'choice' | 'save' | 'accepted';
  /**
   * Runs on in the browser context of the visit before it, recording only what happened since that
   * visit recorded: cheaper than a fresh context, and more exact about what this visit caused.
   */
  continues: boolean;
  steps: readonly StepName[];
  /** Steps run once the last visit that continues this one is done (interactions that would spoil them). */
  closing?: readonly StepName[];
  /**
   * A visit that makes a choice is made once per banner, on the first page that shows it; the site's
   * other pages with the same banner get it as one load in that same browser, the choice already
   * stored (see the gate's plan). jar: what the recording window counts as new, as the visit does on
   * its own page: only what was written since the load (new), or the whole cookie jar and storage
   * (all: the inventory after accepting, a cookie left behind after withdrawing).
   */
  stored?: { jar: 'new' | 'all'; steps: readonly StepName[] };
}

export const VISITS = [
  {
    id: 'initial',
    label: 'Before any choice',
    summary: 'once without touching anything',
    needs: 'nothing',
    continues: false,
    steps: ['load', 'waitForBanner', 'settle', 'describeBanner', 'record', 'readConsentSignals', 'checkOwnAssets', 'checkPolicyLinks', 'screenshots'],
    // Opening the banner's settings layer is already an interaction: only after every look without one.
    // The cookie declaration is read last, with the settings layer (and its cookie tables) open.
    closing: ['readSettingsLayer', 'readDeclarations'],
  },
  {
    id: 'after-scroll',
    label: 'After scrolling',
    summary: 'then after scrolling, moving the mouse, pressing Escape and, where a banner shows, following a link',
    needs: 'nothing',
    continues: true,
    // The next page's own trackers would load for any first-time visitor: recorded before following the
    // link, which only checkBannerStays follows (the banner is what that page is looked at for).
    steps: ['browse', 'settle', 'record', 'checkBannerStays'],
  },
  {
    id: 'after-reject',
    label: 'After refusing',
    summary: "after refusing in the consent banner: on the banner's first page in a fresh browser, then reloading and opening another page; on the other pages with it, loaded once with the refusal stored",
    needs: 'choice',
    continues: false,
    steps: ['load', 'waitForBanner', 'reject', 'settle', 'reload', 'settle', 'followLink', 'record', 'readConsentSignals'],
    stored: { jar: 'new', steps: ['load', 'settle', 'record', 'readConsentSignals', 'checkChoiceKept'] },
  },
  {
    id: 'after-save',
    label: 'After saving as shown',
    summary: "after saving the banner's first-layer switches as they were shown: on the banner's first page in a fresh browser, then reloading; on the other pages with it, loaded once with the choice stored",
    needs: 'save',
    continues: false,
    steps: ['load', 'waitForBanner', 'save', 'settle', 'reload', 'settle', 'record'],
    stored: { jar: 'new', steps: ['load', 'settle', 'record', 'checkChoiceKept'] },
  },
  {
    id: 'after-accept',
    label: 'After accepting',
    summary: "after accepting: on the banner's first page in a fresh browser, then reloading; on the other pages with it, loaded once with the consent stored",
    needs: 'choice',
    continues: false,
    steps: ['load', 'waitForBanner', 'accept', 'settle', 'reload', 'settle', 'record'],
    stored: { jar: 'all', steps: ['load', 'settle', 'record', 'checkChoiceKept'] },
  },
  {
    id: 'after-withdraw',
    label: 'After withdrawing',
    summary: "after accepting, reopening the consent choice and refusing everything: on the banner's first page in the browser that accepted, then reloading and opening another page; on the other pages with it, loaded once with the withdrawal stored",
    // Consent was given, reloaded and recorded by after-accept: withdrawing it needs no fresh context.
    needs: 'accepted',
    continues: true,
    steps: ['withdraw', 'settle', 'reload', 'settle', 'followLink', 'record'],
    stored: { jar: 'all', steps: ['load', 'settle', 'record', 'checkChoiceKept'] },
  },
] as const satisfies readonly VisitDeclaration[];

export type Phase = (typeof VISITS)[number]['id'];
export const PHASES: readonly Phase[] = VISITS.map((visit) => visit.id);

export function visitOf(phase: Phase): VisitDeclaration {
  return VISITS.find((visit) => visit.id === phase)!;
}
