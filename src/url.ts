/** Small URL facts every stage needs, spelled once. */

/** http(s) only: about:blank, data:, blob: and chrome: URLs are not the web we judge. */
export const isWebUrl = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//.test(url);

/** The document a URL names: DevTools reports request URLs without the fragment, Playwright with it. */
export const withoutFragment = (url: string): string => url.split('#')[0] ?? url;
