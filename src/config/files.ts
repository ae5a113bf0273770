/** The file names consent-gate looks for in a site's repository, named once for every stage that looks. */
export const POLICY_FILES = ['consent-gate.json', '.consent-gate.json'];
export const DEFAULT_BASELINE = 'consent-gate.baseline.json';
