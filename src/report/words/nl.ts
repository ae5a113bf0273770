import { actionSentence, count, reasonOf, type ActionPhrases, type Words } from './words.js';

const n = (value: number, one: string, many: string): string => count(value, one, many, 'nl');

/** Dutch, in the words of the Autoriteit Persoonsgegevens: toestemming, cookiemelding, weigeren. */
const NL_ACTION: ActionPhrases = {
  browse: 'scrolde naar beneden, bewoog de muis, drukte op Escape',
  click: (control, layer, asShown) => `klikte op "${control}"${layer === 2 ? ' in de instellingenlaag' : ''}${asShown ? ' zonder een schakelaar te wijzigen' : ''}`,
  thenClick: (control) => `daarna op "${control}"`,
  clickAfterReopen: (control, layer) => `klikte daarna op "${control}"${layer === 2 ? ' in de instellingenlaag' : ''}`,
  autoconsent: (cmp, choice) => `de regels van autoconsent voor ${cmp} ${choice === 'reject' ? 'weigerden' : 'accepteerden'}`,
  reopen: ({ control, place }) =>
    `opende de cookiekeuze opnieuw (${
      place
        ? `klikte op de ${place.floating ? 'zwevende ' : ''}${place.kind === 'button' ? 'knop' : 'link'} "${control}"${place.shadowRoot ? ' in de shadow root van de cookiemelding' : ''}${place.frameUrl ? ` in het frame ${place.frameUrl}` : ''}`
        : `riep ${control} aan`
    })`,
  reload: 'herlaadde de pagina',
  follow: (path, afterBrowsing) => `${afterBrowsing ? 'volgde daarna' : 'volgde'} een link naar ${path}`,
  noLink: 'vond geen interne link om te volgen',
  stored: (choice, on, bannerAgain) =>
    `${{ reject: 'geweigerd', save: 'bewaard zoals getoond', accept: 'geaccepteerd', withdraw: 'ingetrokken' }[choice]} op ${on}, opgeslagen${bannerAgain ? ', maar de cookiemelding verscheen hier opnieuw' : ''}`,
  notDone: (failure) => `(niet gedaan: ${failure})`,
};

