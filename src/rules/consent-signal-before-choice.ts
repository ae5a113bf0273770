import type { ClassifiedScan, Lang, TcfAnswer } from '../types.js';
import { commandText, googleHitsByHost, grantedHits, grantedSignals } from './consent-signals.js';
import type { Rule, RuleHit } from './rule.js';

type SignalMessages = Record<'tcfPurposes' | 'tcfVendors' | 'modeGranted' | 'hitGranted', string>;

/** Each language's sentences, with `at` (" before any choice") where that language says when. */
const SENTENCES: Readonly<Record<Lang, (at: string) => SignalMessages>> = {
  en: (at) => ({
    tcfPurposes: `The TCF consent manager (CMP {{cmp}}) said the visitor consented to purposes {{purposes}}${at}`,
    tcfVendors: `The TCF consent manager (CMP {{cmp}}) said the visitor consented to {{count}} vendor(s)${at}: {{vendors}}`,
    modeGranted: `Google Consent Mode stood at granted for {{signals}}${at}, set by gtag('consent', '{{command}}')`,
    hitGranted: `{{count}} hit(s) to {{host}} ({{vendor}}) told Google consent was granted${at}: {{values}}`,
  }),
  nl: (at) => ({
    tcfPurposes: `De TCF-toestemmingsbeheerder (CMP {{cmp}}) meldde${at} dat de bezoeker toestemming gaf voor doelen {{purposes}}`,
    tcfVendors: `De TCF-toestemmingsbeheerder (CMP {{cmp}}) meldde${at} dat de bezoeker toestemming gaf aan {{count}} partij(en): {{vendors}}`,
    modeGranted: `Google Consent Mode stond${at} op granted voor {{signals}}, gezet door gtag('consent', '{{command}}')`,
    hitGranted: `{{count}} hit(s) naar {{host}} ({{vendor}}) meldden Google${at} dat toestemming was gegeven: {{values}}`,
  }),
  fr: (at) => ({
    tcfPurposes: `Le gestionnaire de consentement TCF (CMP {{cmp}}) a indiqué${at} que le visiteur avait consenti aux finalités {{purposes}}`,
    tcfVendors: `Le gestionnaire de consentement TCF (CMP {{cmp}}) a indiqué${at} que le visiteur avait consenti à {{count}} partenaire(s) : {{vendors}}`,
    modeGranted: `Google Consent Mode était${at} sur granted pour {{signals}}, réglé par gtag('consent', '{{command}}')`,
    hitGranted: `{{count}} requête(s) vers {{host}} ({{vendor}}) ont signalé à Google${at} que le consentement était donné : {{values}}`,
  }),
};

/** Before any choice and after refusing: the same sentences, told apart by their message ids. */
function messages(lang: Lang, before: string, afterReject: string): Record<string, string> {
  const first = SENTENCES[lang](` ${before}`);
  const later = SENTENCES[lang](` ${afterReject}`);
  return { ...first, ...Object.fromEntries(Object.entries(later).map(([id, text]) => [`${id}AfterReject`, text])) };
}

const GDPR_NOT_APPLIED: Readonly<Record<Lang, string>> = {
  en: 'The TCF consent manager (CMP {{cmp}}) told every vendor that the GDPR does not apply to this visitor (gdprApplies: false)',
  nl: 'De TCF-toestemmingsbeheerder (CMP {{cmp}}) meldde aan alle partijen dat de AVG niet geldt voor deze bezoeker (gdprApplies: false)',
  fr: "Le gestionnaire de consentement TCF (CMP {{cmp}}) a indiqué à tous les partenaires que le RGPD ne s'applique pas à ce visiteur (gdprApplies: false)",
};

const MAX_VENDORS = 10;

function tcfEvidence(tcf: TcfAnswer): string[] {
  return [
    `__tcfapi('getTCData', 2) answered eventStatus ${tcf.eventStatus ?? 'none'}, gdprApplies ${String(tcf.gdprApplies)}, cmpId ${tcf.cmpId ?? 'none'}`,
    `TC string ${tcf.tcString ?? '(none)'}`,
  ];
}

