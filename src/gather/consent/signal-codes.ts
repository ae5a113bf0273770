import { TCString } from '@iabtcf/core';
import type { ConsentModeSignal, ConsentModeValue, GoogleConsentHit, TcfAnswer } from '../../types.js';
import { errorText } from '../../shared/errors.js';

/**
 * What the consent signals a page sends say, decoded from their wire formats: the IAB TC string, and
 * the gcs and gcd parameters Google's tags add to every hit. Pure functions: the reading is in signals.ts.
 */

/** Where Google's tags send hits: Analytics, Tag Manager, Ads and DoubleClick, and google.<tld>/…/collect. */
const GOOGLE_HOST = /(^|\.)(google-analytics\.com|googletagmanager\.com|doubleclick\.net|googleadservices\.com|googlesyndication\.com|google\.[a-z]{2,3}(\.[a-z]{2})?)$/i;

/** gcs=G1xy: x is ad_storage, y analytics_storage; 1 granted, 0 denied. */
const GCS = /^G1([01])([01])$/;

/**
 * gcd=11p1p1p1p5: two digits, then a letter for each of ad_storage, analytics_storage, ad_user_data and
 * ad_personalization with a digit after each. A letter says how the signal got where it is (set by
 * default, by an update, or both); what counts for the hit is where it ended up.
 */
const GCD = /^\d\d([a-z])\d([a-z])\d([a-z])\d([a-z])\d/i;
const GCD_ORDER: readonly ConsentModeSignal[] = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'];
const GCD_LETTER: Readonly<Record<string, ConsentModeValue | null>> = {
  l: null, // not set
  p: 'denied', // denied by default, no update
  q: 'denied', // denied by default and by the update
  m: 'denied', // denied by an update, no default
  u: 'denied', // granted by default, denied by the update
  t: 'granted', // granted by default, no update
  r: 'granted', // denied by default, granted by the update
  n: 'granted', // granted by an update, no default
  v: 'granted', // granted by default and by the update
};

const bit = (digit: string | undefined): ConsentModeValue => (digit === '1' ? 'granted' : 'denied');

/** The Consent Mode state a request to a Google host reported, or null for any other request. */
export function googleConsentHit(url: string): GoogleConsentHit | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!GOOGLE_HOST.test(parsed.hostname)) return null;
  const gcs = parsed.searchParams.get('gcs');
  const gcd = parsed.searchParams.get('gcd');
  if (gcs === null && gcd === null) return null;
  const state: GoogleConsentHit['state'] = {};
  const fromGcs = gcs ? GCS.exec(gcs) : null;
  if (fromGcs) Object.assign(state, { ad_storage: bit(fromGcs[1]), analytics_storage: bit(fromGcs[2]) });
  const fromGcd = gcd ? GCD.exec(gcd) : null;
  GCD_ORDER.forEach((signal, i) => {
    const value = fromGcd ? GCD_LETTER[fromGcd[i + 1]!.toLowerCase()] : null;
    if (value) state[signal] = value;
  });
  return { url, gcs, gcd, state };
}

/** The purposes and vendors a TC string gives consent for; a string that does not decode says why. */
export function decodeTcString(tcString: string): Pick<TcfAnswer, 'purposeConsents' | 'vendorConsents' | 'decodeError'> {
  try {
    const model = TCString.decode(tcString);
    const granted = (vector: { forEach(each: (value: boolean, id: number) => void): void }): number[] => {
      const ids: number[] = [];
      vector.forEach((value, id) => {
        if (value) ids.push(id);
      });
      return ids;
    };
    return { purposeConsents: granted(model.purposeConsents), vendorConsents: granted(model.vendorConsents), decodeError: null };
  } catch (error) {
    return { purposeConsents: [], vendorConsents: [], decodeError: errorText(error) };
  }
}
