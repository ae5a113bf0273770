/**
 * What consent controls say, in Dutch, French, German and English. Reject is checked before accept:
 * "Accept only necessary cookies" is a refusal. Matching is on whole words, lower case, accents kept.
 */
export const CONSENT_WORDS = {
  reject: [
    'reject all', 'reject', 'decline', 'deny', 'refuse', 'disagree', 'do not accept', "don't accept",
    'only necessary', 'necessary only', 'only essential', 'essential only', 'necessary cookies only',
    'continue without accepting', 'no thanks',
    'weigeren', 'ik weiger', 'weiger', 'alles weigeren', 'alles afwijzen', 'afwijzen', 'alleen noodzakelijk', 'alleen noodzakelijke cookies',
    'alleen functionele', 'niet akkoord', 'nee', 'tout refuser', 'refuser', 'continuer sans accepter',
    'uniquement les cookies nécessaires', 'je refuse', 'ablehnen', 'alle ablehnen', 'nur notwendige',
    'nur essenzielle', 'nur erforderliche', 'nicht einverstanden',
  ],
  accept: [
    'accept all', 'accept', 'allow all', 'allow', 'agree', 'i agree', 'ok', 'okay', 'got it', "that's ok",
    'yes', 'alles accepteren', 'accepteren', 'akkoord', 'alle cookies accepteren', 'ja', 'toestaan',
    'alles toestaan', 'tout accepter', 'accepter', "j'accepte", 'autoriser', "d'accord", 'alle akzeptieren',
    'akzeptieren', 'zustimmen', 'einverstanden', 'alle zulassen', 'annehmen',
  ],
  settings: [
    'settings', 'preferences', 'customize', 'customise', 'manage', 'more options', 'let me choose', 'options',
    'instellingen', 'voorkeuren', 'aanpassen', 'zelf kiezen', 'paramètres', 'personnaliser', 'préférences',
    'einstellungen', 'anpassen', 'details', 'mehr optionen',
  ],
  /** Words a consent notice uses about itself. */
  notice: [
    'cookie', 'consent', 'toestemming', 'privacy', 'tracking', 'datenschutz', 'einwilligung', 'vie privée',
    'traceurs', 'consentement',
  ],
  /**
   * Labels of categories that are strictly necessary and may be on by default. Matched inside the
   * label, so each stem must be one its inflections contain: Dutch "functioneel" is "functionele cookies".
   */
  necessary: ['necessary', 'essential', 'required', 'strictly', 'noodzakelijk', 'functioneel', 'functionele', 'functional', 'nécessaire', 'essentiel', 'notwendig', 'erforderlich', 'essenziell'],
  /** Link texts and paths of a cookie or privacy policy. */
  policy: ['cookie', 'privacy', 'privacyverklaring', 'cookiebeleid', 'cookieverklaring', 'datenschutz', 'confidentialité', 'vie privée', 'données personnelles', 'privacybeleid'],
} as const;

export type ConsentWords = typeof CONSENT_WORDS;
