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
  | 'reload';

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
    summary: 'in a fresh browser after refusing in the consent banner, reloading and opening another page',
    needs: 'choice',
    continues: false,
    steps: ['load', 'waitForBanner', 'reject', 'settle', 'reload', 'settle', 'followLink', 'record', 'readConsentSignals'],
  },
  {
    id: 'after-save',
    label: 'After saving as shown',
    summary: "in a fresh browser after saving the banner's first-layer switches as they were shown, and reloading",
    needs: 'save',
    continues: false,
    steps: ['load', 'waitForBanner', 'save', 'settle', 'reload', 'settle', 'record'],
  },
  {
    id: 'after-accept',
    label: 'After accepting',
    summary: 'in a fresh browser after accepting and reloading',
    needs: 'choice',
    continues: false,
    steps: ['load', 'waitForBanner', 'accept', 'settle', 'reload', 'settle', 'record'],
  },
  {
    id: 'after-withdraw',
    label: 'After withdrawing',
    summary: 'then, in the same browser, after reopening the consent choice, refusing everything, reloading and opening another page',
    // Consent was given, reloaded and recorded by after-accept: withdrawing it needs no fresh context.
    needs: 'accepted',
    continues: true,
    steps: ['withdraw', 'settle', 'reload', 'settle', 'followLink', 'record'],
  },
] as const satisfies readonly VisitDeclaration[];

export type Phase = (typeof VISITS)[number]['id'];
export const PHASES: readonly Phase[] = VISITS.map((visit) => visit.id);

export function visitOf(phase: Phase): VisitDeclaration {
  return VISITS.find((visit) => visit.id === phase)!;
}
