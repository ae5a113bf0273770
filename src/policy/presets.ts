import type { RuleEntry } from '../rules/index.js';
import type { Lang } from '../types.js';

export const JURISDICTIONS = ['eu', 'nl', 'be', 'nl-government'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface Preset {
  /** Whether an allow entry may exempt analytics, and which. */
  analyticsExemption: 'none' | 'first-party';
  rules: Readonly<Record<string, RuleEntry>>;
  /** Why, in a sentence a privacy officer recognises: printed when an allow entry is refused. */
  basis: string;
  /**
   * The reports' language when the policy names none: the jurisdiction's own where it has one. Belgium
   * has two (Dutch and French) and the EU many, so those stay English until the policy says `lang`.
   */
  lang: Lang;
}

export const PRESETS: Readonly<Record<Jurisdiction, Preset>> = {
  eu: {
    analyticsExemption: 'none',
    rules: {},
    lang: 'en',
    basis: 'the ePrivacy Directive art. 5(3) exempts only strictly necessary storage, not analytics',
  },
  nl: {
    analyticsExemption: 'first-party',
    rules: {},
    lang: 'nl',
    basis: 'Telecommunicatiewet art. 11.7a exempts analytics with little privacy impact; third-party analytics only when configured privacy-friendly',
  },
  be: {
    analyticsExemption: 'none',
    // The GBA/APD cookie FAQ asks for the cookie policy to be linked from the home page, and for it to
    // list every cookie with its purpose and retention. No analytics exemption here, and EDPB
    // Guidelines 2/2023 count a cookieless ping as access to the device.
    rules: { 'cookie-policy-link-missing': 'error', 'cookie-not-declared': 'error', 'cookieless-ping-before-choice': 'error' },
    lang: 'en',
    basis: 'the Belgian regulator (GBA/APD) does not exempt statistics cookies: they need consent',
  },
  'nl-government': {
    analyticsExemption: 'first-party',
    // Government sites should not hand their visitors to third parties they have not even identified.
    // Nor cookieless pings to Google before the visitor chose (EDPB Guidelines 2/2023). And they say
    // exactly what they store: an undeclared cookie is an error.
    rules: { 'unknown-third-party-before-consent': 'error', 'cookie-not-declared': 'error', 'cookieless-ping-before-choice': 'error' },
    lang: 'nl',
    basis: 'Telecommunicatiewet art. 11.7a; the Dutch government holds that third-party tracking has no place on its sites',
  },
};