export const NL: Words = {
  lang: 'nl',
  pages: (v) => n(v, 'pagina', "pagina's"),
  errors: (v) => n(v, 'fout', 'fouten'),
  warnings: (v) => n(v, 'waarschuwing', 'waarschuwingen'),
  known: (v, status) => `${v} ${{ baselined: 'in de baseline', allowed: 'toegestaan', new: 'nieuw', fixed: 'opgelost' }[status]}`,
  clean: 'in orde',
  redirectedTo: (url) => `→ doorgestuurd naar ${url}`,
  windowsRefused: (visit, opened, refused) => `${visit}: de pagina bleef vensters openen: ${opened} gevolgd, ${refused} meer niet geopend (de pop-upblokkering van een bezoeker weigert ze allemaal)`,
  waitsCut: (visit) => `${visit}: de pagina hield het bezoek bezig tot voorbij het wachtbudget; vastgelegd zoals de pagina er toen bij stond`,
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
      case 'crawl-unreadable':
        return `${n(part.count, 'pagina kon', "pagina's konden")} niet worden opgehaald om de links erop te volgen, dus pagina's die alleen daar gelinkt zijn, zijn niet gevonden${examples}.`;
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
    'after-reject': { short: 'na weigeren', label: 'Na weigeren', summary: 'na weigeren in de cookiemelding: op de eerste pagina met die melding in een nieuwe browser, daarna herladen en een andere pagina openen; op de andere pagina\'s ermee één keer geladen met de weigering opgeslagen' },
    'after-save': { short: 'na opslaan', label: 'Na opslaan zoals getoond', summary: 'na het opslaan van de schakelaars op de eerste laag zoals ze getoond werden: op de eerste pagina met die melding in een nieuwe browser, daarna herladen; op de andere pagina\'s ermee één keer geladen met de keuze opgeslagen' },
    'after-accept': { short: 'na accepteren', label: 'Na accepteren', summary: 'na accepteren: op de eerste pagina met die melding in een nieuwe browser, daarna herladen; op de andere pagina\'s ermee één keer geladen met de toestemming opgeslagen' },
    'after-withdraw': { short: 'na intrekken', label: 'Na intrekken', summary: 'na accepteren, de cookiekeuze opnieuw openen en alles weigeren: op de eerste pagina met die melding in de browser die accepteerde, daarna herladen en een andere pagina openen; op de andere pagina\'s ermee één keer geladen met de intrekking opgeslagen' },
  },
  action: (action) => actionSentence(action, NL_ACTION),
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
  cause: {
    tag: (vendor, file, line, others) => `${vendor ? `De tag van ${vendor}` : 'Een tag'} in ${file}${line ? `, regel ${line}` : ''}${others > 0 ? ` (en ${n(others, 'andere pagina', "andere pagina's")})` : ''}`,
    container: (vendor, id) => `De container ${id} van ${vendor ?? 'een tagmanager'}`,
    script: (path) => `Het eigen bestand ${path} van de website`,
    server: (host) => `De server ${host} van de website, die cookies plaatst (Set-Cookie)`,
    vendor: (name) => `${name ?? 'Een onbekend bedrijf'}, zonder oorzaak die de browser kon herleiden`,
    banner: (found) => (found ? 'De cookiemelding' : 'Geen cookiemelding'),
    page: (path) => `${path} kon niet worden gescand`,
  },
  time: (ms) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toLocaleString('nl', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`),
  markdown: {
    verdict: (status, errors, warnings, pages, reason) =>
      `**consent-gate ${NL.headline[status].toLowerCase()}**: ${NL.newErrors(errors)}, ${NL.newWarnings(warnings)} op ${NL.pages(pages)} — ${reason}.`,
    pagesLabel: "Pagina's",
    headings: ['Oorzaak', "Pagina's", 'Bezoeken', 'Bevindingen', 'Bedrijven'],
    caused: (counts, what) => `${counts}: ${what}`,
    andMore: (named, more) => `${named} en ${more} andere`,
    moreRows: (v) => `…en nog ${n(v, 'oorzaak', 'oorzaken')}: zie het volledige rapport.`,
    counts: (baselined, allowed, fixed) => `In de baseline: ${baselined} · Toegestaan: ${allowed} · Opgelost sinds de baseline: ${fixed}`,
    pruneHint: ' (opruimen met `consent-gate baseline --prune`)',
    fullReport: (path) => `Volledig rapport: \`${path}\``,
    onRunPage: (url, dir) => ` — op [de pagina van de run](${url}) als de workflow \`${dir}/\` als artefact uploadt`,
  },
  comment: {
    on: 'op',
    loadedVia: 'geladen via',
    fixedHeading: (v) => `Opgelost sinds de baseline (${v})`,
    moreFindings: (v) => `…en nog ${n(v, 'nieuwe bevinding', 'nieuwe bevindingen')}: zie het volledige rapport.`,
    moreFixed: (v) => `… en nog ${v}: zie het volledige rapport.`,
    checked: (when) => `Gecontroleerd op ${when}.`,
    run: (url) => `[De pagina van de run](${url}).`,
    posted: (action, url) => `Reactie op de pull request ${action === 'created' ? 'geplaatst' : 'bijgewerkt'}: ${url}`,
    notPosted: (reason) =>
      `De reactie op de pull request kon niet worden geplaatst: ${reason}. Een pull request uit een fork krijgt een token dat alleen mag lezen; geef de job anders \`permissions: pull-requests: write\`. Het oordeel hierboven blijft staan.`,
    watchFailed: (reason) => `Het bewakingsissue kon niet worden bijgewerkt: ${reason}. Geef de job \`permissions: issues: write\`.`,
    watched: (action, url) => `Bewakingsissue ${{ opened: 'geopend', updated: 'bijgewerkt', closed: 'gesloten' }[action]}: ${url}`,
    nothingToWatch: 'Er staat geen bewakingsissue open en er is er geen nodig: er is niets nieuws gevonden.',
  },
  html: {
    title: (status, site) => `Toestemmingscontrole ${NL.headline[status].toLowerCase()}: ${site}`,
    counts: ['nieuwe fouten', 'nieuwe waarschuwingen', "pagina's niet gescand", 'bekend (baseline)', 'toegestaan door het beleid'],
    meta: (pages, jurisdiction, defaults) => `${NL.pages(pages)} · regels van het beleid ${jurisdiction}${defaults ? ' (standaard)' : ''}`,
    builtWith: (tool, chromium) => `${tool} met Chromium ${chromium}`,
    visitedHeading: 'Wat er is bezocht',
    visitedSummary: 'Hoe elke pagina is bezocht',
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
    findingsHeading: 'Wat er moet worden opgelost',
    findingsIntro: (findings, causes) =>
      `${n(findings, 'bevinding', 'bevindingen')}, uit ${n(causes, 'oorzaak', 'oorzaken')}: elke kaart is één plek om iets op te lossen, met alles wat die veroorzaakt. De details bewaren het bewijs van elke bevinding.`,
    causesCaption: 'Wat het veroorzaakt',
    causeHeadings: ['Bevinding', 'Regel', 'Bedrijf en doel', 'Bezoek', "Pagina's", 'Eerst gezien'],
    detailsOf: (v) => `Bewijs van de ${n(v, 'bevinding', 'bevindingen')}`,
    seeRule: 'de regel',
    rulesHeading: 'De regels',
    rulesIntro: 'Wat elke regel in dit rapport vraagt, in gewone woorden, en de wet erachter.',
    timelineIntro:
      'Echte tijd vanaf het begin van het bezoek, zoals de gate die mat: het eerste verzoek, de eerste cookie of opslag van elke tracker, het moment dat de gate de cookiemelding op het scherm zag (ze kan iets eerder verschenen zijn) en de klik. Markeringen op rood gingen af voordat de melding te zien was, of nadat de bezoeker weigerde of alleen scrolde.',
    timelineTitle: (page, visit) => `Wanneer elke tracker afging op ${page}: ${visit.toLowerCase()}`,
    bannerSeen: 'melding gezien',
    action: { scroll: 'gescrold', reject: 'geweigerd', save: 'opgeslagen zoals getoond', accept: 'geaccepteerd', withdraw: 'toestemming ingetrokken' },
    band: { beforeBanner: 'vóór de melding', noBanner: 'geen cookiemelding', afterRefusal: 'na weigeren', afterScroll: 'na scrollen, geen keuze' },
    mark: (vendor, what, time, band) => `${vendor}: ${what} na ${time}${band ? `, ${band}` : ''}`,
    at: (what, time) => `${what} na ${time}`,
    nothingAnywhere: 'Niets te melden: op geen enkele pagina is bij enig bezoek tracking gezien.',
    pagesHeading: "Pagina's, en wanneer elke tracker afging",
    screenshotPage: ['De pagina zoals een nieuwe bezoeker die zag', 'Wat een nieuwe bezoeker zag, vóór een keuze'],
    screenshotBanner: ['De cookiemelding', 'De cookiemelding'],
    nothingOnPage: 'Niets te melden: op deze pagina is bij geen enkel bezoek tracking gezien.',
    storedHeading: 'Opgeslagen na accepteren',
    noInventory: 'Bij geen enkel bezoek kon een cookiemelding worden geaccepteerd, dus er is geen overzicht van wat de website met toestemming opslaat.',
    storedIntro: 'Alles wat de website opsloeg nadat de bezoeker accepteerde: de tabel die in een cookiebeleid hoort. Neem haar over in het beleid en controleer elk doel.',
    storedCaption: 'Cookies en opslag na accepteren',
    storedSummary: (v) => `${n(v, 'cookie of opslagsleutel', 'cookies en opslagsleutels')}: de tabel`,
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
