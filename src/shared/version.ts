import pkg from '../../package.json' with { type: 'json' };

export const TOOL_NAME = 'consent-gate';
export const TOOL_VERSION: string = pkg.version;

/** Where each rule is explained: its row in the README, by anchor. */
export const DOCS_URL = 'https://github.com/consent-gate/consent-gate/blob/main/README.md';
