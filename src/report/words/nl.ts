import { count, reasonOf, type Words } from './words.js';

const n = (value: number, one: string, many: string): string => count(value, one, many, 'nl');

/** Dutch, in the words of the Autoriteit Persoonsgegevens: toestemming, cookiemelding, weigeren. */
export const NL: Words = {
  lang: 'nl',
  pages: (v) => n(v, 'pagina', "pagina's"),
  errors: (v) => n(v, 'fout', 'fouten'),
  warnings: (v) => n(v, 'waarschuwing', 'waarschuwingen'),
  known: (v, status) => `${v} ${{ baselined: 'in de baseline', allowed: 'toegestaan', new: 'nieuw', fixed: 'opgelost' }[status]}`,
  clean: 'in orde',
  redirectedTo: (url) => `→ doorgestuurd naar ${url}`,
  alsoSeen: (visits) => `ook gezien ${visits}`,
  policyFile: (path, jurisdiction) => `beleid ${path} (${jurisdiction})`,
  noPolicyFile: (jurisdiction) => `geen beleidsbestand (standaard ${jurisdiction})`,
  pagesLabel: "pagina's",
  coverage: (found, scanned, left, unread) =>
    `${n(found, 'pagina', "pagina's")} gevonden, ${scanned} gescand, ${left === 0 ? 'geen' : left} overgeslagen${unread ? ' (plus de pagina\'s van een sitemap die niet kon worden gelezen)' : ''}`,
  leftOut: (part) => {
    const examples = part.examples.length > 0 ? `: ${part.examples.join(', ')}` : '';
    switch (part.reason) {
      case 'max-pages':
        return `${n(part.count, 'pagina', "pagina's")} boven --max-pages niet gescand; verhoog --max-pages om meer te scannen.`;
      case 'excluded':
        return `${n(part.count, 'pagina', "pagina's")} vielen onder --exclude en zijn overgeslagen.`;
      case 'other-host':
        return `${n(part.count, 'sitemappagina', "sitemappagina's")} op een andere host overgeslagen${examples}; richt met --sitemap-find/--sitemap-replace een productiesitemap op de preview.`;
      case 'sitemap-unreadable':
        return `${n(part.count, 'geneste sitemap kon', 'geneste sitemaps konden')} niet worden gelezen, dus de pagina's daarin zijn niet gescand${examples}.`;
    }
  },
  severity: { error: 'fout', warn: 'let op' },
  category: { necessary: 'noodzakelijk', preferences: 'voorkeuren', analytics: 'statistieken', marketing: 'marketing', social: 'sociale media', unknown: 'onbekend' },
  vendor: (vendor, category) => (vendor ? `${vendor} (${NL.category[category]})` : NL.category[category]),
  messageVendor: (vendor, category) =>
    vendor ? `${vendor} (${NL.category[category]})` : category === 'unknown' ? 'een onbekend bedrijf' : `een onbekend bedrijf (${NL.category[category]})`,
  duration: (v, unit) => (unit === 'days' ? n(v, 'dag', 'dagen') : n(v, 'maand', 'maanden')),
  phase: {
    initial: { short: 'eerste bezoek', label: 'Vóór een keuze', summary: 'eenmaal zonder iets aan te raken' },
    'after-scroll': { short: 'na scrollen', label: 'Na scrollen', summary: 'daarna na scrollen, de muis bewegen, Escape indrukken en, als er een banner is, een link volgen' },
    'after-reject': { short: 'na weigeren', label: 'Na weigeren', summary: 'in een nieuwe browser na weigeren in de cookiemelding, herladen en een andere pagina openen' },
    'after-save': { short: 'na opslaan', label: 'Na opslaan zoals getoond', summary: 'in een nieuwe browser na het opslaan van de schakelaars op de eerste laag zoals ze getoond werden, en herladen' },
    'after-accept': { short: 'na accepteren', label: 'Na accepteren', summary: 'in een nieuwe browser na accepteren en herladen' },
    'after-withdraw': { short: 'na intrekken', label: 'Na intrekken', summary: 'daarna, in dezelfde browser, na het opnieuw openen van de cookiekeuze, alles weigeren, herladen en een andere pagina openen' },
  },
  rulesHeading: 'Regels:',
  fixedHeading: (v) => `Opgelost sinds de baseline (${v}); verwijder ze met consent-gate baseline --prune:`,
  baselineWritten: (path) => `Baseline geschreven: ${path}`,
  headline: { passed: 'GESLAAGD', failed: 'AFGEKEURD', incomplete: 'ONVOLLEDIG' },
  newErrors: (v) => n(v, 'nieuwe fout', 'nieuwe fouten'),
  newWarnings: (v) => n(v, 'nieuwe waarschuwing', 'nieuwe waarschuwingen'),
  reason: (verdict, failOn) => {
    const { kind, n: v } = reasonOf(verdict, failOn);
    const what = failOn === 'warn' ? 'bevinding' : 'fout';
    switch (kind) {
      case 'nothing-scanned':
        return 'er is geen enkele pagina gescand; controleer de paginalijst, --max-pages en de instellingen voor het vinden van pagina\'s';
      case 'not-scanned':
        return `${n(v, 'paginascan kon', 'paginascans konden')} niet worden voltooid; een pagina die niet bekeken is, slaagt nooit`;
      case 'failing':
        return `${n(v, `nieuwe ${what}`, `nieuwe ${what === 'fout' ? 'fouten' : 'bevindingen'}`)} (failOn: ${failOn})`;
      case 'no-new':
        return `geen nieuwe ${what === 'fout' ? 'fouten' : 'bevindingen'}`;
      case 'no-errors':
        return 'geen fouten';
      case 'no-findings':
        return 'geen bevindingen';
    }
  },
  exit: (code) => `(exitcode ${code})`,
  markdown: {
    verdict: (status, errors, warnings, pages, reason) =>
      `**consent-gate ${NL.headline[status].toLowerCase()}**: ${NL.newErrors(errors)}, ${NL.newWarnings(warnings)} op ${NL.pages(pages)} — ${reason}.`,
    pagesLabel: "Pagina's",
    headings: ["Pagina's", 'Bezoek', 'Regel', 'Onderwerp', 'Bedrijf', 'Geladen via'],
    andMore: (named, more) => `${named} en ${more} andere`,
    moreRows: (v) => `…en nog ${n(v, 'nieuwe bevinding', 'nieuwe bevindingen')}: zie het volledige rapport.`,
    counts: (baselined, allowed, fixed) => `In de baseline: ${baselined} · Toegestaan: ${allowed} · Opgelost sinds de baseline: ${fixed}`,
    pruneHint: ' (opruimen met `consent-gate baseline --prune`)',
    fullReport: (path) => `Volledig rapport: \`${path}\``,
    onRunPage: (url, dir) => ` — op [de pagina van de run](${url}) als de workflow \`${dir}/\` als artefact uploadt`,
  },
  html: {
    title: (status, site) => `Toestemmingscontrole ${NL.headline[status].toLowerCase()}: ${site}`,
    counts: ['nieuwe fouten', 'nieuwe waarschuwingen', "pagina's niet gescand", 'bekend (baseline)', 'toegestaan door het beleid'],
    meta: (pages, jurisdiction, defaults) => `${NL.pages(pages)} · regels van het beleid ${jurisdiction}${defaults ? ' (standaard)' : ''}`,
    builtWith: (tool, chromium) => `${tool} met Chromium ${chromium}`,
    visitedHeading: 'Wat er is bezocht',
    visitedIntro: (summaries) => `Elke pagina is geopend als door een nieuwe bezoeker: ${summaries}.`,
    visitsCaption: "Pagina's en bezoeken",
    pageHeading: 'Pagina',
    notAskedFor: 'niet gevraagd',
    notScanned: 'niet gescand',
    noFindings: 'geen bevindingen',
    on: 'Op',
    onPages: (v) => `Op ${v} pagina's:`,
    badge: { error: 'fout', warn: 'waarschuwing', baselined: 'in de baseline', allowed: 'toegestaan' },
    found: 'Gevonden',
    company: 'Bedrijf',
    notKnown: 'onbekend',
    party: { first: 'eigen partij (first party)', third: 'derde partij' },
    purpose: { necessary: 'Strikt noodzakelijk', preferences: 'Voorkeuren', analytics: 'Statistieken (analytics)', marketing: 'Marketing', social: 'Sociale media', unknown: 'Onbekend' },
    allowedBecause: 'Toegestaan omdat',
    knownBecause: 'Bekend omdat',
    note: 'Opmerking',
    howItGotThere: 'Hoe het er kwam',
    onPage: (page) => ` (op ${page})`,
    whatTheLawAsks: 'Wat de wet vraagt:',
    evidence: (rule, fingerprint) => `Bewijs (${rule}, vingerafdruk ${fingerprint})`,
    findingsHeading: 'Bevindingen',
    nothingAnywhere: 'Niets te melden: op geen enkele pagina is bij enig bezoek tracking gezien.',
    pagesHeading: "Pagina's",
    screenshotPage: ['De pagina zoals een nieuwe bezoeker die zag', 'Wat een nieuwe bezoeker zag, vóór een keuze'],
    screenshotBanner: ['De cookiemelding', 'De cookiemelding'],
    nothingOnPage: 'Niets te melden: op deze pagina is bij geen enkel bezoek tracking gezien.',
    storedHeading: 'Opgeslagen na accepteren',
    noInventory: 'Bij geen enkel bezoek kon een cookiemelding worden geaccepteerd, dus er is geen overzicht van wat de website met toestemming opslaat.',
    storedIntro: 'Alles wat de website opsloeg nadat de bezoeker accepteerde: de tabel die in een cookiebeleid hoort. Neem haar over in het beleid en controleer elk doel.',
    storedCaption: 'Cookies en opslag na accepteren',
    storedHeadings: ['Naam', 'Soort', 'Bedrijf', 'Doel', 'Bewaartermijn', 'Partij', 'Vermeld', "Pagina's"],
    declared: { yes: 'ja', no: 'nee: ontbreekt in de verklaring', unknown: 'niet nagegaan' },
    kind: { cookie: 'cookie', storage: 'browseropslag' },
    thirdParty: (domain) => `derde partij (${domain})`,
    nothingStored: 'Er is niets opgeslagen.',
    lifetime: {
      storage: 'verloopt niet (browseropslag)',
      session: 'tot de browser sluit',
      years: (years, days) => `${years.toLocaleString('nl')} jaar (${days} dagen)`,
      days: (v) => n(v, 'dag', 'dagen'),
    },
    fixedHeading: 'Opgelost sinds de baseline',
    fixedEntry: (rule, subject, pages) => `${rule}: ${subject} op ${pages}`,
    footer: (tool, seconds, thirdPartyWeb, openCookieDatabase) =>
      `Gemaakt door ${tool} in ${seconds} s. Bedrijven en doelen uit third-party-web ${thirdPartyWeb} en de Open Cookie Database ${openCookieDatabase}. Cookiewaarden en kenmerken van bezoekers worden nooit getoond.`,
    chain: {
      page: 'de pagina',
      html: 'geladen door een tag in de HTML',
      script: 'geladen door een script',
      redirect: 'bereikt via een doorverwijzing vanaf de stap erboven',
      frame: 'geladen in het document erboven',
      unknown: 'geladen door iets wat de browser niet kon toeschrijven',
    },
    chainAt: (line, where) => ` op regel ${line} van ${where === 'page' ? 'de pagina' : where === 'document' ? 'het document erboven' : 'het script erboven'}`,
    setByAbove: 'geplaatst door de stap erboven',
    writtenByAbove: 'weggeschreven door de stap erboven',
  },
};
