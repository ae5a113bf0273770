/**
 * What consent controls say, in Dutch (Netherlands and Flanders), French (France and Belgium), German
 * and English. Reject is checked first ("Accept only necessary cookies" is a refusal), then save ("Allow
 * selection" keeps the switches as they are), then settings, then accept. Matching is on whole words,
 * lower case, accents kept.
 */
export const CONSENT_WORDS = {
  reject: [
    'reject all', 'reject', 'decline', 'deny', 'refuse', 'disagree', 'do not accept', "don't accept",
    'only necessary', 'necessary only', 'only essential', 'essential only', 'necessary cookies only',
    'continue without accepting', 'no thanks',
    'weigeren', 'alle weigeren', 'weiger alles', 'niet aanvaarden', 'refuser tout', 'non merci', 'ik weiger', 'weiger', 'alles weigeren', 'alles afwijzen', 'afwijzen', 'alleen noodzakelijk', 'alleen noodzakelijke cookies',
    'alleen functionele', 'niet akkoord', 'nee', 'tout refuser', 'refuser', 'continuer sans accepter',
    'uniquement les cookies nécessaires', 'je refuse', 'ablehnen', 'alle ablehnen', 'nur notwendige',
    'nur essenzielle', 'nur erforderliche', 'nicht einverstanden',
  ],
  accept: [
    'accept all', 'accept', 'allow all', 'allow', 'agree', 'i agree', 'ok', 'okay', 'got it', "that's ok",
    'yes', 'alles accepteren', 'accepteren', 'akkoord', 'alle cookies accepteren', 'ja', 'toestaan',
    'alles toestaan', 'tout accepter', 'accepter', "j'accepte", 'autoriser', "d'accord", 'alle akzeptieren',
    'akzeptieren', 'zustimmen', 'einverstanden', 'alle zulassen', 'annehmen',
    // Flemish and Belgian French wordings.
    'aanvaarden', 'alles aanvaarden', 'alle cookies aanvaarden', 'ik aanvaard', 'accepteer', 'ik ga akkoord',
    'accepter et fermer', 'tout autoriser',
    // Klaro's own French translation says "C'est bon." to accept and "Laissez-moi choisir" for its settings.
    "c'est bon",
  ],
  /**
   * Controls that store the switches as they stand: with switches shown pre-ticked, this is consent to
   * what the site ticked, not a way into the settings.
   */
  save: [
    'save', 'save preferences', 'save settings', 'save my choices', 'save choices', 'confirm my choices', 'confirm choices',
    'allow selection', 'accept selection', 'opslaan', 'voorkeuren opslaan', 'keuze opslaan', 'instellingen opslaan',
    'bewaren', 'selectie toestaan', 'keuze bevestigen', 'enregistrer', 'sauvegarder', 'valider', 'confirmer mes choix',
    'enregistrer mes choix', 'autoriser la sélection', 'speichern', 'auswahl speichern', 'auswahl bestätigen', 'auswahl erlauben',
  ],
  settings: [
    'settings', 'preferences', 'customize', 'customise', 'manage', 'more options', 'let me choose', 'options',
    'instellingen', 'voorkeuren', 'aanpassen', 'zelf kiezen', 'paramètres', 'personnaliser', 'préférences',
    'einstellungen', 'anpassen', 'details', 'mehr optionen', 'laat me kiezen', 'meer opties', 'cookie instellingen',
    'gestion des cookies', 'gérer', 'en savoir plus et personnaliser', 'laissez moi choisir',
  ],
  /**
   * A link or button, outside any banner, that opens the consent choice again once it was made: in
   * a footer, or a floating button (then often only its aria-label or title says it). Whole phrases:
   * "instellingen" alone is any settings page.
   */
  reopen: [
    'cookie settings', 'cookie preferences', 'cookies settings', 'manage cookies', 'change cookie settings', 'privacy settings',
    'consent preferences', 'manage consent', 'change consent', 'change your consent', 'withdraw consent',
    'cookie instellingen', 'cookievoorkeuren', 'cookie voorkeuren', 'cookies beheren', 'privacy instellingen', 'toestemming wijzigen',
    'toestemming intrekken', 'gestion des cookies', 'paramètres des cookies', 'paramètres cookies', 'préférences cookies',
    'préférences des cookies', 'gérer les cookies', 'gérer mes cookies', 'modifier mes choix', 'cookie einstellungen',
    'datenschutzeinstellungen', 'einwilligung widerrufen', 'edit cookie settings', 'cookie instellingen wijzigen',
    // Osano's cookieconsent names its floating revoke tab by the policy ("Cookie Policy"): a link to the
    // policy page itself never counts, since it leads to another page.
    'cookie policy', 'politique de cookies', 'politique cookies', 'cookiebeleid',
  ],
  /** What closes a window without answering it: never the way back to the choice. */
  close: ['close', 'dismiss', 'sluiten', 'sluit', 'fermer', 'schließen', 'schliessen'],
  /**
   * Words a consent notice uses about itself, matched at word starts ("statisti" is statistics,
   * statistieken, statistiques and Statistiken). Many notices never say "cookie": Klaro's Dutch one asks
   * to "statistieken verzamelen". Only a fixed, dialog or consent-named element with an accept or
   * reject control counts, so these words alone never make a notice.
   */
  notice: [
    'cookie', 'consent', 'toestemming', 'privacy', 'tracking', 'datenschutz', 'einwilligung', 'vie privée',
    'traceur', 'consentement', 'statisti', 'analyti', 'personal data', 'persoonsgegevens', 'données personnelles',
    'personenbezogen', 'we use', 'wij gebruiken', 'we gebruiken', 'nous utilisons', 'wir verwenden', 'wir nutzen',
    'measur', 'meten', 'mesur', 'tracker',
  ],
  /** Ids and classes (a pattern, sent into the page as text) that name an element as being about consent. */
  containerNames: 'cookie|consent|gdpr|cmp|privacy',
  /**
   * Ids and classes of known consent managers' containers: such an element is a notice whatever its
   * text says (Klaro, OneTrust, Cookiebot, Didomi, Usercentrics, tarteaucitron, Orejime, Osano's and
   * Orest Bida's cookieconsent, Complianz, CookieYes, Quantcast, Sourcepoint, TrustArc, iubenda, Borlabs,
   * Axeptio, Termly).
   */
  managerNames: 'klaro|onetrust|cybotcookiebot|didomi|usercentrics|tarteaucitron|orejime|cc-window|cc-banner|cc_banner|cc-main|cmplz|cky-consent|qc-cmp|sp_message|truste|iubenda|borlabs|axeptio|termly',
  /**
   * Labels of categories that are strictly necessary and may be on by default. Matched inside the
   * label, so each stem must be one its inflections contain: Dutch "functioneel" is "functionele cookies".
   */
  necessary: ['necessary', 'essential', 'required', 'strictly', 'noodzakelijk', 'functioneel', 'functionele', 'functional', 'nécessaire', 'essentiel', 'notwendig', 'erforderlich', 'essenziell'],
  /** Link texts and paths of a cookie or privacy policy. */
  policy: ['cookie', 'privacy', 'privacyverklaring', 'cookiebeleid', 'cookieverklaring', 'datenschutz', 'confidentialité', 'vie privée', 'données personnelles', 'privacybeleid'],
} as const;

export type ConsentWords = typeof CONSENT_WORDS;