function tcfHits(tcf: TcfAnswer | null, suffix: string, initial: boolean): RuleHit[] {
  if (!tcf?.answered) return [];
  const cmp = tcf.cmpId ?? 'unknown';
  const hit = (name: string, messageId: string, data: Record<string, string | number>): RuleHit => ({
    subject: { kind: 'page', name },
    category: 'unknown',
    vendor: null,
    party: null,
    messageId,
    data: { cmp, ...data },
    evidence: tcfEvidence(tcf),
    chain: [],
  });
  const hits: RuleHit[] = [];
  // All of our jurisdictions are in the EU: a CMP that says the GDPR does not apply lets every vendor skip consent.
  if (initial && tcf.gdprApplies === false) hits.push(hit('TCF gdprApplies', 'gdprNotApplied', {}));
  if (tcf.purposeConsents.length > 0) hits.push(hit('TCF purpose consents', `tcfPurposes${suffix}`, { purposes: tcf.purposeConsents.join(', ') }));
  if (tcf.vendorConsents.length > 0) {
    const more = tcf.vendorConsents.length > MAX_VENDORS ? ', …' : '';
    hits.push(hit('TCF vendor consents', `tcfVendors${suffix}`, { count: tcf.vendorConsents.length, vendors: `${tcf.vendorConsents.slice(0, MAX_VENDORS).join(', ')}${more}` }));
  }
  return hits;
}

function consentModeHits(scan: ClassifiedScan, suffix: string): RuleHit[] {
  const commands = scan.consentSignals?.consentMode ?? [];
  const granted = grantedSignals(commands);
  if (granted.length === 0) return [];
  return [
    {
      subject: { kind: 'page', name: 'Google Consent Mode' },
      category: 'unknown',
      vendor: null,
      party: null,
      messageId: `modeGranted${suffix}`,
      data: { signals: granted.map((g) => g.signal).join(', '), command: granted.at(-1)!.by.command },
      evidence: [...new Set(granted.map((g) => commandText(g.by)))].map((text) => `${text} in the page's dataLayer`),
      chain: [],
    },
  ];
}

export const consentSignalBeforeChoice: Rule = {
  meta: {
    id: 'consent-signal-before-choice',
    title: 'Consent signal says yes before any choice',
    description:
      "The page's consent signals claimed consent the visitor never gave: the IAB TCF API answered with purpose or vendor consents (or gdprApplies false) before any choice or after refusing, Google Consent Mode stood at granted, or Google hits said granted.",
    legalBasis:
      'GDPR art. 4(11) and 7: consent is a clear affirmative act, which the controller must be able to show; ePrivacy Directive art. 5(3). A signal that says "consented" before the visitor chose hands every vendor that reads it consent that does not exist.',
    plainWords:
      'Advertisers and Google act on what the page tells them. This page told them the visitor had said yes when the visitor had not (yet), or had said no.',
    translations: {
      nl: {
        title: 'Toestemmingssignaal zegt ja vóór een keuze',
        legalBasis:
          'AVG art. 4 punt 11 en art. 7: toestemming is een duidelijke actieve handeling, die de verwerkingsverantwoordelijke moet kunnen aantonen; ePrivacyrichtlijn art. 5 lid 3. Een signaal dat "toestemming" zegt voordat de bezoeker koos, geeft elke partij die het leest een toestemming die niet bestaat.',
        plainWords: 'Adverteerders en Google handelen naar wat de pagina hun meldt. Deze pagina meldde dat de bezoeker ja had gezegd terwijl die (nog) niet had gekozen, of nee had gezegd.',
        messages: { ...messages('nl', 'vóór een keuze', 'nadat de bezoeker weigerde'), gdprNotApplied: GDPR_NOT_APPLIED.nl },
      },
      fr: {
        title: 'Signal de consentement positif avant tout choix',
        legalBasis:
          "RGPD, art. 4, point 11, et art. 7 : le consentement est un acte positif clair, que le responsable du traitement doit pouvoir démontrer ; directive ePrivacy, art. 5, § 3. Un signal qui dit « consenti » avant que le visiteur ait choisi donne à chaque partenaire qui le lit un consentement qui n'existe pas.",
        plainWords: "Les annonceurs et Google agissent selon ce que la page leur transmet. Cette page leur a dit que le visiteur avait accepté alors qu'il n'avait pas (encore) choisi, ou avait refusé.",
        messages: { ...messages('fr', 'avant tout choix', 'après le refus du visiteur'), gdprNotApplied: GDPR_NOT_APPLIED.fr },
      },
    },
    defaultSeverity: 'error',
    // A signal that claims consent is false whoever reads it: no allow entry makes it true.
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['initial', 'after-reject'],
    messages: { ...messages('en', 'before any choice', 'after the visitor refused'), gdprNotApplied: GDPR_NOT_APPLIED.en },
  },
  check: (scan) => {
    const initial = scan.phase === 'initial';
    // When reject could not be clicked, the visit proves nothing; other rules say why.
    if (!initial && !scan.action?.done) return [];
    const suffix = initial ? '' : 'AfterReject';
    return [...tcfHits(scan.consentSignals?.tcf ?? null, suffix, initial), ...consentModeHits(scan, suffix), ...googleHitsByHost(scan, grantedHits(scan), `hitGranted${suffix}`)];
  },
};
