import type { Classified, ClassifiedScan, FingerprintTechnique, GatheredFingerprinting } from '../types.js';
import { chainTo } from '../derive/chain.js';
import { hostOf } from '../shared/url.js';
import { plural } from '../shared/text.js';
import { vendorLabel, withoutQuery } from './evidence.js';
import { BEFORE_CONSENT } from './hits.js';
import type { Rule, RuleHit } from './rule.js';

/**
 * Font probing measures one string in each of many families to see which are installed
 * (FingerprintJS measures about fifty). A page's own typography and a font-loading check measure a
 * handful; twenty families is far above that and far below what a probe needs to tell devices apart.
 */
export const PROBED_FONT_FAMILIES = 20;

/**
 * Each navigator property says little (most scripts read one or two: the platform for a shortcut
 * hint, the languages for a locale); a sweep reads most of the nine the hooks watch.
 */
export const SWEPT_NAVIGATOR_PROPERTIES = 5;

type Call = Classified<GatheredFingerprinting>;

const TECHNIQUE: Readonly<Record<FingerprintTechnique, string>> = {
  canvas: 'canvas read-back',
  webgl: 'WebGL renderer',
  audio: 'audio rendering',
  fonts: 'font probing',
  navigator: 'navigator sweep',
};

/** The calls that make a fingerprint: all canvas, WebGL and audio read-backs; fonts and navigator only in bulk. */
function fingerprintCalls(scan: ClassifiedScan): Call[] {
  const navigatorReads = new Map<string, number>();
  for (const call of scan.fingerprinting) if (call.technique === 'navigator') navigatorReads.set(call.script, (navigatorReads.get(call.script) ?? 0) + 1);
  return scan.fingerprinting.filter((call) => {
    if (call.technique === 'fonts') return (call.families ?? 0) >= PROBED_FONT_FAMILIES;
    if (call.technique === 'navigator') return (navigatorReads.get(call.script) ?? 0) >= SWEPT_NAVIGATOR_PROPERTIES;
    return true;
  });
}

const unique = (items: string[]): string[] => [...new Set(items)];

function evidenceLine(call: Call): string {
  const families = call.families === null ? '' : `, measuring ${call.families} font ${call.families === 1 ? 'family' : 'families'}`;
  return `${call.api} called ${plural(call.calls, 'time')}${families} by ${withoutQuery(call.script)}`;
}

/** One finding per host, as for requests: a vendor's scripts are one thing to fix. */
function hostHit(scan: ClassifiedScan, calls: Call[]): RuleHit {
  const first = calls[0]!;
  const scripts = unique(calls.map((c) => withoutQuery(c.script)));
  const firstParty = first.class.party === 'first';
  return {
    subject: { kind: 'request', host: hostOf(first.script), url: scripts[0]! },
    category: first.class.category,
    vendor: first.class.vendor,
    party: first.class.party,
    messageId: firstParty ? 'firstParty' : 'thirdParty',
    data: {
      vendor: vendorLabel(first.class.vendor, first.class.category),
      script: scripts.join(', '),
      techniques: unique(calls.map((c) => TECHNIQUE[c.technique])).join(', '),
      apis: unique(calls.map((c) => c.api)).join(', '),
    },
    evidence: calls.map(evidenceLine),
    chain: chainTo(scan, first.script),
    // The site's own code is the site's own decision to review; a vendor's is data leaving for elsewhere.
    ...(firstParty ? { maxSeverity: 'warn' as const } : {}),
  };
}

export const fingerprintingBeforeConsent: Rule = {
  meta: {
    id: 'fingerprinting-before-consent',
    title: 'Fingerprinting before consent',
    description:
      'A script read a fingerprint of the browser before the visitor made any choice: a canvas it drew text on, the WebGL renderer, rendered audio, dozens of font families or most navigator properties. A third-party script is an error, the site\'s own a warning.',
    legalBasis:
      'ePrivacy Directive art. 5(3) covers gaining access to information on the device, not only storing it; EDPB Guidelines 2/2023 on the technical scope of art. 5(3) bring fingerprinting within it (§§32-37, 47-51).',
    plainWords:
      "Reading how the visitor's device draws text, plays sound or which fonts it has identifies the device as well as a cookie does, and needs the same consent: this page did it before the visitor could choose.",
    translations: {
      nl: {
        title: 'Fingerprinting vóór toestemming',
        legalBasis:
          'ePrivacyrichtlijn art. 5 lid 3 geldt voor het verkrijgen van toegang tot informatie op het apparaat, niet alleen voor het opslaan ervan; EDPB-richtsnoeren 2/2023 over de technische reikwijdte van art. 5 lid 3 brengen fingerprinting daaronder (punten 32-37, 47-51).',
        plainWords:
          'Uitlezen hoe het apparaat van de bezoeker tekst tekent, geluid weergeeft of welke lettertypen het heeft, herkent het apparaat net zo goed als een cookie, en vraagt dus dezelfde toestemming: deze pagina deed het voordat de bezoeker kon kiezen.',
        messages: {
          thirdParty: 'Script van derden {{script}} ({{vendor}}) las een vingerafdruk van de browser af vóór toestemming ({{techniques}}): {{apis}}',
          firstParty: 'Het eigen script van de site {{script}} las een vingerafdruk van de browser af vóór toestemming ({{techniques}}): {{apis}}',
        },
      },
      fr: {
        title: 'Empreinte numérique avant le consentement',
        legalBasis:
          "Directive ePrivacy, art. 5, § 3 : elle vise l'accès aux informations stockées dans l'appareil, pas seulement leur stockage ; les lignes directrices 2/2023 du CEPD sur la portée technique de l'art. 5, § 3 y incluent l'empreinte numérique (points 32-37, 47-51).",
        plainWords:
          "Lire comment l'appareil du visiteur dessine du texte, restitue un son ou quelles polices il possède l'identifie aussi bien qu'un cookie, et demande le même consentement : cette page l'a fait avant que le visiteur puisse choisir.",
        messages: {
          thirdParty: 'Le script tiers {{script}} ({{vendor}}) a relevé une empreinte du navigateur avant le consentement ({{techniques}}) : {{apis}}',
          firstParty: 'Le script du site lui-même {{script}} a relevé une empreinte du navigateur avant le consentement ({{techniques}}) : {{apis}}',
        },
      },
    },
    ...BEFORE_CONSENT,
    messages: {
      thirdParty: 'Third-party script {{script}} ({{vendor}}) fingerprinted the browser before consent ({{techniques}}): {{apis}}',
      firstParty: "The site's own script {{script}} fingerprinted the browser before consent ({{techniques}}): {{apis}}",
    },
  },
  check: (scan) => {
    const byHost = new Map<string, Call[]>();
    for (const call of fingerprintCalls(scan)) {
      const host = hostOf(call.script);
      byHost.set(host, [...(byHost.get(host) ?? []), call]);
    }
    return [...byHost.values()].map((calls) => hostHit(scan, calls));
  },
};
