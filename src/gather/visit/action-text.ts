import type { ActionStep, PhaseAction, ReopenPlace, Reopened, StoredChoice } from '../../types.js';

/** "the floating button "Cookie-instellingen" in the consent manager's shadow root, in frame /cmp.html". */
function reopenedText({ control, place }: Pick<Reopened, 'control' | 'place'>): string {
  if (!place) return `called ${control}`;
  return `clicked ${placeText(place)} "${control}"${place.shadowRoot ? " in the consent manager's shadow root" : ''}${place.frameUrl ? ` in its frame ${place.frameUrl}` : ''}`;
}

function placeText(place: ReopenPlace): string {
  return `the ${place.floating ? 'floating ' : ''}${place.kind}`;
}

/** A choice as made ("refused on /, stored"). */
const CHOSEN: Record<StoredChoice, string> = { reject: 'refused', save: 'saved as shown', accept: 'accepted', withdraw: 'withdrawn' };

/** One step in English; `after` is the step before it, which some steps continue ("then "Opslaan""). */
function stepText(step: ActionStep, after: ActionStep | undefined): string {
  switch (step.do) {
    case 'browse':
      return 'scrolled to the bottom, moved the mouse, pressed Escape';
    case 'click':
      // A second click finishes what the first began: "clicked "Alles weigeren", then "Opslaan"".
      if (after?.do === 'click') return `then "${step.control}"`;
      return `${after?.do === 'reopen' || after?.do === 'stored' ? 'then ' : ''}clicked "${step.control}"${step.layer === 2 ? ' in the settings layer' : ''}${step.asShown ? ' without changing a switch' : ''}`;
    case 'autoconsent':
      return `${after?.do === 'reopen' || after?.do === 'stored' ? 'then ' : ''}autoconsent's rules for ${step.cmp} ${step.choice === 'reject' ? 'refused' : 'accepted'}`;
    case 'reopen':
      return `${after?.do === 'stored' ? 'then ' : ''}reopened the consent choice (${reopenedText(step.reopened)})`;
    case 'reload':
      return 'reloaded';
    case 'follow':
      return `${after?.do === 'browse' ? 'then followed' : 'followed'} a link to ${step.path}`;
    case 'noLink':
      return 'found no internal link to follow';
    case 'stored':
      return `${CHOSEN[step.choice]} on ${step.on}, stored${step.bannerAgain ? ', but the banner showed again here' : ''}`;
  }
}


/**
 * The visit's account of itself in English, for progress lines, the machine formats and the English
 * reports: the steps in order, then why it could not go on ("…, but the choice was not stored: …").
 */
export function actionDetail({ steps, failure }: Pick<PhaseAction, 'steps' | 'failure'>): string {
  const done = steps.map((step, i) => stepText(step, steps[i - 1])).join(', ');
  if (failure === null) return done;
  return done ? `${done}, but ${failure}` : failure;
}
