/** Small wording helpers every report and message needs, spelled once. */

/** "1 page", "2 pages": English plurals of the words this tool uses (regular ones only). */
export const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** Text for XML or HTML, in an element or a quoted attribute; control characters XML cannot carry are dropped. */
export const escapeMarkup = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
