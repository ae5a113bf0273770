import { OPTIONS } from './options.js';

/**
 * The Action's inputs are named after the CLI's flags, mostly: the shared messages name flags, and a
 * person reading a workflow log must be told the input to set instead. The pairs come from the option table.
 */
const INPUT_OF_FLAG: ReadonlyMap<string, string> = new Map(OPTIONS.flatMap((o) => (o.input ? [[o.flag, o.input] as const] : [])));

const FLAG = new RegExp(`--(${[...INPUT_OF_FLAG.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\w-])`, 'g');

/** "--static DIR" → 'input "static-dir" DIR': the same advice in the Action's words. */
export function inInputWords(text: string): string {
  return text.replace(FLAG, (_, flag: string) => `input "${INPUT_OF_FLAG.get(flag)}"`);
}
