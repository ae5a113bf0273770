/**
 * The Action's inputs are named after the CLI's flags, mostly: the shared messages name flags, and a
 * person reading a workflow log must be told the input to set instead.
 */
const INPUT_OF_FLAG: Record<string, string> = {
  url: 'url',
  start: 'start-command',
  'wait-on': 'wait-on',
  'ready-pattern': 'ready-pattern',
  'start-timeout': 'start-timeout',
  static: 'static-dir',
  spa: 'spa',
  'base-path': 'base-path',
  header: 'headers',
  page: 'pages',
  sitemap: 'sitemap',
  crawl: 'crawl',
  'max-pages': 'max-pages',
  config: 'config',
  baseline: 'baseline',
  'fail-on': 'fail-on',
  'browser-path': 'browser-path',
  'browser-arg': 'browser-args',
  timeout: 'timeout',
  retries: 'retries',
  phases: 'phases',
  format: 'formats',
  'report-dir': 'report-dir',
};

const FLAG = new RegExp(`--(${Object.keys(INPUT_OF_FLAG).sort((a, b) => b.length - a.length).join('|')})(?![\\w-])`, 'g');

/** "--static DIR" → 'input "static-dir" DIR': the same advice in the Action's words. */
export function inInputWords(text: string): string {
  return text.replace(FLAG, (_, flag: string) => `input "${INPUT_OF_FLAG[flag]}"`);
}
