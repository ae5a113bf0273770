/** Small wording helpers every report and message needs, spelled once. */

/** "1 page", "2 pages": English plurals of the words this tool uses (regular ones only). */
export const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
